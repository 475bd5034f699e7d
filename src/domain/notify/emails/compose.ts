// One decision email for one applicant, covering every decision due for them (plain text + HTML).
// Used by notify (sending) and by review's previewNotification (showing what will go out).
import type { Application, Community, Program } from '../../program/model';
import { hasStarted, meetingsOf, parseInvited } from '../due';
import { escapeHtml, linkHtml, safeHttpsUrl } from './html';
import { personalLinkBlock } from '../../selfService/personalLink';
import { renderHtml, renderText, type Block, type Values } from './render';
import { DEFAULT_TEMPLATES, REMOVAL_NOTE, type DecisionStatus, type Templates } from './templates';
import { formatCohort, formatMeetingWhen, type FormatDate } from './when';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface ComposeArgs {
  /** one applicant's applications, each carrying the decision to tell (its status) */
  applications: readonly Application[];
  program: Program;
  formatDate: FormatDate;
  now: Date;
  templates?: Templates;
  /** Calendar event id → Google Meet link ('' or absent: the invitation carries it) */
  meetLinks?: Readonly<Record<string, string>>;
  /**
   * Accepted applications per community key, as the sheet has them now. Without it nothing says
   * a community is full (the email cannot know).
   */
  acceptedCounts?: Readonly<Record<string, number>>;
  /** the applicant's personal page (web app + token); absent when the script has no web app */
  personalLink?: string;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/**
 * "Members attend and actively engage in four virtual meetings of 60 to 90 minutes, held every
 * other month:", from the community's rows of the Meetings tab: the count, the lengths (a range,
 * or one length) and "every other month" only when every gap between meetings is about two months.
 */
export function meetingsIntro(meetings: readonly { start: Date; end: Date }[]): string {
  if (meetings.length === 0) return '';
  const minutes = meetings.map((m) => Math.round((m.end.getTime() - m.start.getTime()) / 60_000)).filter((x) => x > 0);
  const lo = Math.min(...minutes);
  const hi = Math.max(...minutes);
  const length = minutes.length === 0 ? '' : lo === hi ? ` of ${lo} minutes` : ` of ${lo} to ${hi} minutes`;
  // Spacing by calendar month (Aug, Oct, Dec, Feb is "every other month" whatever the days between).
  const months = meetings.map((m) => m.start.getUTCFullYear() * 12 + m.start.getUTCMonth()).sort((a, b) => a - b);
  const steps = months.slice(1).map((x, i) => x - months[i]);
  const cadence =
    steps.length > 0 && steps.every((g) => g === 2) ? ', held every other month' : steps.length > 0 && steps.every((g) => g === 1) ? ', held monthly' : '';
  const n = meetings.length;
  return `Members attend and actively engage in ${n === 1 ? 'one virtual meeting' : `${countWord(n)} virtual meetings`}${length}${cadence}:`;
}

/** Accepted applications per community key (for `acceptedCounts`). */
export function acceptedCountsOf(applications: readonly Pick<Application, 'community' | 'status'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of applications) if (a.status === 'Accepted') counts[a.community] = (counts[a.community] ?? 0) + 1;
  return counts;
}

/** Whether the community has a capacity and its accepted applications reach it. */
export function isFull(community: Community | undefined, acceptedCounts: Readonly<Record<string, number>> | undefined): boolean {
  if (!community || community.capacity === null || !acceptedCounts) return false;
  return (acceptedCounts[community.key] ?? 0) >= community.capacity;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** 'Using the CLNA…' → 'using the CLNA…' (an acronym such as 'CTE …' stays as it is). */
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function meetingsBlock(app: Application, program: Program, args: ComposeArgs): Block {
  const tz = program.settings.timeZone;
  const lines: { text: string; html: string }[] = meetingsOf(program, app.community).map((m) => {
    const when = `Meeting ${m.number}: ${formatMeetingWhen(m.start, m.end, tz, args.formatDate)}`;
    if (hasStarted(m, args.now)) return { text: `${when} (already held)`, html: `${escapeHtml(when)} (already held)` };
    const link = safeHttpsUrl(args.meetLinks?.[m.eventId] ?? '');
    return link
      ? { text: `${when}, Google Meet: ${link}`, html: `${escapeHtml(when)}, Google Meet: ${linkHtml(link)}` }
      : { text: when, html: escapeHtml(when) };
  });
  if (!lines.length) {
    const none = 'The meeting dates will follow.';
    return { text: none, html: `<p>${escapeHtml(none)}</p>` };
  }
  return {
    text: lines.map((l) => `  • ${l.text}`).join('\n'),
    html: `<ul>\n${lines.map((l) => `<li>${l.html}</li>`).join('\n')}\n</ul>`,
  };
}

function sectionValues(app: Application, community: Community | undefined, program: Program, args: ComposeArgs): Values {
  const tz = program.settings.timeZone;
  const open = meetingsOf(program, app.community)
    .filter((m) => !hasStarted(m, args.now))
    .map((m) => m.number);
  const stillOnMeetings = parseInvited(app.invited).some((n) => open.indexOf(n) >= 0);
  const name = community ? community.name : app.community;
  const cohort = community ? formatCohort(community.cohortStart, community.cohortEnd, tz, args.formatDate) : app.cohort;
  const description = community ? community.description.trim() : '';
  const meetings = meetingsOf(program, app.community);
  const ahead = meetings.some((m) => !hasStarted(m, args.now));
  const where = cohort ? `the ${name} Community of Practice (${cohort})` : `the ${name} Community of Practice`;
  return {
    community: name,
    communityDescription: community ? community.description : '',
    communityFocus: community ? lowerFirst(community.description) : '',
    focusSentence: description ? `This community of practice will focus on ${lowerFirst(description)}` : '',
    cohort,
    meetings: meetingsBlock(app, program, args),
    meetingsIntro: meetingsIntro(meetings),
    invitationsNote: ahead ? 'Calendar invitations to the meetings ahead, with the Google Meet link, follow from Google Calendar.' : '',
    waitlistNote: isFull(community, args.acceptedCounts)
      ? `${where.charAt(0).toUpperCase()}${where.slice(1)} is full for now, so we have placed you on its waitlist.`
      : `We are not able to offer you a place in ${where} at this time, so we have placed you on its waitlist.`,
    waitlistOffer:
      community && community.capacity !== null
        ? 'When a place opens, we offer it to waitlisted applicants in the order they were placed on the waitlist, and we will email you as soon as one is offered to you, with the meeting dates and calendar invitations.'
        : 'If a place becomes available, we will email you as soon as it is offered to you, with the meeting dates and calendar invitations.',
    removalNote: app.status !== 'Accepted' && stillOnMeetings ? REMOVAL_NOTE : '',
  };
}

/** Throws when an application carries no decision (Pending): there is nothing to tell. */
export function composeDecisionEmail(args: ComposeArgs): EmailContent {
  const { program } = args;
  const templates = args.templates ?? DEFAULT_TEMPLATES;
  const apps = args.applications;
  if (!apps.length) throw new Error('composeDecisionEmail: no applications');
  const first = apps[0];
  const s = program.settings;
  const communityOf = (key: string) => program.communities.find((c) => c.key === key);
  const names = apps.map((a) => communityOf(a.community)?.name ?? a.community);

  const common: Values = {
    firstName: first.firstName.trim() || first.lastName.trim() || 'applicant',
    lastName: first.lastName.trim(),
    fullName: [first.firstName.trim(), first.lastName.trim()].filter(Boolean).join(' '),
    email: first.email.trim(),
    program: s.program,
    contactName: s.contactName,
    contactEmail: s.contactEmail,
    senderName: s.senderName,
    communities: joinNames(names),
  };

  const sections = apps.map((app) => {
    if (app.status === 'Pending') throw new Error(`composeDecisionEmail: ${app.id} has no decision`);
    const template = templates[app.status];
    const values = { ...common, ...sectionValues(app, communityOf(app.community), program, args) };
    return { text: renderText(template.body, values), html: renderHtml(template.body, values) };
  });
  const sectionsBlock: Block = {
    text: sections.map((x) => x.text).join('\n\n'),
    html: sections.map((x) => `<div style="margin:1em 0">\n${x.html}\n</div>`).join('\n'),
  };

  const statuses = apps.map((a) => a.status);
  const single = statuses.every((st) => st === statuses[0]) ? (statuses[0] as DecisionStatus) : null;
  const subjectTemplate = single ? templates[single].subject : templates.Email.subject;
  const subject = renderText(subjectTemplate, { ...common, community: joinNames(names) })
    .replace(/\s+/g, ' ')
    .trim();

  const frame = templates.Email.body;
  const values: Values = { ...common, sections: sectionsBlock };
  const link = personalLinkBlock(args.personalLink);
  const text = renderText(frame, values) + (link ? `\n\n${link.text}\n` : '');
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124">',
    renderHtml(frame, values),
    ...(link ? [link.html] : []),
    '</div>',
  ].join('\n');
  return { subject, text, html };
}
