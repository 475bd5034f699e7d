// doGet(e): the applicant's page. The built page (dist/Applicant.html, from src/webapp) gets its
// data in one inline JSON block, so it shows at once without a second round trip; the page calls
// applicantView / applicantWithdraw for everything after. A bad or missing token gets the very same
// page with the neutral message and no token; so does anything that goes wrong. Never throws.
import { NEUTRAL_ERROR, type ApplicantBoot, type ApplicantViewResult } from '../../shared/applicant';
import { htmlPage_, plainHtml_, projectFile_ } from '../../workspace/webApp';
import { enterWebApp_ } from '../../workspace/spreadsheet';
import { applicantView_ } from './view';

export const PAGE_FILE = 'Applicant';
export const PAGE_TITLE = 'Your Communities of Practice applications';
/** Where the boot JSON goes: just before the element the page renders into (the page script runs after it). */
const APP_ROOT = '<main id="app">';

/** JSON that is safe inside an inline <script>: no `<`, `>`, `&` or line separators survive. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** e.parameter.t when it is a string (Google passes every query value as a string). */
function tokenParam(e: unknown): unknown {
  if (typeof e !== 'object' || e === null) return undefined;
  const parameter = (e as { parameter?: unknown }).parameter;
  if (typeof parameter !== 'object' || parameter === null) return undefined;
  const t = (parameter as Record<string, unknown>).t;
  return typeof t === 'string' ? t : undefined;
}

const FALLBACK = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${PAGE_TITLE}</title></head><body><main><h1>${PAGE_TITLE}</h1><p>This page could not be shown right now. Please try again later, or reply to the program's email.</p></main></body></html>`;

function render(boot: ApplicantBoot): string {
  const shell = projectFile_(PAGE_FILE);
  if (!shell || shell.indexOf(APP_ROOT) < 0) return FALLBACK;
  return shell.replace(APP_ROOT, () => `<script type="application/json" id="boot">${jsonForScript(boot)}</script>\n${APP_ROOT}`);
}

export function serveApplicantPage_(e: unknown): GoogleAppsScript.HTML.HtmlOutput {
  let content: string;
  try {
    enterWebApp_();
    const token = tokenParam(e);
    const view: ApplicantViewResult = token === undefined ? { ok: false, error: NEUTRAL_ERROR } : applicantView_(token);
    // The token goes back into the page only when it verified (it is then plain base64url).
    content = render({ token: view.ok && typeof token === 'string' ? token : '', view });
  } catch {
    content = FALLBACK;
  }
  try {
    return htmlPage_(content, PAGE_TITLE);
  } catch {
    return plainHtml_(FALLBACK);
  }
}
