// One decision email for one applicant, covering every decision due for them (plain text + HTML).
// Used by notify (sending) and by review's previewNotification (showing what will go out).
import type { Application, Community, Program } from '../../program/model';
import { hasStarted, meetingsOf, parseInvited } from '../due';
import { escapeHtml, linkHtml, safeHttpsUrl } from './html';
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
  const open = meetingsOf(program, app.community).filter((m) => !hasStarted(m, args.now)).map((m) => m.number);
  const stillOnMeetings = parseInvited(app.invited).some((n) => open.indexOf(n) >= 0);
  return {
    community: community ? community.name : app.community,
    communityDescription: community ? community.description : '',
    communityFocus: community ? lowerFirst(community.description) : '',
    cohort: community ? formatCohort(community.cohortStart, community.cohortEnd, tz, args.formatDate) : app.cohort,
    meetings: meetingsBlock(app, program, args),
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
    const template = templates[app.status as DecisionStatus];
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
  const subject = renderText(subjectTemplate, { ...common, community: joinNames(names) }).replace(/\s+/g, ' ').trim();

  const frame = templates.Email.body;
  const values: Values = { ...common, sections: sectionsBlock };
  const text = renderText(frame, values);
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124">',
    renderHtml(frame, values),
    '</div>',
  ].join('\n');
  return { subject, text, html };
}
