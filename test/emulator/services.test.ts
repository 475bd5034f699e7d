import { LOCK_TIMEOUT_MESSAGE } from '../../emulator';
import { probeWorkspace } from './helpers';

describe('PropertiesService', () => {
  it('keeps script, per-user and document stores', () => {
    const ws = probeWorkspace();
    ws.run('js', [
      "PropertiesService.getScriptProperties().setProperty('a', 1).setProperties({ b: 'x', c: 'y' });" +
        "PropertiesService.getUserProperties().setProperty('mine', 'owner');" +
        "PropertiesService.getDocumentProperties().setProperty('d', 'doc');" +
        "PropertiesService.getScriptProperties().deleteProperty('c');",
    ]);
    ws.run('js', ["PropertiesService.getUserProperties().setProperty('mine', 'staff');"], { user: 'staff@careertech.org' });
    expect(ws.properties.script).toEqual({ a: '1', b: 'x' });
    expect(ws.properties.user).toEqual({ 'owner@careertech.org': { mine: 'owner' }, 'staff@careertech.org': { mine: 'staff' } });
    expect(ws.properties.document).toEqual({ d: 'doc' });
    expect(
      ws.run('js', [
        "var p = PropertiesService.getScriptProperties(); return [p.getProperty('a'), p.getProperty('zz'), p.getProperties(), p.getKeys().length];",
      ]),
    ).toEqual(['1', null, { a: '1', b: 'x' }, 2]);
    ws.run('js', ["PropertiesService.getScriptProperties().setProperties({ only: 'this' }, true);"]);
    expect(ws.properties.script).toEqual({ only: 'this' });
    ws.run('js', ['PropertiesService.getScriptProperties().deleteAllProperties();']);
    expect(ws.properties.script).toEqual({});
  });

  it('refuses a value over 9 KB', () => {
    const ws = probeWorkspace();
    expect(ws.run('jsError', ["PropertiesService.getScriptProperties().setProperty('k', new Array(9300).join('x'));"])).toMatchObject({
      message: 'Argument too large: value',
      isError: true,
    });
    expect(ws.properties.script).toEqual({});
  });
});

describe('CacheService', () => {
  it('puts, gets and removes, with TTL on the emulated clock', () => {
    const ws = probeWorkspace();
    ws.run('js', ["var c = CacheService.getScriptCache(); c.put('a', 'A', 60); c.putAll({ b: 'B', c: 'C' }, 3600); c.remove('c');"]);
    expect(ws.run('js', ["var c = CacheService.getScriptCache(); return [c.get('a'), c.getAll(['a', 'b', 'c'])];"])).toEqual(['A', { a: 'A', b: 'B' }]);
    ws.clock.advance(61000);
    expect(ws.run('js', ["var c = CacheService.getScriptCache(); return [c.get('a'), c.get('b')];"])).toEqual([null, 'B']);
    expect(
      ws.run('js', ["CacheService.getUserCache().put('u', '1'); return [CacheService.getUserCache().get('u'), CacheService.getDocumentCache().get('u')];"]),
    ).toEqual(['1', null]);
    expect(ws.run('js', ["return CacheService.getUserCache().get('u');"], { user: 'staff@careertech.org' })).toBeNull();
  });
});

describe('LockService', () => {
  it('waitLock throws the real message when another process holds the lock; tryLock returns false; both wait on the clock', () => {
    const ws = probeWorkspace();
    ws.faults.holdScriptLock();
    expect(ws.run('js', ['return LockService.getScriptLock().tryLock(5000);'])).toBe(false);
    expect(ws.clock.now()).toEqual(new Date('2023-08-01T14:00:05Z'));
    expect(ws.run('jsError', ['LockService.getScriptLock().waitLock(30000);'])).toEqual({ message: LOCK_TIMEOUT_MESSAGE, name: 'Exception', isError: true });
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
  });

  it('acquires once the other holder lets go within the timeout', () => {
    const ws = probeWorkspace();
    ws.faults.holdScriptLock(10000);
    expect(ws.run('js', ['var l = LockService.getScriptLock(); l.waitLock(30000); return l.hasLock();'])).toBe(true);
    expect(ws.clock.now()).toEqual(new Date('2023-08-01T14:00:10Z'));
  });

  it('releases on releaseLock and at the end of the execution, even after an error', () => {
    const ws = probeWorkspace();
    expect(ws.run('js', ['var l = LockService.getScriptLock(); l.waitLock(1); l.releaseLock(); return l.hasLock();'])).toBe(false);
    ws.run('js', ["LockService.getScriptLock().waitLock(1); throw new Error('boom');"], { catch: true });
    expect(ws.lock.heldBy).toBeNull();
    expect(
      ws.run('js', ['return [LockService.getScriptLock().tryLock(0), LockService.getUserLock().tryLock(0), LockService.getDocumentLock() !== null];']),
    ).toEqual([true, true, true]);
  });
});

describe('ScriptApp', () => {
  it('creates spreadsheet, form and clock triggers owned by the current user', () => {
    const ws = probeWorkspace();
    ws.run('setupForm');
    ws.run('js', [
      "ScriptApp.newTrigger('sweep').timeBased().everyHours(1).create(); ScriptApp.newTrigger('onOpen2').forSpreadsheet(SpreadsheetApp.getActive().getId()).onOpen().create();",
    ]);
    ws.run('js', ["ScriptApp.newTrigger('onSubmit').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();"], { user: 'staff@careertech.org' });
    expect(ws.triggers.map((t) => [t.handler, t.eventType, t.source, t.owner, t.everyHours])).toEqual([
      ['onSubmit', 'ON_FORM_SUBMIT', 'SPREADSHEETS', 'owner@careertech.org', undefined],
      ['sweep', 'CLOCK', 'CLOCK', 'owner@careertech.org', 1],
      ['onOpen2', 'ON_OPEN', 'SPREADSHEETS', 'owner@careertech.org', undefined],
      ['onSubmit', 'ON_FORM_SUBMIT', 'SPREADSHEETS', 'staff@careertech.org', undefined],
    ]);
    // getProjectTriggers returns only the current user's triggers.
    const list =
      'return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT, t.getTriggerSource() === ScriptApp.TriggerSource.SPREADSHEETS, t.getTriggerSourceId() === SpreadsheetApp.getActive().getId()]; });';
    expect(ws.run('js', [list], { user: 'staff@careertech.org' })).toEqual([['onSubmit', true, true, true]]);
    expect((ws.run('js', [list]) as unknown[]).length).toBe(3);
    ws.run('js', ["ScriptApp.getProjectTriggers().forEach(function (t) { if (t.getHandlerFunction() === 'sweep') ScriptApp.deleteTrigger(t); });"]);
    expect(ws.triggers.map((t) => t.handler)).toEqual(['onSubmit', 'onOpen2', 'onSubmit']);
  });

  it('limits each user to 20 triggers and validates clock intervals', () => {
    const ws = probeWorkspace();
    const r = ws.run('jsError', ["for (var i = 0; i < 21; i++) ScriptApp.newTrigger('sweep').timeBased().everyHours(1).create();"]);
    expect(r).toMatchObject({ message: 'This script has too many triggers. Triggers must be deleted from the script before more can be added.' });
    expect(ws.triggers).toHaveLength(20);
    expect(ws.run('jsError', ["ScriptApp.newTrigger('x').timeBased().everyHours(3).create();"])).toMatchObject({
      message: 'The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.',
    });
  });

  it('runTimeTriggers fires due clock triggers once, as their owner, with the clock event', () => {
    const ws = probeWorkspace();
    ws.run('js', ["ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();"], { user: 'staff@careertech.org' });
    expect(ws.runTimeTriggers().map((e) => [e.fn, e.user, e.error])).toEqual([['tick', 'staff@careertech.org', undefined]]);
    expect(ws.runTimeTriggers()).toEqual([]); // not due again yet
    ws.clock.advance(60 * 60 * 1000);
    expect(ws.runTimeTriggers()).toHaveLength(1);
    expect(JSON.parse(ws.properties.script.tick)).toMatchObject({
      authMode: 'FULL',
      triggerUid: ws.triggers[0].uid,
      hour: 15,
      minute: 0,
      year: 2023,
      month: 8,
      timezone: 'UTC',
    });
  });
});

describe('HtmlService', () => {
  it('serves files from the bundle folder and evaluates templates with escaping', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      "var t = HtmlService.createTemplateFromFile('Page'); t.name = '<Jane & \"Co\">'; t.items = ['a', 'b'];" +
        "var out = t.evaluate().setTitle('T').setWidth(300); var raw = HtmlService.createHtmlOutputFromFile('Page');" +
        "var inline = HtmlService.createTemplate('<?= x ?>|<?!= x ?>'); inline.x = '<b>';" +
        "var missing; try { HtmlService.createHtmlOutputFromFile('Nope'); } catch (e) { missing = e.message; }" +
        "return [out.getContent(), out.getTitle(), out.getWidth(), raw.getContent().indexOf('<?=') >= 0, inline.evaluate().getContent(), missing, HtmlService.createHtmlOutput('a').append('b').getContent(), HtmlService.SandboxMode.IFRAME];",
    ]);
    expect(out).toEqual([
      '<h1>Hello &lt;Jane &amp; &quot;Co&quot;&gt;</h1>\n<ul><li>a</li><li>b</li></ul>\n<p>raw: <i>ok</i></p>\n',
      'T',
      300,
      true,
      '&lt;b&gt;|<b>',
      'No HTML file named Nope was found.',
      'ab',
      'IFRAME',
    ]);
  });
});

describe('Session, Utilities, Logger, console', () => {
  it('knows the active user and the script time zone', () => {
    const ws = probeWorkspace();
    expect(
      ws.run('js', ['return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone()];'], {
        user: 'staff@careertech.org',
      }),
    ).toEqual(['staff@careertech.org', 'staff@careertech.org', 'America/New_York']);
  });

  it('formats dates with SimpleDateFormat patterns in any zone', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      "var d = new Date('2023-08-29T18:00:00Z'), w = new Date('2023-12-12T19:05:09.045Z'); var f = Utilities.formatDate;" +
        "return [f(d, 'America/New_York', 'yyyy-MM-dd HH:mm'), f(d, 'America/New_York', \"EEEE, MMMM d, yyyy 'at' h:mm a z\"), f(w, 'America/New_York', 'EEE MMM dd h:mm a zzzz'), f(d, 'Europe/Berlin', 'HH:mm Z'), f(d, 'UTC', \"yyyy-MM-dd'T'HH:mm:ss'Z'\"), f(w, 'Asia/Kolkata', 'HH:mm:ss.SSS XXX'), f(d, 'GMT', 'D w u'), f(d, 'America/Los_Angeles', \"hh 'o''clock' a, yy\")];",
    ]);
    expect(out).toEqual([
      '2023-08-29 14:00',
      'Tuesday, August 29, 2023 at 2:00 PM EDT',
      'Tue Dec 12 2:05 PM Eastern Standard Time',
      '20:00 +0200',
      '2023-08-29T18:00:00Z',
      '00:35:09.045 +05:30',
      '241 35 2',
      "11 o'clock AM, 23",
    ]);
  });

  it('sleeps on the emulated clock; uuids, digests, base64, blobs, formatString', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      'var before = Date.now(); Utilities.sleep(1500); var u = Utilities.getUuid();' +
        "var md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc').map(function (b) { return ((b + 256) % 256).toString(16); }).join('');" +
        "return [Date.now() - before, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u), u !== Utilities.getUuid(), md5, Utilities.base64Encode('hi?'), Utilities.base64EncodeWebSafe('hi?'), Utilities.newBlob('x', 'text/plain', 'f.txt').getDataAsString(), Utilities.formatString('%s has %d (%05.1f)', 'Ann', 3, 2.5)];",
    ]);
    expect(out).toEqual([1500, true, true, '90150983cd24fb0d6963f7d28e17f72', 'aGk/', 'aGk_', 'x', 'Ann has 3 (002.5)']);
    expect(ws.clock.now()).toEqual(new Date('2023-08-01T14:00:01.500Z'));
  });

  it('collects Logger and console output in execution.logs', () => {
    const ws = probeWorkspace();
    ws.run('js', ["Logger.log('a %s', 'b'); Logger.log({ x: 1 }); console.log('c', 2); console.warn('w');"]);
    expect(ws.lastExecution?.logs).toEqual(['a b', '{"x":1}', 'c 2', '[warn] w']);
  });
});

describe('auth modes and contexts', () => {
  it('opens the sheet with the simple onOpen in LIMITED mode: no services that need authorization', () => {
    const ws = probeWorkspace();
    const [exec] = ws.open('staff@careertech.org');
    expect(exec.error).toBeUndefined();
    expect(exec.user).toBe('staff@careertech.org');
    expect(ws.ui.menus[0].items).toEqual([{ label: 'Review', fn: 'showSidebar' }]);
    expect(ws.run('js', ["return CacheService.getScriptCache().get('openMode');"])).toBe(
      'LIMITED ["You do not have permission to call MailApp.getRemainingDailyQuota."]',
    );
  });

  it('in NONE mode (add-on not yet used) only the menu can be built', () => {
    const ws = probeWorkspace();
    const [exec] = ws.open('staff@careertech.org', { authMode: 'NONE' });
    // The probe's onOpen then touches CacheService, which NONE refuses: the execution fails after the menu is built.
    expect(exec.error?.message).toBe('You do not have permission to call CacheService.getScriptCache.');
    expect(ws.ui.menus).toHaveLength(1);
  });

  it('refuses SpreadsheetApp.getUi() in form-submit and clock triggers', () => {
    const ws = probeWorkspace();
    ws.run('js', ["ScriptApp.newTrigger('uiFromTrigger').timeBased().everyHours(1).create();"]);
    ws.runTimeTriggers();
    expect(ws.run('js', ["return CacheService.getScriptCache().get('ui');"])).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    ws.run('js', ["SpreadsheetApp.getUi(); CacheService.getScriptCache().put('ui', 'menu ok');"]);
    expect(ws.run('js', ["return CacheService.getScriptCache().get('ui');"])).toBe('menu ok');
  });
});
