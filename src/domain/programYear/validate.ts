// Strict validation of a program-year proposal (staff edit it in the dialog; google.script.run
// hands us whatever the page sends). Anything malformed refuses the whole proposal; every problem
// says which field and what to fix, in words staff use, so the dialog can show it next to the field.
// The limits and the shape of a valid proposal: validProposal.ts (re-exported here).
import type { ProgramYearProposal, ProposalProblem } from './proposal';
import { formatLongDate, formatTime, formatWeekdayDate, zoneAbbreviation } from '../program/dates';
import type { Community } from '../program/model';
import { labelKey } from '../program/programParse';
import { localDayNumber, parseIsoStrict } from './calendarMath';
import { LIMITS, type NewMeeting, type Validation, type ValidationContext } from './validProposal';

export { LIMITS, summarizeProblems, type NewMeeting, type Validation, type ValidationContext, type ValidProposal } from './validProposal';

const KEY = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function when(d: Date, tz: string): string {
  return `${formatWeekdayDate(d, tz)} at ${formatTime(d, tz)} ${zoneAbbreviation(d, tz)}`;
}

export function validateProposal(input: unknown, ctx: ValidationContext): Validation {
  const problems: ProposalProblem[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };
  const tz = ctx.timeZone;

  if (!isRecord(input)) return { ok: false, problems: [{ field: 'proposal', message: 'The proposal is missing or is not an object.' }] };
  let size: number;
  try {
    size = JSON.stringify(input).length;
  } catch {
    return { ok: false, problems: [{ field: 'proposal', message: 'The proposal is not plain JSON data.' }] };
  }
  if (size > LIMITS.bytes)
    return { ok: false, problems: [{ field: 'proposal', message: `The proposal is too large (${size} characters; at most ${LIMITS.bytes}).` }] };

  // --- program name
  const program = typeof input.program === 'string' ? input.program.trim() : null;
  if (program === null || program === '') add('program', 'Give the new program a name, e.g. "2027–2028 Communities of Practice".');
  else if (program.length > LIMITS.programName) add('program', `The program name is ${program.length} characters long; keep it to ${LIMITS.programName}.`);
  else if (/[\r\n\t]/.test(program)) add('program', 'The program name must be on one line.');
  else if (program === ctx.currentProgram.trim())
    add('program', `"${program}" is the current program's name: give the new year its own name (the old year's tabs are archived under it).`);

  // --- settings
  const settings = isRecord(input.settings) ? input.settings : null;
  if (!settings) add('settings', 'The proposal has no settings (registration deadline, notify date).');
  if (settings && settings.timeZone !== undefined && settings.timeZone !== tz) {
    add('settings.timeZone', `The time zone cannot be changed here (the program uses ${tz}). Change "Time zone" in the Settings tab first if it must change.`);
  }
  const date = (field: string, v: unknown, label: string): Date | null => {
    if (typeof v !== 'string' || v.trim() === '') {
      add(field, `${label}: enter a date${field.includes('Deadline') || field.includes('start') || field.includes('end') ? ' and time' : ''}.`);
      return null;
    }
    if (v.length > 40) {
      add(field, `${label}: "${v.slice(0, 40)}…" is not a date.`);
      return null;
    }
    const d = parseIsoStrict(v, tz);
    if (!d) add(field, `${label}: "${v}" is not a date this form can read. Use the date picker, or write it as 2027-09-17T23:59.`);
    return d;
  };
  const deadline = settings ? date('settings.registrationDeadline', settings.registrationDeadline, 'Registration deadline') : null;
  const notifyFrom = settings ? date('settings.notifyFrom', settings.notifyFrom, 'Notify from') : null;
  if (deadline && ctx.now && deadline.getTime() <= ctx.now.getTime()) {
    add(
      'settings.registrationDeadline',
      `Registration deadline: ${when(deadline, tz)} has already passed; the new form would close at once. Pick a later date.`,
    );
  }

  // --- communities
  const communities: Community[] = [];
  const rawCommunities = Array.isArray(input.communities) ? input.communities : null;
  if (!rawCommunities) add('communities', 'The proposal has no list of communities.');
  else if (rawCommunities.length === 0) add('communities', 'Keep at least one community.');
  else if (rawCommunities.length > LIMITS.communities)
    add('communities', `${rawCommunities.length} communities is more than this dialog takes (${LIMITS.communities}).`);
  const keys = new Map<string, number>();
  const names = new Map<string, number>();
  (rawCommunities ?? []).slice(0, LIMITS.communities).forEach((raw, i) => {
    const f = (name: string): string => `communities.${i}.${name}`;
    if (!isRecord(raw)) {
      add(`communities.${i}`, `Community ${i + 1} is not a community record.`);
      return;
    }
    const name = typeof raw.name === 'string' ? raw.name.trim() : '';
    const label = name || `Community ${i + 1}`;
    let ok = true;
    if (!name) {
      add(f('name'), `Community ${i + 1}: give it a name (the form's checkbox label).`);
      ok = false;
    } else if (name.length > LIMITS.name) {
      add(f('name'), `${label}: the name is ${name.length} characters; keep it to ${LIMITS.name}.`);
      ok = false;
    } else if (name.includes(',')) {
      add(f('name'), `${label}: remove the comma from the name. The form joins checked options with commas, so a name with one could not be read back.`);
      ok = false;
    } else if (/[\r\n\t]/.test(name)) {
      add(f('name'), `${label}: the name must be on one line.`);
      ok = false;
    } else if (names.has(labelKey(name))) {
      add(f('name'), `${label}: another community already has this name; each checkbox on the form needs its own.`);
      ok = false;
    } else names.set(labelKey(name), i);

    const key = typeof raw.key === 'string' ? raw.key.trim() : '';
    if (!key) {
      add(f('key'), `${label}: give it a key (lower-case letters, digits and hyphens, e.g. "learner-voice").`);
      ok = false;
    } else if (key.length > LIMITS.key || !KEY.test(key)) {
      add(
        f('key'),
        `${label}: the key "${key.slice(0, 50)}" may use only lower-case letters, digits and hyphens (at most ${LIMITS.key}), e.g. "learner-voice".`,
      );
      ok = false;
    } else if (keys.has(key)) {
      add(f('key'), `${label}: the key "${key}" is already used by community ${(keys.get(key) as number) + 1}; keys must be unique.`);
      ok = false;
    } else keys.set(key, i);

    let description = '';
    if (raw.description === undefined || raw.description === null) description = '';
    else if (typeof raw.description !== 'string') {
      add(f('description'), `${label}: the description must be text.`);
      ok = false;
    } else if (raw.description.length > LIMITS.description) {
      add(f('description'), `${label}: the description is ${raw.description.length} characters; keep it to ${LIMITS.description}.`);
      ok = false;
    } else description = raw.description.trim();

    const cohortStart = date(f('cohortStart'), raw.cohortStart, `${label}, cohort start`);
    const cohortEnd = date(f('cohortEnd'), raw.cohortEnd, `${label}, cohort end`);
    if (cohortStart && cohortEnd && localDayNumber(cohortEnd, tz) < localDayNumber(cohortStart, tz)) {
      add(f('cohortEnd'), `${label}: the cohort ends (${formatLongDate(cohortEnd, tz)}) before it starts (${formatLongDate(cohortStart, tz)}).`);
      ok = false;
    }

    let capacity: number | null = null;
    const c = raw.capacity;
    if (c === null || c === undefined || c === '') capacity = null;
    else if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > LIMITS.capacity) {
      add(
        f('capacity'),
        `${label}: capacity must be a whole number from 0 to ${LIMITS.capacity}, or blank for no limit (got ${JSON.stringify(c).slice(0, 20)}).`,
      );
      ok = false;
    } else capacity = c;

    if (ok && cohortStart && cohortEnd) communities.push({ key, name, description, cohortStart, cohortEnd, capacity });
  });

  // --- meetings
  const meetings: NewMeeting[] = [];
  const rawMeetings = Array.isArray(input.meetings) ? input.meetings : null;
  const maxMeetings = LIMITS.communities * LIMITS.meetingsPerCommunity;
  if (!rawMeetings) add('meetings', 'The proposal has no list of meetings.');
  else if (rawMeetings.length > maxMeetings) add('meetings', `${rawMeetings.length} meetings is more than this dialog takes (${maxMeetings}).`);
  const seen = new Set<string>();
  const byCommunity = new Map<string, { m: NewMeeting; i: number }[]>();
  (rawMeetings ?? []).slice(0, maxMeetings).forEach((raw, i) => {
    const f = (name: string): string => `meetings.${i}.${name}`;
    if (!isRecord(raw)) {
      add(`meetings.${i}`, `Meeting row ${i + 1} is not a meeting record.`);
      return;
    }
    const key = typeof raw.community === 'string' ? raw.community : '';
    const ci = keys.get(key);
    const community = ci === undefined ? undefined : communities.find((c) => c.key === key);
    const communityName =
      community?.name ??
      (ci !== undefined && rawCommunities && isRecord(rawCommunities[ci])
        ? typeof rawCommunities[ci].name === 'string'
          ? rawCommunities[ci].name
          : key
        : key);
    const num = raw.number;
    const numOk = typeof num === 'number' && Number.isInteger(num) && num >= 1 && num <= LIMITS.meetingsPerCommunity;
    const label = `${communityName || 'Meeting row ' + (i + 1)}, meeting ${numOk ? num : '?'}`;
    if (ci === undefined) {
      add(
        f('community'),
        `Meeting row ${i + 1}: "${key.slice(0, 50)}" is not the key of any community in this proposal. Pick one of: ${[...keys.keys()].join(', ') || '(none)'}.`,
      );
    }
    if (!numOk) add(f('number'), `${label}: the meeting number must be 1, 2, 3 or 4 (got ${JSON.stringify(num)?.slice(0, 20)}).`);
    else if (ci !== undefined) {
      const k = `${key}#${num}`;
      if (seen.has(k)) add(f('number'), `${label}: there are two meeting ${num}s for ${communityName}; number them 1 to 4 once each.`);
      seen.add(k);
    }
    const start = date(f('start'), raw.start, `${label}, start`);
    const end = date(f('end'), raw.end, `${label}, end`);
    if (start && end) {
      if (end.getTime() <= start.getTime()) add(f('end'), `${label}: it ends (${formatTime(end, tz)}) before it starts (${formatTime(start, tz)}).`);
      else if (end.getTime() - start.getTime() > LIMITS.meetingHours * 3600000)
        add(f('end'), `${label}: it lasts more than ${LIMITS.meetingHours} hours; check the end date.`);
    }
    if (community && start) {
      if (localDayNumber(start, tz) < localDayNumber(community.cohortStart, tz)) {
        add(
          f('start'),
          `${label} (${when(start, tz)}) is before the cohort starts (${formatLongDate(community.cohortStart, tz)}). Move the meeting or the cohort start.`,
        );
      } else if (localDayNumber(start, tz) > localDayNumber(community.cohortEnd, tz)) {
        add(
          f('start'),
          `${label} (${when(start, tz)}) is after the cohort ends (${formatLongDate(community.cohortEnd, tz)}). Move the meeting or the cohort end.`,
        );
      }
    }
    if (community && numOk && start && end && end.getTime() > start.getTime()) {
      const m: NewMeeting = { community: key, number: num, start, end };
      meetings.push(m);
      const list = byCommunity.get(key) ?? [];
      list.push({ m, i });
      byCommunity.set(key, list);
    }
  });

  for (const c of communities) {
    const list = (byCommunity.get(c.key) ?? []).slice().sort((a, b) => a.m.start.getTime() - b.m.start.getTime());
    const ci = keys.get(c.key) as number;
    if (list.length === 0 && !problems.some((p) => p.field.startsWith('meetings.'))) {
      add(`communities.${ci}.name`, `${c.name}: it has no meetings. Add at least one (members commit to its meetings).`);
    }
    for (let j = 1; j < list.length; j++) {
      const a = list[j - 1];
      const b = list[j];
      if (b.m.start.getTime() < a.m.end.getTime()) {
        add(
          `meetings.${b.i}.start`,
          `${c.name}: meetings ${a.m.number} and ${b.m.number} are at the same time (${when(b.m.start, tz)}). A community meets once at a time; move one of them.`,
        );
      } else if (b.m.number < a.m.number) {
        add(
          `meetings.${b.i}.number`,
          `${c.name}: meeting ${b.m.number} (${formatLongDate(b.m.start, tz)}) comes after meeting ${a.m.number} (${formatLongDate(a.m.start, tz)}); number the meetings in date order.`,
        );
      }
    }
  }

  if (deadline && meetings.length > 0) {
    // Registration is rolling: the seeded program closes it on Sep 15, after two communities have
    // met once (a late member is invited to the meetings still ahead). So the deadline is refused
    // when it falls after the first meeting of EVERY community (the last community to start),
    // not after the earliest meeting, which would refuse the seeded program itself.
    const firsts = communities
      .map((c) => (byCommunity.get(c.key) ?? []).reduce<NewMeeting | null>((a, b) => (!a || b.m.start.getTime() < a.start.getTime() ? b.m : a), null))
      .filter((m): m is NewMeeting => m !== null);
    const lastToStart = firsts.reduce((a, b) => (b.start.getTime() > a.start.getTime() ? b : a));
    const earliest = firsts.reduce((a, b) => (b.start.getTime() < a.start.getTime() ? b : a));
    const nameOf = (m: NewMeeting): string => communities.find((c) => c.key === m.community)?.name ?? m.community;
    if (deadline.getTime() >= lastToStart.start.getTime()) {
      add(
        'settings.registrationDeadline',
        `Registration deadline (${when(deadline, tz)}) is after the first meeting of every community (the last to start: ${nameOf(lastToStart)}, meeting ${lastToStart.number}, ${when(lastToStart.start, tz)}). Close registration before the meetings begin.`,
      );
    }
    if (notifyFrom && notifyFrom.getTime() >= earliest.start.getTime()) {
      add(
        'settings.notifyFrom',
        `Notify from (${when(notifyFrom, tz)}) is after the first meeting (${nameOf(earliest)}, meeting ${earliest.number}, ${when(earliest.start, tz)}); members would hear of their acceptance too late. Pick an earlier date.`,
      );
    }
  }

  if (problems.length > 0 || !program || !deadline || !notifyFrom) return { ok: false, problems };
  const order = new Map(communities.map((c, i) => [c.key, i]));
  meetings.sort((a, b) => (a.community === b.community ? a.number - b.number : (order.get(a.community) as number) - (order.get(b.community) as number)));
  return { ok: true, value: { program, timeZone: tz, registrationDeadline: deadline, notifyFrom, communities, meetings } };
}

/** Convenience for callers that hold a wire proposal. */
export type { ProgramYearProposal };
