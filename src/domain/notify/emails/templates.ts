// Decision email text. The defaults live here; staff can override any of them in the optional
// `Templates` tab (Template | Subject | Body), which setup creates pre-filled with these rows.
// A template is plain text with {{placeholders}}: staff never write HTML, so nothing they type
// can break the HTML version, and every value filled in is escaped there.
//
// Placeholders, everywhere: firstName, lastName, fullName, email, program, contactName,
//   contactEmail, senderName, communities (the communities this email covers, "A and B").
// In a decision section: community, communityDescription, communityFocus (the description
//   starting lower-case, to follow 'will focus on'), focusSentence ('This community of practice
//   will focus on …', empty without a description), cohort, meetings (a line holding only
//   {{meetings}} becomes the list of the community's meetings), meetingsIntro (how many meetings,
//   how long and how often, from the Meetings tab), invitationsNote (empty when no meeting is
//   ahead), waitlistNote (says the community is full only when it has a capacity and it is
//   reached), waitlistOffer (how a place is offered: in waitlist order when there is a capacity),
//   removalNote.
// Every sentence that depends on the program's settings is a computed placeholder, so an email
// never states something the sheet does not support (issue 12: no "full" without a capacity).
// In `Email` (the frame every email uses): sections (each due decision, in sheet order).
// The subject is the decision template's when every section of the email has the same decision,
// the `Email` one otherwise.
// Member emails (src/domain/members/memberEmails.ts) are whole emails, not sections:
// `Agenda`: firstName, lastName, fullName, program, contactName, contactEmail, senderName,
//   meetingTitles ("Learner Voice meeting 2"), agendas (a line holding only {{agendas}} becomes,
//   per meeting: its title, date, time and zone, Google Meet link and agenda).
// `Follow-up`: the same, with missed (a line holding only {{missed}} lists the missed meetings)
//   and upcoming (the member's meetings still to come).
import type { Status } from '../../program/model';

export const TEMPLATE_TAB = 'Templates';
export const TEMPLATE_HEADERS = ['Template', 'Subject', 'Body'] as const;

export type DecisionStatus = Exclude<Status, 'Pending'>;
export const TEMPLATE_NAMES = ['Email', 'Accepted', 'Waitlisted', 'Declined', 'Withdrawn', 'Agenda', 'Follow-up'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface Template {
  subject: string;
  body: string;
}
export type Templates = Record<TemplateName, Template>;

export const DEFAULT_TEMPLATES: Templates = {
  Email: {
    subject: '{{program}}: your application',
    body: [
      'Dear {{firstName}},',
      '',
      'Thank you for applying to the {{program}}, a space for state CTE leaders to share promising practices and lessons learned with peers from other states.',
      '',
      '{{sections}}',
      '',
      'If you have any questions or need additional information, reply to this email or write to {{contactName}} at {{contactEmail}}.',
      '',
      'Best regards,',
      '{{senderName}}',
    ].join('\n'),
  },
  Accepted: {
    subject: 'Welcome to the {{program}}: {{communities}}',
    body: [
      '{{community}}: accepted',
      '',
      'We are delighted to welcome you to the {{community}} Community of Practice ({{cohort}}). {{focusSentence}}',
      '',
      '{{meetingsIntro}}',
      '{{meetings}}',
      '',
      '{{invitationsNote}} The agenda and any pre-reading will be provided in advance of each meeting.',
    ].join('\n'),
  },
  Waitlisted: {
    subject: '{{program}}: you are on the waitlist for {{communities}}',
    body: ['{{community}}: waitlisted', '', '{{waitlistNote}} {{waitlistOffer}} You do not need to do anything in the meantime.'].join('\n'),
  },
  Declined: {
    subject: '{{program}}: your application for {{communities}}',
    body: [
      '{{community}}: not accepted',
      '',
      'Thank you for your interest in the {{community}} Community of Practice. We are not able to offer you a place in this cohort. {{removalNote}}',
      '',
      'We hope you will stay in touch and apply again in a future program year.',
    ].join('\n'),
  },
  Withdrawn: {
    subject: '{{program}}: you have been withdrawn from {{communities}}',
    body: [
      '{{community}}: withdrawn',
      '',
      'This confirms that you have been withdrawn from the {{community}} Community of Practice. {{removalNote}}',
      '',
      'If this is a mistake or you would like to rejoin, please reply to this email.',
    ].join('\n'),
  },
  Agenda: {
    subject: '{{program}}: agenda for {{meetingTitles}}',
    body: [
      'Dear {{firstName}},',
      '',
      'Here is the agenda for your upcoming Community of Practice meeting. Please look it over, and any pre-reading it lists, before the meeting.',
      '',
      '{{agendas}}',
      '',
      'If you cannot attend, please answer the calendar invitation or reply to this email. Questions: {{contactName}} at {{contactEmail}}.',
      '',
      'Best regards,',
      '{{senderName}}',
    ].join('\n'),
  },
  'Follow-up': {
    subject: '{{program}}: we missed you at {{meetingTitles}}',
    body: [
      'Dear {{firstName}},',
      '',
      'We missed you at the following Community of Practice meeting:',
      '{{missed}}',
      '',
      'Members commit to attending and actively engaging in the four meetings of their community. If something is keeping you from attending, please reply to this email and let us know; we are glad to help.',
      '',
      '{{upcoming}}',
      '',
      'Best regards,',
      '{{senderName}}',
    ].join('\n'),
  },
};

export const REMOVAL_NOTE = 'You have been removed from its remaining meetings, and Google Calendar will let you know.';

/**
 * Bodies setup wrote into the Templates tab before the wording was made row-true (issue 12). A row
 * still holding one of them was never edited by staff, so the current default replaces it.
 */
export const SUPERSEDED_BODIES: Partial<Record<TemplateName, readonly string[]>> = {
  Accepted: [
    [
      '{{community}}: accepted',
      '',
      'We are delighted to welcome you to the {{community}} Community of Practice ({{cohort}}). This community of practice will focus on {{communityFocus}}',
      '',
      'Members attend and actively engage in four virtual meetings of 60 to 90 minutes, held every other month:',
      '{{meetings}}',
      '',
      'Calendar invitations to these meetings, with the Google Meet link, follow from Google Calendar. The agenda and any pre-reading will be provided in advance of each meeting.',
    ].join('\n'),
  ],
  Waitlisted: [
    [
      '{{community}}: waitlisted',
      '',
      'The {{community}} Community of Practice ({{cohort}}) is full for now, so we have placed you on its waitlist. When a place opens, we offer it to waitlisted applicants in the order they applied, and we will email you as soon as one is offered to you, with the meeting dates and calendar invitations. You do not need to do anything in the meantime.',
    ].join('\n'),
  ],
  Declined: [
    [
      '{{community}}: not accepted',
      '',
      'Thank you for your interest in the {{community}} Community of Practice. We are not able to offer you a place in this cohort. {{removalNote}}',
      '',
      'We hope you will stay in touch and consider future Advance CTE opportunities.',
    ].join('\n'),
  ],
};

function sameText(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+\n/g, '\n')
      .trim();
  return norm(a) === norm(b);
}

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).indexOf(name) >= 0;
}

/**
 * The templates in effect: the defaults, overridden by the tab's rows. A blank Subject or Body
 * cell keeps the default, so a half-filled row never sends an empty email; unknown names are
 * ignored (staff notes).
 */
export function templatesFromRows(rows: readonly { template: string; subject: string; body: string }[]): Templates {
  const out: Templates = { ...DEFAULT_TEMPLATES };
  for (const row of rows) {
    const name = String(row.template).trim();
    const match = TEMPLATE_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
    if (!match) continue;
    const subject = String(row.subject).trim();
    const body = String(row.body).replace(/\r\n?/g, '\n');
    const superseded = (SUPERSEDED_BODIES[match] ?? []).some((old) => sameText(old, body));
    out[match] = {
      subject: subject || DEFAULT_TEMPLATES[match].subject,
      body: body.trim() && !superseded ? body : DEFAULT_TEMPLATES[match].body,
    };
  }
  return out;
}
