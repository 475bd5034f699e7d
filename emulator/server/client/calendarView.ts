// The program calendar(s): each event in America/New_York time, its guests and the invitations
// Google would have emailed, its Meet link; .ics per event and per calendar.
import type { DevCalendar, DevEvent } from '../devWire';
import { getJson, postJson } from './api';
import { h, replace } from './dom';

const ANSWERS: [string, string][] = [
  ['needsAction', 'No answer'],
  ['accepted', 'Yes'],
  ['declined', 'No'],
  ['tentative', 'Maybe'],
];

/** The guest's answer to the invitation, settable here as the member would in their Calendar. */
function answerSelect(e: DevEvent, g: { email: string; responseStatus: string }, root: HTMLElement): HTMLElement {
  const select = h(
    'select',
    { 'aria-label': `Answer of ${g.email} to ${e.summary}` },
    ANSWERS.map(([value, label]) => h('option', { value, selected: g.responseStatus === value }, label)),
  );
  select.addEventListener('change', () => {
    select.disabled = true;
    void postJson('/api/calendar/respond', { eventId: e.id, email: g.email, status: select.value }).then(
      () => renderCalendar(root),
      () => renderCalendar(root),
    );
  });
  return select;
}

export async function renderCalendar(root: HTMLElement): Promise<void> {
  const cals = await getJson<DevCalendar[]>('/api/calendar');
  if (!cals.length) {
    replace(root, h('p', { class: 'empty' }, 'No calendar yet: Set up creates the program calendar and its meetings.'));
    return;
  }
  replace(
    root,
    cals.map((c) =>
      h(
        'section',
        { class: 'calendar', 'aria-label': `Calendar ${c.name}` },
        h(
          'div',
          { class: 'toolbar' },
          h('h2', {}, c.name),
          h('span', { class: 'muted' }, `${c.timeZone} · owner ${c.owner} · ${c.events.length} events`),
          h('a', { href: `/api/calendar/${c.index}.ics`, download: '', class: 'button' }, 'Download calendar .ics'),
        ),
        h(
          'table',
          { class: 'list events' },
          h('thead', {}, h('tr', {}, h('th', {}, 'When (New York)'), h('th', {}, 'Event'), h('th', {}, 'Guests'), h('th', {}, 'Meet'), h('th', {}, ''))),
          h(
            'tbody',
            {},
            c.events.map((e) => eventRow(e, root)),
          ),
        ),
      ),
    ),
  );
}

function eventRow(e: DevEvent, root: HTMLElement): HTMLElement {
  const invited = new Map(e.invitations.map((i) => [i.email, i]));
  return h(
    'tr',
    { 'data-event-id': e.id },
    h('td', { class: 'nowrap' }, e.whenLocal),
    h(
      'td',
      {},
      h('strong', {}, e.summary),
      e.description ? h('details', {}, h('summary', {}, 'Description'), h('pre', { class: 'mail-text' }, e.description)) : null,
    ),
    h(
      'td',
      {},
      e.guests.length
        ? h(
            'ul',
            { class: 'guests', 'aria-label': `Guests of ${e.summary}` },
            e.guests.map((g) =>
              h(
                'li',
                {},
                g.email,
                ' ',
                answerSelect(e, g, root),
                ' ',
                h(
                  'span',
                  { class: 'muted' },
                  `(${g.responseStatus}${invited.has(g.email) ? `, ${invited.get(g.email)?.kind} sent ${invited.get(g.email)?.at}` : ', no invitation email'})`,
                ),
              ),
            ),
          )
        : h('span', { class: 'muted' }, 'no guests'),
      e.invitations.filter((i) => !e.guests.some((g) => g.email === i.email)).map((i) => h('div', { class: 'muted' }, `${i.kind} to ${i.email} ${i.at}`)),
    ),
    h('td', {}, e.meetLink ? h('code', {}, e.meetLink) : h('span', { class: 'muted' }, 'none')),
    h('td', {}, h('a', { href: `/api/event/${encodeURIComponent(e.id)}.ics`, download: '', class: 'button' }, '.ics')),
  );
}
