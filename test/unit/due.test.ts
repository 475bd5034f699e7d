import {
  formatInvited,
  guestChangeFor,
  isNotificationDue,
  mergeAttendees,
  parseInvited,
  pendingNotificationIds,
  planDelivery,
} from '../../src/domain/notify/due';
import { app, program } from './dueFixtures';

const before = new Date('2023-08-14T23:00:00-04:00');
const after = new Date('2023-08-15T09:00:00-04:00');

describe('notification due rule', () => {
  const p = program();
  it.each([
    ['Pending', '', after, false],
    ['Accepted', '', before, false],
    ['Accepted', '', after, true],
    ['Accepted', 'Accepted', after, false],
    ['Declined', 'Accepted', after, true],
    ['Waitlisted', '', after, true],
    ['Withdrawn', 'Waitlisted', after, true],
  ] as const)('%s notified %p at %p → %p', (status, notified, now, due) => {
    expect(isNotificationDue(app({ status, notified }), p.settings, now)).toBe(due);
  });
  it('is due exactly at the notify date', () => {
    expect(isNotificationDue(app({ status: 'Accepted' }), p.settings, p.settings.notifyFrom)).toBe(true);
  });
});

describe('Invited cell', () => {
  it('parses and formats', () => {
    expect(parseInvited('')).toEqual([]);
    expect(parseInvited('4, 2,2 ;1')).toEqual([1, 2, 4]);
    expect(formatInvited([3, 1, 3])).toBe('1, 3');
  });
});

describe('guest changes', () => {
  const p = program();
  it('adds an accepted member to every meeting not started, from the notify date on', () => {
    expect(guestChangeFor(app({ status: 'Accepted' }), p, before)).toEqual({ add: [], remove: [] });
    expect(guestChangeFor(app({ status: 'Accepted' }), p, after)).toEqual({ add: [1, 2, 3, 4], remove: [] });
    expect(guestChangeFor(app({ status: 'Accepted', invited: '1, 2' }), p, after)).toEqual({ add: [3, 4], remove: [] });
  });
  it('never touches a meeting that has started', () => {
    const duringFirst = new Date('2023-08-29T18:30:00Z'); // clna 1 runs 18:00–19:30Z
    expect(guestChangeFor(app({ status: 'Accepted' }), p, duringFirst)).toEqual({ add: [2, 3, 4], remove: [] });
    expect(guestChangeFor(app({ status: 'Withdrawn', invited: '1, 2, 3, 4' }), p, duringFirst)).toEqual({ add: [], remove: [2, 3, 4] });
  });
  it('removes a member no longer accepted only from meetings they are on', () => {
    expect(guestChangeFor(app({ status: 'Declined', invited: '3' }), p, after)).toEqual({ add: [], remove: [3] });
    expect(guestChangeFor(app({ status: 'Pending', invited: '' }), p, after)).toEqual({ add: [], remove: [] });
  });
  it('crosses daylight saving with the instants of the Meetings tab', () => {
    // clna 3 is 2023-12-12 2 pm EST = 19:00Z; at 18:30Z it has not started
    const m3 = p.meetings.find((m) => m.community === 'clna' && m.number === 3)!;
    expect(m3.start.toISOString()).toBe('2023-12-12T19:00:00.000Z');
    expect(guestChangeFor(app({ status: 'Accepted', invited: '1, 2' }), p, new Date('2023-12-12T18:30:00Z')).add).toEqual([3, 4]);
  });
});

describe('planDelivery', () => {
  const p = program();
  it('makes one email per applicant covering every due community, case-insensitively', () => {
    const a = app({ email: 'Jane@State.gov', status: 'Accepted', community: 'clna' });
    const b = app({ email: 'jane@state.gov ', status: 'Declined', community: 'learner-voice' });
    const c = app({ email: 'jane@state.gov', status: 'Accepted', community: 'k12-postsecondary', notified: 'Accepted' });
    const d = app({ email: 'joe@state.gov', status: 'Waitlisted', community: 'clna' });
    const plan = planDelivery([a, b, c, d], p, after);
    expect(plan.emails.map((e) => [e.to, e.applications.map((x) => x.id)])).toEqual([
      ['Jane@State.gov', [a.id, b.id]],
      ['joe@state.gov', [d.id]],
    ]);
  });
  it('sends nothing before the notify date, but invitations too wait', () => {
    const plan = planDelivery([app({ status: 'Accepted' })], p, before);
    expect(plan).toEqual({ emails: [], events: [] });
  });
  it('groups guest changes per event', () => {
    const a = app({ status: 'Accepted', community: 'clna', notified: 'Accepted' });
    const b = app({ status: 'Withdrawn', community: 'clna', invited: '1, 2, 3, 4', notified: 'Withdrawn' });
    const plan = planDelivery([a, b], p, after);
    expect(plan.emails).toEqual([]);
    expect(plan.events.map((e) => [e.meeting.number, e.add.map((x) => x.email), e.remove.map((x) => x.email)])).toEqual([
      [1, [a.email], [b.email]],
      [2, [a.email], [b.email]],
      [3, [a.email], [b.email]],
      [4, [a.email], [b.email]],
    ]);
  });
  it('with ids: covers those applicants in full and only the events those ids touch', () => {
    const a = app({ email: 'x@s.gov', status: 'Accepted', community: 'clna' });
    const a2 = app({ email: 'x@s.gov', status: 'Declined', community: 'learner-voice' });
    const other = app({ email: 'y@s.gov', status: 'Accepted', community: 'data-accountability' });
    const sameEvent = app({ email: 'z@s.gov', status: 'Accepted', community: 'clna', notified: 'Accepted' });
    const plan = planDelivery([a, a2, other, sameEvent], p, after, { applicationIds: [a.id] });
    expect(plan.emails.map((e) => e.applications.map((x) => x.id))).toEqual([[a.id, a2.id]]);
    expect(plan.events.map((e) => e.meeting.community)).toEqual(['clna', 'clna', 'clna', 'clna']);
    expect(plan.events[0].add.map((x) => x.applicationId)).toEqual([a.id, sameEvent.id]);
  });
  it('pending ids are the owed notifications whatever the date', () => {
    const a = app({ status: 'Accepted' });
    const b = app({ status: 'Accepted', notified: 'Accepted' });
    const c = app({ status: 'Pending' });
    expect(pendingNotificationIds([a, b, c])).toEqual([a.id]);
    expect(pendingNotificationIds([a, b, c], [b.id, c.id])).toEqual([]);
  });
});

describe('mergeAttendees', () => {
  const staff = { email: 'Staff@CareerTech.org', responseStatus: 'accepted', organizer: true };
  it('adds once, keeps everyone else and their fields', () => {
    const next = mergeAttendees([staff, { email: 'a@x.gov', responseStatus: 'needsAction' }], ['A@x.gov', 'b@x.gov', 'b@x.gov'], []);
    expect(next).toEqual([staff, { email: 'a@x.gov', responseStatus: 'needsAction' }, { email: 'b@x.gov' }]);
  });
  it('removes case-insensitively and returns null when nothing changes', () => {
    expect(mergeAttendees([staff, { email: 'a@x.gov' }], [], ['A@X.GOV'])).toEqual([staff]);
    expect(mergeAttendees([staff], ['staff@careertech.org'], ['nobody@x.gov'])).toBeNull();
    expect(mergeAttendees([], [], [])).toBeNull();
  });
});
