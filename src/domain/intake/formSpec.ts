// The application form, as data: titles and options exactly as the SPEC names them, wording from
// the original call for applications, dates and communities from the program tabs (so a new
// program year needs no code).
import { formatLongDate, formatMonthYear, formatWeekdayDate } from '../program/dates';
import { STATES_AND_TERRITORIES } from '../program/defaults';
import { QUESTIONS } from '../program/layout';
import { AGENCY_TYPES, type Community, type Program } from '../program/model';

export type ItemSpec =
  | { type: 'text'; title: string; required: boolean; helpText?: string }
  | { type: 'paragraph'; title: string; required: boolean; helpText?: string }
  | { type: 'choice'; title: string; required: boolean; choices: string[]; helpText?: string }
  | { type: 'list'; title: string; required: boolean; choices: string[]; helpText?: string }
  | { type: 'checkbox'; title: string; required: boolean; choices: string[]; helpText?: string }
  | { type: 'page'; title: string; helpText?: string };

export interface FormSpec {
  title: string;
  description: string;
  confirmationMessage: string;
  items: ItemSpec[];
}

export const COMMITMENT_CHOICE = 'I will attend and actively engage in the four virtual meetings and complete the pre-reading/work.';

function cohortRange(c: Community, tz: string): string {
  return `${formatMonthYear(c.cohortStart, tz)} to ${formatMonthYear(c.cohortEnd, tz)}`;
}

/** "A and B" / "A, B and C" */
function andList(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function communityHelpText(program: Program): string {
  const tz = program.settings.timeZone;
  return program.communities.map((c) => `• ${c.name} (${cohortRange(c, tz)}): ${c.description}`).join('\n');
}

export function formSpec(program: Program): FormSpec {
  const { settings, communities } = program;
  const tz = settings.timeZone;
  const byCohort = new Map<string, string[]>();
  for (const c of communities) {
    const range = cohortRange(c, tz);
    byCohort.set(range, [...(byCohort.get(range) ?? []), c.name]);
  }
  const description = [
    'Advance CTE regularly provides Communities of Practice as a meaningful engagement opportunity for state CTE leaders to share real-time promising practices and lessons learned in a low-intensity, collaborative space that meets the capacity of all members.',
    '',
    `This year's ${communities.length === 1 ? 'community' : `${communities.length} communities`} of practice:`,
    ...communities.map((c) => `• ${c.name}: ${c.description}`),
    '',
    ...Array.from(byCohort.entries()).map(([range, names]) => `• ${range}: ${andList(names)}`),
    '',
    'Staff of the lead state CTE agency and staff of state-level partnering agencies are eligible to participate.',
    '',
    'State Staff Commitment',
    'Community of Practice members should attend and actively engage in four virtual meetings of 60 to 90 minutes held every other month. Some pre-reading/work may be required, and the agenda will be provided in advance.',
    '',
    'Next Steps',
    `• If interested but have more questions or need additional information, please email ${settings.contactName} at ${settings.contactEmail}.`,
    '• If ready to participate, complete the application form below.',
    `• Applicants will be notified starting ${formatLongDate(settings.notifyFrom, tz)} what communities they have been accepted to. Registration will be open on a rolling basis until ${formatWeekdayDate(settings.registrationDeadline, tz)}.`,
  ].join('\n');
  return {
    title: `${settings.program} Application`,
    description,
    confirmationMessage: `Thank you for applying. A confirmation email is on its way; decisions go out starting ${formatLongDate(settings.notifyFrom, tz)}. Questions: ${settings.contactName}, ${settings.contactEmail}.`,
    items: [
      { type: 'text', title: QUESTIONS.firstName, required: true },
      { type: 'text', title: QUESTIONS.lastName, required: true },
      { type: 'text', title: QUESTIONS.jobTitle, required: true },
      { type: 'text', title: QUESTIONS.agency, required: true },
      { type: 'choice', title: QUESTIONS.agencyType, required: true, choices: [...AGENCY_TYPES] },
      { type: 'list', title: QUESTIONS.state, required: true, choices: [...STATES_AND_TERRITORIES] },
      { type: 'page', title: 'Your communities and commitment', helpText: 'Choose the communities you would like to join, and tell us what you hope to gain.' },
      {
        type: 'checkbox',
        title: QUESTIONS.communities,
        required: true,
        choices: communities.map((c) => c.name),
        helpText: communityHelpText(program),
      },
      { type: 'paragraph', title: QUESTIONS.hopes, required: false },
      {
        type: 'checkbox',
        title: QUESTIONS.commitment,
        required: true,
        choices: [COMMITMENT_CHOICE],
        helpText:
          'Members attend and actively engage in four virtual meetings of 60 to 90 minutes held every other month. Some pre-reading/work may be required; the agenda is provided in advance.',
      },
    ],
  };
}
