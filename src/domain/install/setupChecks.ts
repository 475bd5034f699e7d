// The checks of what setup installs: the permissions (scopes), the form (published, linked to this
// spreadsheet) and the triggers.
import { check, type InstallCheck, MENU, plural, RERUN_SETUP } from './check';

// ------------------------------------------------------------------ scopes

export interface ScopeFacts {
  /** false: this platform cannot say (ScriptApp.getAuthorizationInfo is missing) */
  supported: boolean;
  /** the platform says authorization is still required */
  required: boolean;
  /** manifest scopes not granted, when the platform lists the granted ones */
  missing: readonly string[];
  authorizationUrl: string;
}

export function checkScopes(f: ScopeFacts): InstallCheck {
  if (!f.supported)
    return check(
      'scopes',
      'warn',
      'This Apps Script version cannot report which permissions were granted.',
      'Nothing to do if the menu actions work; if one stops with "authorization required", run it again and approve every permission.',
    );
  const link = /^https:\/\//i.test(f.authorizationUrl) ? f.authorizationUrl : undefined;
  if (f.required || f.missing.length > 0) {
    const names = f.missing.map(shortScope);
    const detail =
      names.length > 0
        ? `Not granted: ${names.join(', ')}. Without them the product stops half-way.`
        : 'Google says some permissions the product needs were not granted.';
    return check(
      'scopes',
      'fail',
      detail,
      `Open ${link ? 'the link below' : 'any menu item'} and tick every box Google shows ("Select all"), then Allow.`,
      link,
    );
  }
  return check('scopes', 'ok', 'Every permission the product needs is granted.');
}

/** "https://www.googleapis.com/auth/calendar" → "calendar" */
function shortScope(scope: string): string {
  return scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
}

// ------------------------------------------------------------------ form

export interface FormFacts {
  exists: boolean;
  title: string;
  /** null: the platform has no Form.isPublished (forms from before publishing existed are published) */
  published: boolean | null;
  accepting: boolean;
  /** null: not a Workspace form, or the platform cannot say */
  requiresLogin: boolean | null;
  /** '' when the form has no destination */
  destinationId: string;
  spreadsheetId: string;
  registrationOpen: boolean;
  registrationDeadlineText: string;
}

export function checkFormPublished(f: FormFacts): InstallCheck {
  if (!f.exists) return check('form-published', 'fail', 'This spreadsheet has no application form.', `Run ${MENU} → Set up; it creates the form.`);
  if (f.published === false) {
    return check(
      'form-published',
      'fail',
      `The form "${f.title}" is not published: nobody can open it.`,
      f.registrationOpen ? RERUN_SETUP : 'Set the new program year first (its registration deadline is past); Set up then publishes the form.',
    );
  }
  if (f.registrationOpen && !f.accepting) {
    return check(
      'form-published',
      'fail',
      `Registration is open until ${f.registrationDeadlineText}, but the form "${f.title}" does not accept responses.`,
      'Open the form, click Responses and turn on "Accepting responses".',
    );
  }
  if (f.registrationOpen && f.requiresLogin === true) {
    return check(
      'form-published',
      'warn',
      `The form "${f.title}" only takes responses from people in your organization; applicants from other agencies cannot answer.`,
      'Open the form, click Publish (or Settings → Responses) and choose "Anyone with the link".',
    );
  }
  if (!f.registrationOpen) {
    return check(
      'form-published',
      'ok',
      `Registration closed on ${f.registrationDeadlineText}; the form ${f.accepting ? 'still accepts responses (they are kept and flagged late)' : 'no longer accepts responses'}.`,
    );
  }
  return check(
    'form-published',
    'ok',
    `The form "${f.title}" ${f.published === true ? 'is published and ' : ''}accepts responses until ${f.registrationDeadlineText}.`,
  );
}

export function checkFormLinked(f: FormFacts): InstallCheck {
  if (!f.exists) return check('form-linked', 'fail', 'There is no form to link.', `Run ${MENU} → Set up; it creates the form and links it here.`);
  if (!f.destinationId) return check('form-linked', 'fail', `The form "${f.title}" saves its responses nowhere.`, RERUN_SETUP);
  if (f.destinationId !== f.spreadsheetId)
    return check('form-linked', 'fail', `The form "${f.title}" sends its responses to another spreadsheet.`, RERUN_SETUP);
  return check('form-linked', 'ok', `The form "${f.title}" sends its responses to this spreadsheet.`);
}

// ------------------------------------------------------------------ triggers

export interface TriggerView {
  handler: string;
  /** 'ON_FORM_SUBMIT', 'CLOCK', … */
  eventType: string;
  /** the spreadsheet id for a spreadsheet trigger, '' otherwise */
  sourceId: string;
}

export interface TriggerFacts {
  /** the person running the check ('' when Apps Script will not say) */
  user: string;
  /** who installed the triggers, as setup recorded it ('' = not recorded) */
  installer: string;
  /** the triggers of this project that belong to the user (getProjectTriggers lists no one else's) */
  mine: readonly TriggerView[];
  spreadsheetId: string;
  /** a trigger run stopped before changing anything because its owner lacks permissions */
  stoppedForScopes?: { at: string; trigger: string; missing: readonly string[] } | null;
}

export function checkTriggers(f: TriggerFacts): InstallCheck {
  const result = triggerCount(f);
  const s = f.stoppedForScopes;
  if (!s || result.status === 'fail') return result;
  const missing = s.missing.length > 0 ? ` (not granted: ${s.missing.map(shortScope).join(', ')})` : '';
  return check(
    'triggers',
    'warn',
    `${result.detail} But the ${s.trigger === 'sweep' ? 'hourly' : s.trigger} run of ${s.at.slice(0, 16).replace('T', ' ')} UTC stopped: the person who installed the triggers has not granted every permission${missing}. Responses wait until it is fixed; nothing is lost.`,
    `${f.installer || 'The person who ran Set up'} opens ${MENU} → Set up and allows every permission Google asks for.`,
  );
}

function triggerCount(f: TriggerFacts): InstallCheck {
  const submit = f.mine.filter((t) => t.handler === 'onFormSubmit' && t.eventType === 'ON_FORM_SUBMIT');
  const hourly = f.mine.filter((t) => t.handler === 'sweep' && t.eventType === 'CLOCK');
  const me = f.user.toLowerCase();
  const installer = f.installer.toLowerCase();
  const someoneElse = installer !== '' && me !== '' && installer !== me;
  if (someoneElse && submit.length === 0 && hourly.length === 0) {
    return check(
      'triggers',
      'ok',
      `Installed by ${f.installer}. Google only lets the person who installed them see them, so only their own Check installation can confirm they are still there.`,
    );
  }
  if (someoneElse) {
    return check(
      'triggers',
      'warn',
      `You (${f.user}) have ${plural(submit.length + hourly.length, 'trigger')} of your own, besides the ones ${f.installer} installed: every response and sync would run twice.`,
      'Open Extensions → Apps Script, click Triggers (the clock icon) and delete your own triggers.',
    );
  }
  const who = f.user || 'you';
  const problems: string[] = [];
  if (submit.length === 0) problems.push('the form-submit trigger is missing (new responses are only picked up by the hourly run)');
  if (hourly.length === 0) problems.push('the hourly trigger is missing (no catch-up, no emails after decisions made elsewhere, the form does not close)');
  if (submit.length > 1) problems.push(`${submit.length} form-submit triggers instead of one`);
  if (hourly.length > 1) problems.push(`${hourly.length} hourly triggers instead of one`);
  const elsewhere = submit.filter((t) => t.sourceId !== '' && t.sourceId !== f.spreadsheetId);
  if (elsewhere.length > 0) problems.push('the form-submit trigger listens to another spreadsheet');
  if (problems.length > 0) {
    const missing = submit.length === 0 || hourly.length === 0 || elsewhere.length > 0;
    return check('triggers', missing ? 'fail' : 'warn', `${capitalize(problems.join('; '))}.`, RERUN_SETUP);
  }
  return check('triggers', 'ok', `One form-submit trigger and one hourly trigger, installed by ${who}.`);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
