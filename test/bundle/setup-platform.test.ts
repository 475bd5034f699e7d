// setup on today's platform (SPEC behaviour 6 and the first rule of 7): a published form, opened
// beyond the domain where allowed, the spreadsheet's zone set before any date, the deadline rule.
import { Workspace, type WorkspaceOptions } from '../../emulator';
import { OWNER, STAFF, submit, applications } from './intake.support';

const mk = (o: WorkspaceOptions = {}) =>
  new Workspace({ now: '2023-07-20T14:00:00Z', scriptTimeZone: 'America/New_York', owner: OWNER, editors: [STAFF], mailQuota: 100, ...o });

describe("setup on today's platform", () => {
  it('creates the form published and accepting; a real submission lands end to end', () => {
    const ws = mk();
    const summary = ws.run('setup') as string;
    expect(summary).toMatch(/Form: created ".*" \(published\)/);
    expect(ws.form).toMatchObject({ published: true, acceptingResponses: true, requiresLogin: false });
    submit(ws, { email: 'jane@state.gov' });
    expect(applications(ws)).toHaveLength(1);
    expect(ws.properties.script['cop.spreadsheetId']).toBe(ws.spreadsheetId);
  });

  it('repairs a form it finds unpublished', () => {
    const ws = mk();
    ws.run('setup');
    ws.run('js', ['FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl()).setPublished(false);'], { catch: true });
    ws.state.forms[0].published = false;
    expect(ws.form?.acceptingResponses).toBe(false);
    expect(ws.run('setup')).toMatch(/Form: kept the existing form, published it/);
    expect(ws.form).toMatchObject({ published: true, acceptingResponses: true });
  });

  it('on a Workspace domain opens a domain-only form to other agencies; on a consumer account never calls setRequireLogin', () => {
    const ws = mk({ accountType: 'workspace' });
    expect(ws.run('setup')).toMatch(/opened it to respondents outside your organization/);
    expect(ws.form?.requiresLogin).toBe(false);
    submit(ws, { email: 'jane@state.gov' });
    expect(applications(ws)).toHaveLength(1);
    const consumer = mk();
    consumer.run('setup');
    expect(consumer.lastExecution!.calls.some((c) => c.method === 'Form.setRequireLogin')).toBe(false);
  });

  it('reports a refused setRequireLogin in the summary and goes on (never fatal)', () => {
    const ws = mk({ accountType: 'workspace' });
    ws.faults.failNthCall('Form.setRequireLogin', 1, new Error('Action not allowed by your administrator'));
    const summary = ws.run('setup') as string;
    expect(summary).toMatch(/could not open it to respondents outside your organization \(Action not allowed by your administrator\)/);
    expect(summary).toMatch(/Triggers: installed/);
    expect(ws.events()).toHaveLength(16);
  });

  it("sets the spreadsheet's time zone to the program's before writing a date", () => {
    const ws = mk({ spreadsheetTimeZone: 'Europe/London' });
    const summary = ws.run('setup') as string;
    expect(summary).toMatch(/Time zone: set the spreadsheet's time zone to America\/New_York \(it was Europe\/London\)/);
    expect(ws.state.spreadsheet.timeZone).toBe('America/New_York');
    const calls = ws.lastExecution!.calls.map((c) => c.method);
    expect(calls.indexOf('Spreadsheet.setSpreadsheetTimeZone')).toBeLessThan(calls.indexOf('Range.setValues'));
    // the deadline shows as the program's wall clock
    const settings = ws.sheet('Settings')!;
    const row = settings.values.findIndex((r) => r[0] === 'Registration deadline');
    expect(settings.displayValues[row][1]).toBe('2023-09-15 23:59');
    // staff changed the program's zone: setup follows the Settings tab
    const r = ws.state.spreadsheet.sheets.find((s) => s.name === 'Settings')!;
    const tzRow = settings.values.findIndex((x) => x[0] === 'Time zone');
    r.rows[tzRow][1] = { v: 'America/Chicago' };
    expect(ws.run('setup')).toMatch(/to America\/Chicago \(it was America\/New_York\)/);
    expect(ws.run('setup')).toMatch(/Time zone: the spreadsheet already uses America\/Chicago/);
  });

  it('a program whose registration deadline has passed: the form is published but not accepting, and the summary says to set the program year first', () => {
    const ws = mk({ now: '2026-12-07T15:00:00Z' });
    const summary = ws.run('setup') as string;
    expect(ws.form).toMatchObject({ published: true, acceptingResponses: false });
    expect(ws.form?.closedMessage).toMatch(/is closed\. Questions\? Contact Eliza Fabillar at efabillar@careertech\.org/);
    expect(summary).toMatch(
      /registration deadline \(.*September 15, 2023\) has passed, so the form is published but NOT accepting responses: set the program year first/,
    );
    expect(() => submit(ws, { email: 'jane@state.gov' })).toThrow(/not accepting responses/);
    // a second run says the same and still does not open it
    expect(ws.run('setup')).toMatch(/set the program year first/);
    expect(ws.form?.acceptingResponses).toBe(false);
  });
});
