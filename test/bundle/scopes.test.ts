// The scope guard (SPEC behaviour 6): every menu action and endpoint checks the granted scopes before
// changing anything; triggers log and stop. Runs dist/Code.js on the emulator with granular consent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freshWorkspace, OWNER, STAFF, submit, applications } from './intake.support';

const ALL = (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'appsscript.json'), 'utf8')) as { oauthScopes: string[] }).oauthScopes;
const without = (...short: string[]) => ALL.filter((s) => !short.some((x) => s.endsWith(`/auth/${x}`)));

describe('scope guard', () => {
  it('an endpoint returns {ok:false, error, authorizationUrl} and changes nothing when a scope is missing', () => {
    const ws = freshWorkspace();
    submit(ws, { email: 'jane@state.gov' });
    const id = String(applications(ws)[0]['Application ID']);
    ws.setGrantedScopes(without('script.send_mail'), STAFF);
    const before = JSON.stringify(ws.sheet('Applications')?.values);
    const res = ws.run('decide', [{ applicationIds: [id], decision: 'accept' }], { user: STAFF }) as { ok: boolean; error: string; authorizationUrl: string };
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(/has not granted every permission .*send email as you.*Nothing was changed/);
    expect(res.authorizationUrl).toMatch(/^https:\/\/script\.google\.com\//);
    expect(JSON.stringify(ws.sheet('Applications')?.values)).toBe(before);
    expect(ws.run('getReviewState', [], { user: STAFF })).toMatchObject({ ok: false, authorizationUrl: expect.any(String) });
    expect(ws.run('previewNotification', [id, 'accept'], { user: STAFF })).toMatchObject({ ok: false, authorizationUrl: expect.any(String) });
    // the owner granted everything: same endpoint works
    expect(ws.run('decide', [{ applicationIds: [id], decision: 'accept' }])).toMatchObject({ ok: true, changed: [id] });
  });

  it('a menu action shows how to grant and changes nothing', () => {
    const ws = freshWorkspace({ grantedScopes: without('calendar') });
    // setup (run by freshWorkspace) stopped before creating anything
    expect(ws.sheetNames()).toEqual(['Sheet1']);
    expect(ws.forms).toBe(0);
    expect(ws.triggers).toEqual([]);
    expect(ws.ui.alerts.at(-1)).toMatchObject({ title: 'Permissions needed', prompt: expect.stringMatching(/manage the meetings calendar.*Open this link/) });
    expect(ws.lastExecution?.result).toMatch(/Nothing was changed/);
    // granted: setup does its work
    ws.setGrantedScopes(null);
    ws.run('setup');
    expect(ws.form?.published).toBe(true);
    ws.setGrantedScopes(without('userinfo.email'), STAFF);
    ws.run('sendDueNotifications', [], { user: STAFF });
    expect(ws.ui.alerts.at(-1)?.prompt).toMatch(/know your email address/);
    ws.run('showSidebar', [], { user: STAFF });
    expect(ws.ui.sidebars).toHaveLength(0);
  });

  it('without the UI scope a menu action cannot alert: the run fails with the same message, having changed nothing', () => {
    let message = '';
    try {
      freshWorkspace({ grantedScopes: without('script.container.ui') });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/show its sidebar and dialogs.*Nothing was changed/);
    const ws = freshWorkspace();
    ws.setGrantedScopes(without('script.container.ui'));
    const err = ws.run('sendDueNotifications', [], { catch: true }) as { message: string };
    expect(err.message).toMatch(/Nothing was changed/);
  });

  it('a trigger whose installer lacks a scope logs and stops; the response waits in the responses tab for the next full run', () => {
    const ws = freshWorkspace();
    ws.setGrantedScopes(without('script.send_mail'), OWNER);
    const [exec] = submit(ws, { email: 'jane@state.gov' }).executions;
    expect(exec.error).toBeUndefined();
    expect(exec.logs.join('\n')).toMatch(/onFormSubmit: stopped before changing anything/);
    expect(applications(ws)).toEqual([]);
    expect(JSON.parse(ws.properties.script['cop.triggerScopes'])).toMatchObject({
      trigger: 'onFormSubmit',
      missing: ['https://www.googleapis.com/auth/script.send_mail'],
    });
    ws.clock.advance(60 * 60 * 1000);
    const [sw] = ws.runTimeTriggers();
    expect(sw.logs.join('\n')).toMatch(/sweep: stopped before changing anything/);
    expect(applications(ws)).toEqual([]);
    ws.setGrantedScopes(null, OWNER);
    ws.clock.advance(60 * 60 * 1000);
    ws.runTimeTriggers();
    expect(applications(ws).map((r) => r.Email)).toEqual(['jane@state.gov']);
  });

  it('costs two ScriptApp calls per guarded run', () => {
    const ws = freshWorkspace();
    ws.run('getReviewState');
    expect(ws.lastExecution?.calls.filter((c) => c.service === 'ScriptApp').map((c) => c.method)).toEqual([
      'ScriptApp.getAuthorizationInfo',
      'AuthorizationInfo.getAuthorizationStatus',
    ]);
  });
});
