// Settings / Communities / Meetings tabs → Program. Staff edit these tabs by hand, so every cell is
// parsed leniently and a blank falls back to the seeded default.
import { parseBoolean, parseCapacity, parseDateTime, parseEmailList, text } from './cells';
import { DEFAULT_COMMUNITIES, DEFAULT_SETTINGS } from './defaults';
import { gridReader, isBlankRow, normalizeHeader, type Grid } from './grid';
import { COMMUNITY_HEADERS, MEETING_HEADERS, SETTING_NAMES } from './layout';
import type { Community, Meeting, Program, Settings } from './model';

const [KEY, NAME, DESCRIPTION, COHORT_START, COHORT_END, CAPACITY] = COMMUNITY_HEADERS;
const [M_COMMUNITY, M_NUMBER, M_START, M_END, M_EVENT, M_AGENDA] = MEETING_HEADERS;

/** Setting name (normalised) → value cell, from the Settings tab's Setting/Value rows. */
export function settingCells(grid: Grid | null): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  if (!grid) return cells;
  const read = gridReader(grid);
  grid.rows.forEach((_row, i) => {
    const r = read(i);
    const name = normalizeHeader(r('Setting'));
    if (name && !cells.has(name)) cells.set(name, r('Value'));
  });
  return cells;
}

export function parseSettings(grid: Grid | null): Settings {
  const cells = settingCells(grid);
  const get = (key: keyof typeof SETTING_NAMES): unknown => cells.get(normalizeHeader(SETTING_NAMES[key])) ?? '';
  const str = (key: keyof typeof SETTING_NAMES, fallback: string): string => text(get(key)) || fallback;
  const timeZone = validTimeZone(text(get('timeZone'))) ?? DEFAULT_SETTINGS.timeZone;
  const date = (key: 'registrationDeadline' | 'notifyFrom'): Date => parseDateTime(get(key), timeZone) ?? new Date(DEFAULT_SETTINGS[key].getTime());
  return {
    program: str('program', DEFAULT_SETTINGS.program),
    timeZone,
    registrationDeadline: date('registrationDeadline'),
    notifyFrom: date('notifyFrom'),
    contactName: str('contactName', DEFAULT_SETTINGS.contactName),
    contactEmail: str('contactEmail', DEFAULT_SETTINGS.contactEmail),
    senderName: str('senderName', DEFAULT_SETTINGS.senderName),
    calendarId: text(get('calendarId')),
    sendConfirmations: parseBoolean(get('sendConfirmations'), DEFAULT_SETTINGS.sendConfirmations),
    closeFormAtDeadline: parseBoolean(get('closeFormAtDeadline'), DEFAULT_SETTINGS.closeFormAtDeadline),
    reviewers: parseEmailList(get('reviewers')),
    agendaLeadDays: parseLeadDays(get('agendaLeadDays')),
    sendAttendanceFollowUp: parseBoolean(get('sendAttendanceFollowUp'), DEFAULT_SETTINGS.sendAttendanceFollowUp ?? false),
  };
}

/** Whole days, 0 to 365 (0 = the agenda goes out as soon as it is filled in); blank or unreadable = 7. */
function parseLeadDays(v: unknown): number {
  const s = text(v);
  const n = typeof v === 'number' ? v : /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(n) || n < 0) return DEFAULT_SETTINGS.agendaLeadDays ?? 7;
  return Math.min(365, n);
}

function validTimeZone(tz: string): string | null {
  if (!tz) return null;
  if (tz === DEFAULT_SETTINGS.timeZone) return tz;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return null;
  }
}

/** A stable key for a community that has a name but no key: "K-12/Postsecondary Alignment" → "k-12-postsecondary-alignment". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Communities tab rows (null = tab missing → the seeded communities). */
export function parseCommunities(grid: Grid | null, settings: Settings): Community[] {
  if (!grid) return DEFAULT_COMMUNITIES.map((c) => ({ ...c, cohortStart: new Date(c.cohortStart.getTime()), cohortEnd: new Date(c.cohortEnd.getTime()) }));
  const read = gridReader(grid);
  const out: Community[] = [];
  grid.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const r = read(i);
    const name = text(r(NAME));
    const key = text(r(KEY)) || slugify(name);
    if (!key || out.some((c) => c.key === key)) return;
    const seeded = DEFAULT_COMMUNITIES.find((c) => c.key === key);
    const cohortStart =
      parseDateTime(r(COHORT_START), settings.timeZone) ?? (seeded ? new Date(seeded.cohortStart.getTime()) : new Date(settings.notifyFrom.getTime()));
    const cohortEnd = parseDateTime(r(COHORT_END), settings.timeZone) ?? (seeded ? new Date(seeded.cohortEnd.getTime()) : new Date(cohortStart.getTime()));
    out.push({
      key,
      name: name || seeded?.name || key,
      description: text(r(DESCRIPTION)) || seeded?.description || '',
      cohortStart,
      cohortEnd,
      capacity: parseCapacity(r(CAPACITY)),
    });
  });
  return out;
}

/** Meetings tab rows; the Community cell may hold the key or (tolerated) the community's name. */
export function parseMeetings(grid: Grid | null, communities: Community[], settings: Settings): Meeting[] {
  if (!grid) return [];
  const read = gridReader(grid);
  const out: Meeting[] = [];
  grid.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const r = read(i);
    const community = findCommunity(communities, text(r(M_COMMUNITY)));
    const number = Number(text(r(M_NUMBER)));
    const start = parseDateTime(r(M_START), settings.timeZone);
    if (!community || !Number.isInteger(number) || number < 1 || !start) return;
    const end = parseDateTime(r(M_END), settings.timeZone) ?? new Date(start.getTime() + 90 * 60000);
    out.push({ community: community.key, number, start, end, eventId: text(r(M_EVENT)), agenda: agendaText(r(M_AGENDA)) });
  });
  return out.sort((a, b) => (a.community === b.community ? a.number - b.number : a.community < b.community ? -1 : 1));
}

/** The Agenda cell as text: line breaks kept (staff paste several lines), outer blank space dropped. */
function agendaText(v: unknown): string {
  if (typeof v !== 'string') return text(v);
  return v.replace(/\r\n?/g, '\n').trim();
}

/** Case, spacing and punctuation-spacing insensitive form of a label, for matching. */
export function labelKey(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*([/&,-])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The community a form option, a Community cell or a key refers to (by key or by name, tolerant of case and spacing). */
export function findCommunity(communities: Community[], label: string): Community | undefined {
  let index = lookups.get(communities);
  if (!index) {
    index = new Map();
    lookups.set(communities, index);
  }
  if (index.has(label)) return index.get(label);
  const wanted = labelKey(label);
  const found = wanted ? (communities.find((c) => labelKey(c.name) === wanted) ?? communities.find((c) => labelKey(c.key) === wanted)) : undefined;
  index.set(label, found);
  return found;
}

/** Label → community, per communities list: thousands of rows name the same few communities. */
const lookups = new WeakMap<Community[], Map<string, Community | undefined>>();

export function parseProgram(settingsGrid: Grid | null, communitiesGrid: Grid | null, meetingsGrid: Grid | null): Program {
  const settings = parseSettings(settingsGrid);
  const communities = parseCommunities(communitiesGrid, settings);
  return { settings, communities, meetings: parseMeetings(meetingsGrid, communities, settings) };
}
