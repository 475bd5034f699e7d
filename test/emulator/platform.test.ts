// The platform as of late 2026 (research/apps-script-platform.md section 9), one test per point.
import { join } from 'node:path';
import { probeWorkspace, PROBE_SCOPES } from './helpers';

const FORMS = 'https://www.googleapis.com/auth/forms';
const SEND_MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const CALENDAR = 'https://www.googleapis.com/auth/calendar';

const linkForm = (published: string) =>
  `var f = FormApp.create('Apply'${published}); f.setCollectEmail(true); f.addTextItem().setTitle('First name');` +
  ' f.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());' +
  " ScriptApp.newTrigger('onSubmit').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create(); return f.getId();";

describe('forms are created unpublished (after 30 June 2026)', () => {
  it('FormApp.create(title) makes an unpublished form that accepts no responses; a submission is refused', () => {
    const ws = probeWorkspace();
    ws.run('js', [linkForm('')]);
    expect(ws.run('js', ['var f = FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl()); return [f.isPublished(), f.isAcceptingResponses()];'])).toEqual([
      false,
      false,
    ]);
    expect(ws.form).toMatchObject({ published: false, acceptingResponses: false });
    expect(() => ws.submitForm({ email: 'a@state.gov', answers: { 'First name': 'A' } })).toThrow(/not published, so it accepts no responses/);
    expect(ws.formResponses()).toEqual([]);
  });

  it('setAcceptingResponses(true) does not open an unpublished form (the API forces it false)', () => {
    const ws = probeWorkspace();
    ws.run('js', [linkForm('')]);
    expect(
      ws.run('js', ['var f = FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl()); f.setAcceptingResponses(true); return f.isAcceptingResponses();']),
    ).toBe(false);
  });

  it('create(title, true) and setPublished(true) publish; publishing also enables accepting responses', () => {
    const ws = probeWorkspace();
    ws.run('js', [linkForm(', true')]);
    expect(ws.form).toMatchObject({ published: true, acceptingResponses: true });
    expect(ws.submitForm({ email: 'a@state.gov', answers: { 'First name': 'A' } }).executions).toHaveLength(1);

    const ws2 = probeWorkspace();
    ws2.run('js', [linkForm('')]);
    const out = ws2.run('js', [
      'var f = FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl()); f.setAcceptingResponses(false); var r = f.setPublished(true) === f;' +
        ' return [r, f.isPublished(), f.isAcceptingResponses()];',
    ]);
    expect(out).toEqual([true, true, true]);
    ws2.submitForm({ email: 'a@state.gov', answers: { 'First name': 'A' } });
    ws2.run('js', ['FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl()).setPublished(false);']);
    expect(ws2.form).toMatchObject({ published: false, acceptingResponses: false });
  });

  it('create and setPublished check their arguments', () => {
    const ws = probeWorkspace();
    const err = ws.run('js', ["FormApp.create('A', 'yes');"], { catch: true }) as { message: string };
    expect(err.message).toMatch(/don't match the method signature for FormApp.create/);
    const err2 = ws.run('js', ["FormApp.create('A').setPublished('yes');"], { catch: true }) as { message: string };
    expect(err2.message).toMatch(/don't match the method signature/);
  });

  it('a Workspace form can be domain-only (requiresLogin); setRequireLogin(false) opens it', () => {
    const ws = probeWorkspace({ accountType: 'workspace' });
    ws.run('js', [linkForm(', true')]);
    expect(ws.form).toMatchObject({ requiresLogin: true });
    expect(ws.run('js', ['return FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl()).requiresLogin();'])).toBe(true);
    expect(() => ws.submitForm({ email: 'jane@state.gov', answers: { 'First name': 'Jane' } })).toThrow(/only signed-in users of careertech.org/);
    ws.submitForm({ email: 'colleague@careertech.org', answers: { 'First name': 'C' } });
    ws.run('js', ['FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl()).setRequireLogin(false);']);
    expect(ws.form?.requiresLogin).toBe(false);
    ws.submitForm({ email: 'jane@state.gov', answers: { 'First name': 'Jane' } });
    expect(ws.formResponses()).toHaveLength(2);
    // A Workspace whose forms default to anyone with the link
    const open = probeWorkspace({ accountType: 'workspace', domainOnlyForms: false });
    open.run('js', [linkForm(', true')]);
    expect(open.form?.requiresLogin).toBe(false);
  });

  it('setRequireLogin is Workspace only: on a consumer account it throws (stricter reading; the wording is not documented)', () => {
    const ws = probeWorkspace();
    ws.run('js', [linkForm(', true')]);
    expect(ws.form?.requiresLogin).toBe(false);
    const err = ws.run('js', ['FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl()).setRequireLogin(false);'], { catch: true }) as { message: string };
    expect(err.message).toBe('Form.setRequireLogin is only available for Google Workspace accounts.');
  });
});

describe('granular consent', () => {
  it('grants every manifest scope by default; getAuthorizationInfo(FULL) says NOT_REQUIRED with a null URL', () => {
    const ws = probeWorkspace();
    expect(ws.grantedScopes()).toEqual(PROBE_SCOPES);
    const out = ws.run('js', [
      'var i = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL); return [String(i.getAuthorizationStatus()), i.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.NOT_REQUIRED, i.getAuthorizationUrl(), i.getAuthorizedScopes().length];',
    ]);
    expect(out).toEqual(['NOT_REQUIRED', true, null, PROBE_SCOPES.length]);
  });

  it('a user who granted only some scopes: REQUIRED, an authorization URL, the authorized subset; per-scope queries', () => {
    const ws = probeWorkspace({ grantedScopes: ['spreadsheets', 'forms'] });
    const out = ws.run('js', [
      'var i = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);' +
        " var f = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, ['https://www.googleapis.com/auth/forms']);" +
        " var m = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, ['https://www.googleapis.com/auth/forms', 'https://www.googleapis.com/auth/script.send_mail']);" +
        ' return [String(i.getAuthorizationStatus()), typeof i.getAuthorizationUrl(), i.getAuthorizedScopes(), String(f.getAuthorizationStatus()), String(m.getAuthorizationStatus()), m.getAuthorizedScopes()];',
    ]);
    expect(out).toEqual(['REQUIRED', 'string', ['https://www.googleapis.com/auth/spreadsheets', FORMS], 'NOT_REQUIRED', 'REQUIRED', [FORMS]]);
    expect(ws.run('js', ['return ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationUrl();']) as string).toMatch(
      /^https:\/\/script\.google\.com\//,
    );
  });

  it('grants are per user', () => {
    const ws = probeWorkspace();
    ws.setGrantedScopes(['spreadsheets'], 'staff@careertech.org');
    expect(ws.run('js', ['return String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus());'])).toBe('NOT_REQUIRED');
    expect(
      ws.run('js', ['return String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus());'], { user: 'staff@careertech.org' }),
    ).toBe('REQUIRED');
  });

  it('a call into a service whose scope is missing throws the authorization error mid-run (work before it stays done)', () => {
    const ws = probeWorkspace({ grantedScopes: PROBE_SCOPES.filter((s) => s !== SEND_MAIL && s !== CALENDAR) });
    const err = ws.run('js', ["SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('before'); MailApp.sendEmail('a@b.org', 's', 'b');"], {
      catch: true,
    }) as { message: string };
    expect(err.message).toBe(`You do not have permission to call MailApp.sendEmail. Required permissions: ${SEND_MAIL}`);
    expect(ws.sheet('Sheet1')?.values[0][0]).toBe('before');
    expect(ws.outbox).toHaveLength(0);
    const cal = ws.run('js', ["try { Calendar.Events.list('primary'); } catch (e) { return [e instanceof Error, e.message]; }"]);
    expect(cal).toEqual([true, `You do not have permission to call Calendar.Events.list. Required permissions: ${CALENDAR}`]);
    const capp = ws.run('js', ['try { CalendarApp.getDefaultCalendar(); } catch (e) { return e.message; }']);
    expect(capp).toMatch(/^You do not have permission to call CalendarApp.getDefaultCalendar\./);
  });

  it('maps each service to its scope (spreadsheets.currentonly is not enough to open a sheet by id: the stricter reading)', () => {
    const ws = probeWorkspace({ grantedScopes: ['spreadsheets.currentonly'] });
    expect(ws.run('js', ['return SpreadsheetApp.getActive().getSheets().length;'])).toBe(1);
    const tries = (code: string) =>
      (ws.run('js', [`try { ${code}; return 'ok'; } catch (e) { return e.message; }`]) as string).replace(/^You do not have permission to call /, '');
    expect(tries('SpreadsheetApp.openById(SpreadsheetApp.getActive().getId())')).toBe(
      'SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(tries("FormApp.create('x')")).toBe(`FormApp.create. Required permissions: ${FORMS}`);
    expect(tries("ScriptApp.newTrigger('x')")).toBe('ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp');
    expect(tries("SpreadsheetApp.getUi().alert('x')")).toMatch(
      /Ui\.alert\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/script\.container\.ui$/,
    );
    expect(tries('Session.getActiveUser().getEmail()')).toMatch(
      /User\.getEmail\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/userinfo\.email$/,
    );
    expect(
      tries(
        "PropertiesService.getScriptProperties().setProperty('k', 'v'); CacheService.getScriptCache().put('k', 'v'); LockService.getScriptLock().tryLock(1)",
      ),
    ).toBe('ok');
    expect(tries("GmailApp.sendEmail('a@b.org', 's', 'b')")).toBe('GmailApp.sendEmail. Required permissions: https://mail.google.com/');
  });

  it('requireScopes / requireAllScopes end the execution when a scope is missing, even if the script catches', () => {
    const ws = probeWorkspace({ grantedScopes: ['spreadsheets', 'forms'] });
    expect(ws.run('js', ["ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, ['https://www.googleapis.com/auth/forms']); return 'went on';"])).toBe('went on');
    const code =
      "try { ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, ['https://www.googleapis.com/auth/forms', 'https://www.googleapis.com/auth/script.send_mail']); } catch (e) {}" +
      " SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('after'); return 'went on';";
    const err = ws.run('js', [code], { catch: true }) as { message: string };
    expect(err.message).toBe('Authorization is required to perform that action.');
    expect(ws.lastExecution?.authorizationRequired).toEqual([SEND_MAIL]);
    expect(ws.sheet('Sheet1')?.values ?? []).toEqual([]);
    const all = ws.run('js', ["ScriptApp.requireAllScopes(ScriptApp.AuthMode.FULL); return 'went on';"], { catch: true }) as { message: string };
    expect(all.message).toBe('Authorization is required to perform that action.');
    const full = probeWorkspace();
    expect(full.run('js', ["ScriptApp.requireAllScopes(ScriptApp.AuthMode.FULL); return 'went on';"])).toBe('went on');
  });

  it('reads the manifest scopes from appsscript.json beside the bundle by default', () => {
    const { Workspace } = jest.requireActual<typeof import('../../emulator')>('../../emulator');
    const ws = new Workspace({ bundlePath: join(__dirname, 'fixtures', 'probe.js') });
    expect(ws.manifestScopes).toContain(FORMS);
    // the applicant web app widened spreadsheets.currentonly to spreadsheets (README, Security)
    expect(ws.manifestScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
  });
});

describe('the spreadsheet has its own time zone', () => {
  it('defaults to the script zone; may differ; getSpreadsheetTimeZone / setSpreadsheetTimeZone', () => {
    expect(probeWorkspace().run('js', ['return SpreadsheetApp.getActive().getSpreadsheetTimeZone();'])).toBe('America/New_York');
    const ws = probeWorkspace({ spreadsheetTimeZone: 'Europe/London' });
    expect(ws.run('js', ['return [SpreadsheetApp.getActive().getSpreadsheetTimeZone(), Session.getScriptTimeZone()];'])).toEqual([
      'Europe/London',
      'America/New_York',
    ]);
    ws.run('js', ["SpreadsheetApp.getActive().setSpreadsheetTimeZone('America/Chicago');"]);
    expect(ws.run('js', ['return SpreadsheetApp.getActive().getSpreadsheetTimeZone();'])).toBe('America/Chicago');
  });

  it('a typed date string is read in the spreadsheet zone, not the script zone', () => {
    const ws = probeWorkspace({ spreadsheetTimeZone: 'Europe/London' });
    const out = ws.run('js', [
      "var r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1'); r.setValue('2023-08-29 14:00'); return [r.getValue().toISOString(), r.getDisplayValue()];",
    ]);
    // 14:00 in London (BST, UTC+1) = 13:00 UTC; in New York it would have been 18:00 UTC
    expect(out).toEqual(['2023-08-29T13:00:00.000Z', '2023-08-29 14:00:00']);
  });

  it('a Date value is shown in the spreadsheet zone', () => {
    const ws = probeWorkspace({ spreadsheetTimeZone: 'Europe/London' });
    ws.run('js', ["SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(new Date('2023-08-29T18:00:00Z'));"]);
    expect(ws.sheet('Sheet1')?.displayValues[0][0]).toBe('8/29/2023 19:00:00');
    expect(ws.sheet('Sheet1')?.values[0][0]).toEqual(new Date('2023-08-29T18:00:00Z'));
    ws.run('js', ["SpreadsheetApp.getActive().setSpreadsheetTimeZone('America/New_York');"]);
    expect(ws.sheet('Sheet1')?.displayValues[0][0]).toBe('8/29/2023 14:00:00');
  });
});

describe('properties: 9 KB per value, 500 KB per store', () => {
  it("a value over 9 KB throws 'Argument too large: value' and is not stored", () => {
    const ws = probeWorkspace();
    const err = ws.run('js', ["PropertiesService.getScriptProperties().setProperty('big', new Array(9 * 1024 + 1).join('x') + 'xx');"], { catch: true }) as {
      message: string;
    };
    expect(err.message).toBe('Argument too large: value');
    expect(ws.properties.script.big).toBeUndefined();
    ws.run('js', ["PropertiesService.getScriptProperties().setProperty('k', new Array(9 * 1024 - 1).join('x'));"]);
    expect(ws.properties.script.k).toHaveLength(9 * 1024 - 2);
  });

  it('a store past 500 KB throws the property storage quota error and keeps what it had', () => {
    const ws = probeWorkspace();
    const err = ws.run(
      'js',
      ["var p = PropertiesService.getScriptProperties(); var v = new Array(9000).join('x'); for (var i = 0; i < 60; i++) p.setProperty('k' + i, v);"],
      { catch: true },
    ) as { message: string };
    expect(err.message).toBe('You have exceeded the property storage quota. Please remove some properties and try again.');
    const keys = Object.keys(ws.properties.script);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.length).toBeLessThan(60);
    const bulk = ws.run(
      'js',
      ["var o = {}; for (var i = 0; i < 60; i++) o['b' + i] = new Array(9000).join('y'); PropertiesService.getScriptProperties().setProperties(o);"],
      { catch: true },
    ) as { message: string };
    expect(bulk.message).toMatch(/exceeded the property storage quota/);
    expect(Object.keys(ws.properties.script)).toEqual(keys);
  });
});

describe('Calendar usage limits', () => {
  const setupEvent =
    "var cal = CalendarApp.createCalendar('P'); var id = cal.getId(); var ev = Calendar.Events.insert({summary: 'M', start: {dateTime: '2023-08-29T18:00:00Z'}, end: {dateTime: '2023-08-29T19:30:00Z'}}, id); return [id, ev.id];";

  it("with the fault on, a call that would email guests fails with 'Calendar usage limits exceeded.' and changes nothing", () => {
    const ws = probeWorkspace();
    const [calId, evId] = ws.run('js', [setupEvent]) as [string, string];
    ws.faults.setCalendarUsageLimited(true);
    const out = ws.run('js', [
      `try { Calendar.Events.patch({attendees: [{email: 'jane@state.gov'}]}, '${calId}', '${evId}', {sendUpdates: 'all'}); } catch (e) { return [e.name, e.message]; }`,
    ]);
    expect(out).toEqual(['GoogleJsonResponseException', 'API call to calendar.events.patch failed with error: Calendar usage limits exceeded.']);
    expect(ws.events(calId)[0].attendees).toEqual([]);
    expect(ws.invitationsSent).toEqual([]);
    // insert and update that invite are refused too; a change that emails no one still works
    const ins = ws.run('js', [
      `try { Calendar.Events.insert({summary: 'N', start: {dateTime: '2023-08-30T18:00:00Z'}, end: {dateTime: '2023-08-30T19:00:00Z'}, attendees: [{email: 'a@state.gov'}]}, '${calId}', {sendUpdates: 'all'}); return 'ok'; } catch (e) { return e.message; }`,
    ]);
    expect(ins).toMatch(/calendar\.events\.insert failed with error: Calendar usage limits exceeded\./);
    expect(ws.run('js', [`Calendar.Events.patch({attendees: [{email: 'jane@state.gov'}]}, '${calId}', '${evId}', {sendUpdates: 'none'}); return 'ok';`])).toBe(
      'ok',
    );
    expect(ws.run('js', [`Calendar.Events.patch({description: 'd'}, '${calId}', '${evId}'); return 'ok';`])).toBe('ok');
    ws.faults.setCalendarUsageLimited(false);
    ws.run('js', [`Calendar.Events.patch({attendees: [{email: 'jane@state.gov'}, {email: 'joe@state.gov'}]}, '${calId}', '${evId}', {sendUpdates: 'all'});`]);
    expect(ws.invitationsSent.map((i) => i.email)).toEqual(['joe@state.gov']);
  });
});

describe('the daily trigger runtime budget', () => {
  const sweepFixture = "ScriptApp.newTrigger('bump').timeBased().everyHours(1).create();";

  it('is 90 min a day on a consumer account and 6 h on Workspace', () => {
    expect(probeWorkspace().triggerRuntime()).toEqual({ usedMs: 0, budgetMs: 90 * 60 * 1000 });
    expect(probeWorkspace({ accountType: 'workspace' }).triggerRuntime().budgetMs).toBe(6 * 60 * 60 * 1000);
  });

  it('counts trigger executions per user and day; past it a trigger fails at once, and the next day it runs again', () => {
    const ws = probeWorkspace();
    ws.run('js', [sweepFixture]);
    ws.faults.setTriggerOverhead(30 * 60 * 1000); // each run counts 30 min
    for (let i = 0; i < 3; i++) {
      const [e] = ws.runTimeTriggers();
      expect(e.error).toBeUndefined();
      ws.clock.advance(60 * 60 * 1000);
    }
    expect(ws.triggerRuntime().usedMs).toBe(90 * 60 * 1000);
    const [refused] = ws.runTimeTriggers();
    expect(refused.error?.message).toBe('Service using too much computer time for one day');
    expect(refused.calls).toEqual([]);
    // manual runs (menu, editor) do not count and still work
    expect(ws.run('bump')).toBe(1);
    ws.clock.advance(24 * 60 * 60 * 1000);
    const [next] = ws.runTimeTriggers();
    expect(next.error).toBeUndefined();
  });

  it('a trigger run that uses up the budget mid-run is ended at its next service call', () => {
    const ws = probeWorkspace({ latencyMs: 60 * 1000 });
    ws.run('js', ["ScriptApp.newTrigger('realm').timeBased().everyHours(1).create();"]);
    ws.faults.setTriggerRuntimeUsed(90 * 60 * 1000 - 30 * 1000);
    const [e] = ws.runTimeTriggers();
    expect(e.error?.message).toBe('Service using too much computer time for one day');
    expect(e.calls).toHaveLength(1);
    expect(ws.triggerRuntime().usedMs).toBeGreaterThanOrEqual(90 * 60 * 1000);
  });
});
