// The web app execution mode: what Google documents for a bound script run as a web app.
import { probeWorkspace } from './helpers';

describe('web app execution mode', () => {
  it('has no active spreadsheet and no Ui; openById works', () => {
    const ws = probeWorkspace();
    const id = ws.spreadsheetId;
    const src =
      'var ui; try { SpreadsheetApp.getUi(); ui = "ok"; } catch (e) { ui = e.message; }' +
      'return [SpreadsheetApp.getActiveSpreadsheet() === null, SpreadsheetApp.getActive() === null, SpreadsheetApp.getActiveSheet() === null, ui,' +
      ' SpreadsheetApp.openById(arg).getId() === arg];';
    expect(ws.run('js', [src, id], { webApp: true })).toEqual([true, true, true, 'Cannot call SpreadsheetApp.getUi() from this context.', true]);
    expect(ws.lastExecution?.webApp).toBe(true);
    // The same code from the editor or a menu: everything is there.
    expect(ws.run('js', [src, id])).toEqual([false, false, false, 'ok', true]);
  });

  it('openById needs the spreadsheets scope (spreadsheets.currentonly is not enough)', () => {
    const narrow = probeWorkspace({ grantedScopes: ['spreadsheets.currentonly'] });
    expect(narrow.run('jsError', ['SpreadsheetApp.openById(arg);', narrow.spreadsheetId], { webApp: true })).toMatchObject({
      message: 'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
      isError: true,
    });
    const wide = probeWorkspace({ grantedScopes: ['spreadsheets'] });
    expect(wide.run('js', ['return SpreadsheetApp.openById(arg).getName();', wide.spreadsheetId], { webApp: true })).toBe('Communities of Practice');
  });

  it('runs as the deployer; the visitor is anonymous unless given', () => {
    const ws = probeWorkspace();
    const src = 'return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()];';
    expect(ws.run('js', [src], { webApp: true })).toEqual(['', 'owner@careertech.org']);
    expect(ws.run('js', [src], { webApp: true, visitor: 'jane@state.gov' })).toEqual(['jane@state.gov', 'owner@careertech.org']);
  });

  it('ScriptApp.getService().getUrl() is the deployment URL, null before a deployment', () => {
    const ws = probeWorkspace();
    const src = 'return [ScriptApp.getService().getUrl(), ScriptApp.getService().isEnabled()];';
    expect(ws.run('js', [src])).toEqual([null, false]);
    const url = ws.deployWebApp();
    expect(url).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/[\w-]+\/exec$/);
    expect(ws.run('js', [src])).toEqual([url, true]);
    expect(probeWorkspace({ webAppUrl: 'http://localhost:8114/exec' }).run('js', [src])).toEqual(['http://localhost:8114/exec', true]);
    ws.undeployWebApp();
    expect(ws.run('js', [src])).toEqual([null, false]);
  });

  it('serves the HtmlOutput a function returns, with its settings (XFrameOptionsMode DEFAULT unless set)', () => {
    const ws = probeWorkspace();
    const res = ws.runWebApp('js', [
      "return HtmlService.createHtmlOutput('<p>Hi</p>').setTitle('Page').addMetaTag('viewport', 'width=device-width, initial-scale=1');",
    ]);
    expect(res.execution.error).toBeUndefined();
    expect(res.html).toEqual({
      content: '<p>Hi</p>',
      title: 'Page',
      xFrameOptionsMode: 'DEFAULT',
      sandboxMode: 'IFRAME',
      metaTags: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
      faviconUrl: '',
    });
    expect(ws.run('jsError', ["HtmlService.createHtmlOutput('').addMetaTag('refresh', '0');"])).toMatchObject({ message: 'Invalid argument: name' });
    // A function that throws: Google shows its error page; runWebApp reports it, never throws.
    const bad = ws.runWebApp('js', ["throw new Error('boom');"]);
    expect(bad.html).toBeNull();
    expect(bad.execution.error?.message).toBe('boom');
  });

  it('has HMAC-SHA256, web-safe base64 and the script cache', () => {
    const ws = probeWorkspace();
    const out = ws.run(
      'js',
      [
        "var sig = Utilities.computeHmacSha256Signature('jane@state.gov', 'secret');" +
          "var c = CacheService.getScriptCache(); c.put('n', '3', 60);" +
          "return [sig.length, Utilities.base64EncodeWebSafe(sig), c.get('n'), /^[0-9a-f-]{36}$/.test(Utilities.getUuid())];",
      ],
      { webApp: true },
    ) as [number, string, string, boolean];
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const expected = createHmac('sha256', 'secret').update('jane@state.gov').digest('base64').replace(/\+/g, '-').replace(/\//g, '_');
    expect(out).toEqual([32, expected, '3', true]);
  });
});
