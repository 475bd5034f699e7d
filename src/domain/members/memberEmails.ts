// The agenda email and the attendance follow-up (templates `Agenda` and `Follow-up`), plain text and
// HTML. Everything staff or applicants typed (names, the agenda) is escaped in the HTML; an agenda
// line that is just an https URL becomes a link, anything else stays text.
import { hasStarted, meetingsOf } from '../notify/due';
import type { Program } from '../program/model';
import { escapeHtml, linkHtml, safeHttpsUrl } from '../notify/emails/html';
import { renderHtml, renderText, type Block, type Values } from '../notify/emails/render';
import { DEFAULT_TEMPLATES, type Templates } from '../notify/emails/templates';
import { formatMeetingWhen, type FormatDate } from '../notify/emails/when';
import type { EmailContent } from '../notify/emails/compose';
import { agendaOf, type MemberEmailPlan } from './plan';
import { personalLinkBlock } from '../selfService/personalLink';

export interface MemberComposeArgs {
  plan: MemberEmailPlan;
  program: Program;
  formatDate: FormatDate;
  now: Date;
  templates?: Templates;
  /** Calendar event id → Google Meet link */
  meetLinks?: Readonly<Record<string, string>>;
  /** the member's personal page (web app + token); absent when the script has no web app */
  personalLink?: string;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The agenda as HTML: escaped, line breaks kept, a line that is only an https URL a link. */
export function agendaHtml(agenda: string): string {
  return agenda
    .split('\n')
    .map((line) => (safeHttpsUrl(line.trim()) ? linkHtml(line.trim()) : escapeHtml(line)))
    .join('<br>\n');
}

export function composeMemberEmail(args: MemberComposeArgs): EmailContent {
  const { plan, program } = args;
  const templates = args.templates ?? DEFAULT_TEMPLATES;
  const s = program.settings;
  const tz = s.timeZone;
  if (!plan.items.length) throw new Error('composeMemberEmail: nothing to send');
  const first = plan.items[0].app;
  const communityName = (key: string) => program.communities.find((c) => c.key === key)?.name ?? key;
  const total = (key: string) => meetingsOf(program, key).length;
  const title = (key: string, n: number) => `${communityName(key)} meeting ${n}`;

  const common: Values = {
    firstName: first.firstName.trim() || first.lastName.trim() || 'member',
    lastName: first.lastName.trim(),
    fullName: [first.firstName.trim(), first.lastName.trim()].filter(Boolean).join(' '),
    email: first.email.trim(),
    program: s.program,
    contactName: s.contactName,
    contactEmail: s.contactEmail,
    senderName: s.senderName,
    meetingTitles: joinNames(plan.items.map((i) => title(i.meeting.community, i.meeting.number))),
  };

  const meetingLines = (items: MemberEmailPlan['items'], withAgenda: boolean): Block => {
    const text: string[] = [];
    const html: string[] = [];
    for (const { meeting: m } of items) {
      const heading = `${communityName(m.community)} Community of Practice, meeting ${m.number} of ${total(m.community)}`;
      const when = formatMeetingWhen(m.start, m.end, tz, args.formatDate);
      const link = safeHttpsUrl(args.meetLinks?.[m.eventId] ?? '');
      const t = [heading, `When: ${when}`];
      const h = [`<strong>${escapeHtml(heading)}</strong>`, `When: ${escapeHtml(when)}`];
      if (link && withAgenda) {
        t.push(`Google Meet: ${link}`);
        h.push(`Google Meet: ${linkHtml(link)}`);
      }
      if (withAgenda) {
        const agenda = agendaOf(m);
        text.push([...t, 'Agenda:', agenda].join('\n'));
        html.push(`<div style="margin:1em 0"><p>${h.join('<br>\n')}</p>\n<p>Agenda:<br>\n${agendaHtml(agenda)}</p></div>`);
      } else {
        text.push(`  • ${heading}: ${when}`);
        html.push(`<li>${escapeHtml(`${heading}: ${when}`)}</li>`);
      }
    }
    return withAgenda ? { text: text.join('\n\n'), html: html.join('\n') } : { text: text.join('\n'), html: `<ul>\n${html.join('\n')}\n</ul>` };
  };

  let values: Values;
  let template = templates.Agenda;
  if (plan.kind === 'agenda') {
    values = { ...common, agendas: meetingLines(plan.items, true) };
  } else {
    template = templates['Follow-up'];
    const communities = Array.from(new Set(plan.items.map((i) => i.meeting.community)));
    const upcoming = communities.flatMap((c) => meetingsOf(program, c).filter((m) => !hasStarted(m, args.now)));
    const next = upcoming.map((m) => ({ app: first, meeting: m }));
    const upcomingBlock = meetingLines(next, false);
    values = {
      ...common,
      missed: meetingLines(plan.items, false),
      upcoming: next.length ? { text: `Your next meetings:\n${upcomingBlock.text}`, html: `<p>Your next meetings:</p>\n${upcomingBlock.html}` } : '',
    };
  }
  const subject = renderText(template.subject, values).replace(/\s+/g, ' ').trim();
  const link = personalLinkBlock(args.personalLink);
  const text = renderText(template.body, values) + (link ? `\n\n${link.text}\n` : '');
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124">',
    renderHtml(template.body, values),
    ...(link ? [link.html] : []),
    '</div>',
  ].join('\n');
  return { subject, text, html };
}
