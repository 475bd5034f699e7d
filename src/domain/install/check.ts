// What every install check is: its stable id (the SPEC's), title, status, one-line fix, and the
// small text helpers the checks share. The checks themselves: setupChecks, programChecks,
// quotaChecks; checks.ts gathers them.

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface InstallCheck {
  id: CheckId;
  title: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
  /** an https link the fix refers to (e.g. Google's authorization page) */
  link?: string;
}

export const CHECK_IDS = [
  'scopes',
  'form-published',
  'form-linked',
  'triggers',
  'calendar',
  'time-zone',
  'mail-quota',
  'properties',
  'program-dates',
  'reviewers',
  'date-format',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const CHECK_TITLES: Record<CheckId, string> = {
  scopes: 'Permissions',
  'form-published': 'Form is published and taking responses',
  'form-linked': 'Form sends its responses to this spreadsheet',
  triggers: 'Automatic runs (triggers)',
  calendar: 'Program calendar and meetings',
  'time-zone': 'Time zone',
  'mail-quota': 'Emails left today',
  properties: 'Script storage',
  'program-dates': 'Program dates',
  reviewers: 'Reviewers',
  'date-format': 'Dates in emails',
};

export const MENU = 'Extensions → Communities of Practice';
export const RERUN_SETUP = `Run ${MENU} → Set up again; it repairs this.`;

export function check(id: CheckId, status: CheckStatus, detail: string, fix?: string, link?: string): InstallCheck {
  const out: InstallCheck = { id, title: CHECK_TITLES[id], status, detail };
  if (fix) out.fix = fix;
  if (link) out.link = link;
  return out;
}

/** A check whose facts could not be gathered (the service threw): it fails with what the platform said. */
export function failedCheck(id: CheckId, error: string): InstallCheck {
  return check(
    id,
    'fail',
    `Could not be checked: ${error}`,
    id === 'scopes' ? `Run ${MENU} → Check installation again and approve every permission Google asks for.` : RERUN_SETUP,
  );
}

/** 1500 → "1,500" (no Intl: the same in every runtime) */
export function count(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

export function list(labels: readonly string[]): string {
  return labels.length <= 4 ? labels.join(', ') : `${labels.slice(0, 4).join(', ')} and ${labels.length - 4} more`;
}
