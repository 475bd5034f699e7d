import { TIME_LIMIT_MESSAGE, Workspace } from '../../emulator';
import { PROBE, probeWorkspace } from './helpers';

const WRITE_THREE =
  "var sh = SpreadsheetApp.getActive().getSheetByName('Sheet1'); sh.getRange('A1').setValue(1); sh.getRange('A2').setValue(2); sh.getRange('A3').setValue(3);";

describe('fault injection', () => {
  it('failNthCall: the n-th call of a method (counted across executions) throws the given error', () => {
    const ws = probeWorkspace();
    ws.faults.failNthCall('MailApp.sendEmail', 2);
    ws.faults.failNthCall('Calendar.Events.insert', 1, new Error('Backend Error'));
    ws.run('js', ["MailApp.sendEmail('a@x.org', 'S', 'B');"]);
    const r = ws.run('jsError', ["MailApp.sendEmail('b@x.org', 'S', 'B');"]);
    expect(r).toMatchObject({ isError: true, message: expect.stringContaining('MailApp.sendEmail') });
    ws.run('js', ["MailApp.sendEmail('c@x.org', 'S', 'B');"]);
    expect(ws.outbox.map((m) => m.to)).toEqual(['a@x.org', 'c@x.org']);
    expect(
      ws.run('jsError', [
        "var c = Calendar.Calendars.insert({ summary: 'C' }); Calendar.Events.insert({ start: { dateTime: '2023-09-01T10:00:00Z' }, end: { dateTime: '2023-09-01T11:00:00Z' } }, c.id);",
      ]),
    ).toEqual({
      message: 'Backend Error',
      name: 'Error',
      isError: true,
    });
    expect(ws.events()).toEqual([]);
  });

  it('failNthCall with inFunction: only runs of that function count, another run passes untouched', () => {
    const ws = probeWorkspace();
    ws.faults.failNthCall('MailApp.sendEmail', 1, new Error('only in jsError'), 'jsError');
    ws.run('js', ["MailApp.sendEmail('a@x.org', 'S', 'B');"]);
    expect(ws.run('jsError', ["MailApp.sendEmail('b@x.org', 'S', 'B');"])).toMatchObject({ isError: true, message: 'only in jsError' });
    ws.run('js', ["MailApp.sendEmail('c@x.org', 'S', 'B');"]);
    expect(ws.outbox.map((m) => m.to)).toEqual(['a@x.org', 'c@x.org']);
  });

  it('cutAtCall: the next execution dies before its n-th call, keeping what it wrote, even if the bundle catches', () => {
    const ws = probeWorkspace();
    ws.faults.cutAtCall(6); // calls: getActive, getSheetByName, getRange, setValue, getRange, (6) setValue
    const r = ws.run('js', ['try { ' + WRITE_THREE + ' } catch (e) { return "caught " + e.message; }'], { catch: true });
    expect(r).toEqual({ message: TIME_LIMIT_MESSAGE, stack: expect.any(String) });
    expect(ws.lastExecution?.cutOff).toBe(true);
    expect(ws.sheet('Sheet1')?.values).toEqual([[1]]);
    // Only that one execution.
    ws.run('js', [WRITE_THREE]);
    expect(ws.sheet('Sheet1')?.values).toEqual([[1], [2], [3]]);
  });

  it('cuts an execution whose call starts more than 6 minutes after it began (latency and sleeps count)', () => {
    const ws = probeWorkspace({ latencyMs: 1000 });
    const r = ws.run('js', ["for (var i = 0; i < 1000; i++) PropertiesService.getScriptProperties().setProperty('i', String(i));"], { catch: true });
    expect(r).toMatchObject({ message: TIME_LIMIT_MESSAGE });
    expect(Number(ws.properties.script.i)).toBeGreaterThan(150);
    expect(ws.clock.millis() - ws.lastExecution!.startedAt.getTime()).toBeLessThanOrEqual(361000 + 1000);
    const sleeper = probeWorkspace();
    expect(sleeper.run('js', ['Utilities.sleep(300000); Utilities.sleep(61000); SpreadsheetApp.getActive();'], { catch: true })).toMatchObject({
      message: TIME_LIMIT_MESSAGE,
    });
  });

  it('latency advances the clock per call', () => {
    const ws = probeWorkspace();
    ws.faults.setLatency(250);
    expect(ws.run('js', ['var a = Date.now(); SpreadsheetApp.getActive().getName(); return Date.now() - a;'])).toBe(500);
    ws.faults.clear();
    expect(ws.run('js', ['var a = Date.now(); SpreadsheetApp.getActive().getName(); return Date.now() - a;'])).toBe(0);
  });
});

describe('persistence', () => {
  it('round-trips the whole state through JSON, Dates included', () => {
    const ws = probeWorkspace();
    ws.run('setupForm');
    ws.submitForm({ email: 'a@state.gov', answers: { 'First name': 'A', Communities: ['B'] } });
    ws.run('js', [
      "var c = CalendarApp.createCalendar('C'); c.createEvent('E', new Date('2023-09-01T10:00:00Z'), new Date('2023-09-01T11:00:00Z'), { guests: 'g@x.org' }); MailApp.sendEmail('a@x.org', 'S', 'B');",
    ]);
    const json = JSON.stringify(ws.toJSON());
    const back = Workspace.fromJSON(json, { bundlePath: PROBE });
    expect(back.records('Form Responses 1')).toEqual(ws.records('Form Responses 1'));
    expect(back.records('Form Responses 1')[0].Timestamp).toBeInstanceOf(Date);
    expect(back.outbox).toEqual(ws.outbox);
    expect(back.events()).toEqual(ws.events());
    expect(back.triggers).toEqual(ws.triggers);
    expect(back.clock.now()).toEqual(ws.clock.now());
    expect(back.state).toEqual(ws.state);
  });

  it('keeps working after a restore (a new submission fires the restored trigger)', () => {
    const ws = probeWorkspace();
    ws.run('setupForm');
    const back = Workspace.fromJSON(ws.toJSON(), { bundlePath: PROBE });
    const r = back.submitForm({ email: 'b@state.gov', answers: { 'First name': 'B' } });
    expect(r.executions.map((e) => e.error)).toEqual([undefined]);
    expect(back.sheet('Log')?.values).toHaveLength(1);
  });
});

describe('cost', () => {
  it('runs 1,000 form submissions (each a fresh execution of the trigger) quickly', () => {
    const ws = probeWorkspace();
    ws.run('setupForm');
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) ws.submitForm({ email: `p${i}@state.gov`, answers: { 'First name': `P${i}`, Communities: ['A'] } });
    const perSubmission = Number(process.hrtime.bigint() - t0) / 1e6 / 1000;
    expect(ws.sheet('Form Responses 1')?.values).toHaveLength(1001);
    expect(ws.sheet('Log')?.values).toHaveLength(1000);

    console.log(`emulator: ${perSubmission.toFixed(2)} ms per submission + trigger execution`);
    // Typically 2-4 ms alone; the bound leaves room for a loaded 2-core machine.
    expect(perSubmission).toBeLessThan(20);
  });
});
