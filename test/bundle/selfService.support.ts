// Shared by the applicant web app tests: a program set up with a web app deployment, applicants
// who applied through the form, and readers for the page doGet serves.
import { Workspace, type SentMail } from '../../emulator';
import type { ApplicantBoot, ApplicantViewResult, ApplicantWithdrawResult } from '../../src/shared/applicant';
import { answers } from './intake.support';
import { setCapacity } from './reviewWorkspace';

export const OWNER = 'owner@careertech.org';
export const STAFF = 'staff@careertech.org';
export const CONTACT = 'efabillar@careertech.org';
export const WEB_APP_URL = 'https://script.google.com/macros/s/AKfycbTestDeployment/exec';
export const BEFORE_NOTIFY = '2023-08-01T14:00:00Z';
export const AFTER_NOTIFY = '2023-08-16T14:00:00Z';

export const JANE = 'jane.doe@state.gov';
export const SAM = 'sam.lee@state.gov';
export const ROB = 'rob.roe@state.gov';

/** Set up, deployed as a web app, Learner Voice capped at 1 seat; Jane (2 communities), Sam and Rob applied. */
export function program(options: { webApp?: boolean } = {}): Workspace {
  const ws = new Workspace({
    now: BEFORE_NOTIFY,
    owner: OWNER,
    editors: [STAFF],
    mailQuota: 1500,
    ...(options.webApp === false ? {} : { webAppUrl: WEB_APP_URL }),
  });
  ws.run('setup');
  setCapacity(ws, 'learner-voice', 1);
  return ws;
}

export function apply(ws: Workspace): void {
  ws.submitForm({ email: JANE, answers: answers({ email: JANE, first: 'Jane', last: 'Doe', communities: ['Learner Voice', 'Data and Accountability'] }) });
  ws.submitForm({ email: SAM, answers: answers({ email: SAM, first: 'Sam', last: 'Lee', communities: ['Learner Voice'] }) });
  ws.submitForm({ email: ROB, answers: answers({ email: ROB, first: 'Rob', last: 'Roe', communities: ['Data and Accountability'] }) });
}

export function mailsTo(ws: Workspace, to: string): SentMail[] {
  return ws.outbox.filter((m) => m.to === to);
}

/** The token of the last personal link emailed to `to`. */
export function tokenFor(ws: Workspace, to: string): string {
  const mails = mailsTo(ws, to);
  const body = mails[mails.length - 1]?.body ?? '';
  const m = /\?t=([A-Za-z0-9_-]+)/.exec(body);
  if (!m) throw new Error(`no personal link in the last email to ${to}`);
  return m[1];
}

export function idOf(ws: Workspace, email: string, communityName: string): string {
  const row = ws.records('Applications').find((r) => r.Email === email && r.Community === communityName);
  if (!row) throw new Error(`no application of ${email} for ${communityName}`);
  return String(row['Application ID']);
}

export interface Served {
  html: string;
  boot: ApplicantBoot;
  error?: string;
  title: string;
  xFrameOptionsMode: string;
  metaTags: { name: string; content: string }[];
}

export function doGet(ws: Workspace, e: unknown): Served {
  const res = ws.runWebApp('doGet', [e]);
  if (res.execution.error)
    return {
      html: '',
      boot: { token: '', view: { ok: false, error: '' } },
      error: res.execution.error.message,
      title: '',
      xFrameOptionsMode: '',
      metaTags: [],
    };
  if (!res.html) throw new Error('doGet returned no HtmlOutput');
  const m = /<script type="application\/json" id="boot">([\s\S]*?)<\/script>/.exec(res.html.content);
  if (!m) throw new Error('no boot JSON in the page');
  return {
    html: res.html.content,
    boot: JSON.parse(m[1]) as ApplicantBoot,
    title: res.html.title,
    xFrameOptionsMode: res.html.xFrameOptionsMode,
    metaTags: res.html.metaTags,
  };
}

export function view(ws: Workspace, token: unknown): ApplicantViewResult {
  const res = ws.runWebApp('applicantView', [token]);
  if (res.execution.error) throw new Error(`applicantView threw: ${res.execution.error.message}`);
  return res.result as ApplicantViewResult;
}

export function withdraw(ws: Workspace, request: unknown): ApplicantWithdrawResult {
  const res = ws.runWebApp('applicantWithdraw', [request]);
  if (res.execution.error) throw new Error(`applicantWithdraw threw: ${res.execution.error.message}`);
  return res.result as ApplicantWithdrawResult;
}

/** Everything a request could change: every tab, the outbox, the calendar guests, script properties. */
export function snapshot(ws: Workspace): string {
  return JSON.stringify({
    sheets: ws.sheetNames().map((n) => ws.sheet(n)?.values),
    outbox: ws.outbox.length,
    guests: ws.events().map((e) => [e.id, e.attendees.map((a) => a.email).sort()]),
    invitations: ws.invitationsSent.length,
    properties: ws.properties.script,
  });
}
