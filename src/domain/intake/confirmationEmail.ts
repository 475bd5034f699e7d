// The email that tells an applicant their application arrived: what they applied for, the cohort
// dates, and when decisions go out. Applicant text is escaped in the HTML part.
import { formatLongDate, formatTime, formatWeekdayDate, zoneAbbreviation } from '../program/dates';
import { escapeHtml } from '../program/escape';
import { personalLinkBlock } from '../selfService/personalLink';
import type { ConfirmationRecord } from './intakePlan';
import type { Program } from '../program/model';
import { cohortLabel } from './tagging';

export interface ComposedEmail {
  to: string;
  replyTo: string;
  name: string;
  subject: string;
  text: string;
  html: string;
}

interface Line {
  name: string;
  cohort: string;
}

/** `personalLink`: the applicant's personal page (absent when the script has no web app). */
export function composeConfirmation(record: ConfirmationRecord, program: Program, now: Date, personalLink?: string): ComposedEmail {
  const link = personalLinkBlock(personalLink);
  const { settings } = program;
  const tz = settings.timeZone;
  const lines: Line[] = record.c.map((keyOrLabel) => {
    const c = program.communities.find((x) => x.key === keyOrLabel);
    return c ? { name: c.name, cohort: cohortLabel(c, tz) } : { name: keyOrLabel, cohort: '' };
  });
  const greeting = record.n ? `Dear ${record.n},` : 'Hello,';
  const notifyDay = formatLongDate(settings.notifyFrom, tz);
  const decisions =
    now.getTime() < settings.notifyFrom.getTime()
      ? `Staff review applications on a rolling basis. Decisions go out by email starting ${notifyDay}.`
      : 'Staff review applications on a rolling basis and email each decision as it is made.';
  const deadline = `${formatWeekdayDate(settings.registrationDeadline, tz)} at ${formatTime(settings.registrationDeadline, tz)} ${zoneAbbreviation(settings.registrationDeadline, tz)}`;
  const late = record.l ? `Your application arrived after registration closed (${deadline}); staff will still consider it.` : '';
  const accepted = 'Accepted members receive calendar invitations to the four virtual meetings of their community.';
  const contact = `Questions? Reply to this email or write to ${settings.contactName} at ${settings.contactEmail}.`;
  const subject = `${settings.program}: we received your application`;
  const listText = lines.map((l) => `  - ${l.name}${l.cohort ? ` (${l.cohort})` : ''}`).join('\n');
  const text = [
    greeting,
    '',
    `Thank you for applying to the ${settings.program}. We received your application for:`,
    '',
    listText,
    '',
    ...(late ? [late, ''] : []),
    decisions,
    accepted,
    '',
    contact,
    '',
    settings.senderName,
    '',
    ...(link ? [link.text, ''] : []),
  ].join('\n');
  const p = (s: string): string => `<p>${escapeHtml(s)}</p>`;
  const listHtml = lines.map((l) => `<li><strong>${escapeHtml(l.name)}</strong>${l.cohort ? ` (${escapeHtml(l.cohort)})` : ''}</li>`).join('');
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124">',
    p(greeting),
    p(`Thank you for applying to the ${settings.program}. We received your application for:`),
    `<ul>${listHtml}</ul>`,
    late ? p(late) : '',
    p(decisions),
    p(accepted),
    `<p>Questions? Reply to this email or write to ${escapeHtml(settings.contactName)} at <a href="mailto:${escapeHtml(settings.contactEmail)}">${escapeHtml(settings.contactEmail)}</a>.</p>`,
    p(settings.senderName),
    link ? link.html : '',
    '</div>',
  ].join('');
  return { to: record.to, replyTo: settings.contactEmail, name: settings.senderName, subject, text, html };
}
