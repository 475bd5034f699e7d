// Hostile use of the applicant web app, on the built bundle: every bad token and every bad request
// gets the same neutral page or {ok:false, error}, with no applicant data, writes nothing, never
// throws; bad tokens are slowed; a fast-check property test throws random parameters at all three.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Workspace } from '../../emulator';
import { NEUTRAL_ERROR } from '../../src/shared/applicant';
import type { DecideResult } from '../../src/shared/wire';
import { AFTER_NOTIFY, apply, doGet, idOf, JANE, program, ROB, SAM, snapshot, STAFF, tokenFor, view, withdraw } from './selfService.support';

const NEUTRAL = { ok: false, error: NEUTRAL_ERROR };
const APPLICANT_DATA = /jane|sam\.lee|rob\.roe|Doe|Learner Voice|Data and Accountability|Accepted|Waitlisted|Declined|Withdrawn|meet\.google/i;

/** A program after the notify date: Jane accepted (LV) and declined (DA), Sam waitlisted, Rob withdrawn by staff. */
function world(): { ws: Workspace; jane: string; sam: string; ids: Record<string, string> } {
  const ws = program();
  apply(ws);
  const ids = {
    janeLv: idOf(ws, JANE, 'Learner Voice'),
    janeDa: idOf(ws, JANE, 'Data and Accountability'),
    samLv: idOf(ws, SAM, 'Learner Voice'),
    robDa: idOf(ws, ROB, 'Data and Accountability'),
  };
  const d = (ids2: string[], decision: string) => ws.run('decide', [{ applicationIds: ids2, decision }], { user: STAFF }) as DecideResult;
  d([ids.janeLv], 'accept');
  d([ids.janeDa], 'decline');
  d([ids.samLv], 'waitlist');
  d([ids.robDa], 'withdraw');
  ws.clock.set(AFTER_NOTIFY);
  ws.run('sweep');
  return { ws, jane: tokenFor(ws, JANE), sam: tokenFor(ws, SAM), ids };
}

function flip(token: string, at: number): string {
  const c = token[at];
  return token.slice(0, at) + (c === 'A' ? 'B' : 'A') + token.slice(at + 1);
}

describe('bad tokens', () => {
  const { ws, jane } = world();
  const neutralPage = doGet(ws, {}).html;
  const badTokens: [string, unknown][] = [
    ['empty', ''],
    ['short', 'abc'],
    ['markup', '<script>alert(1)</script>'],
    ['tampered first char', flip(jane, 0)],
    ['tampered middle char', flip(jane, Math.floor(jane.length / 2))],
    ['tampered last char', flip(jane, jane.length - 1)],
    ['one char shorter', jane.slice(0, -1)],
    ['one char longer', `${jane}A`],
    ['padded', `${jane}=`],
    ['oversize', 'A'.repeat(100000)],
    ['the email itself', JANE],
    ['a number', 12345],
    ['an object', { t: jane }],
    ['an array', [jane]],
    ['null', null],
  ];

  it('the neutral page is the same page whatever was wrong, and carries no applicant data or token', () => {
    const boot = doGet(ws, {}).boot;
    expect(boot).toEqual({ token: '', view: NEUTRAL });
    // The page is the built shell plus this boot block: nothing else of the sheet gets in.
    expect(JSON.stringify(boot)).not.toMatch(APPLICANT_DATA);
    expect(neutralPage.replace(/<script type="application\/json" id="boot">[\s\S]*?<\/script>\n/, '')).toBe(
      readFileSync(path.join(__dirname, '..', '..', 'dist', 'Applicant.html'), 'utf8'),
    );
    for (const e of [undefined, null, {}, { parameter: {} }, { parameter: null }, { parameter: { t: ['x'] } }, 'string event']) {
      expect(doGet(ws, e).html).toBe(neutralPage);
    }
  });

  it.each(badTokens)('%s: same neutral page, neutral view, neutral withdraw, nothing written, no sheet read', (_name, token) => {
    const before = snapshot(ws);
    const page = doGet(ws, { parameter: { t: token } });
    expect(page.error).toBeUndefined();
    if (typeof token === 'string') expect(page.html).toBe(neutralPage);
    expect(view(ws, token)).toEqual(NEUTRAL);
    expect(ws.lastExecution?.calls.filter((c) => c.service === 'SpreadsheetApp')).toEqual([]);
    expect(withdraw(ws, { token, applicationId: 'anything' })).toEqual(NEUTRAL);
    expect(ws.lastExecution?.calls.filter((c) => c.service === 'SpreadsheetApp')).toEqual([]);
    expect(snapshot(ws)).toBe(before);
  });

  it('slows repeated bad tokens (one global counter), never a valid one', () => {
    const fresh = world();
    const waited = (): number => {
      const exec = fresh.ws.lastExecution!;
      return exec.endedAt!.getTime() - exec.startedAt.getTime();
    };
    const waits: number[] = [];
    for (let i = 0; i < 30; i++) {
      view(fresh.ws, flip(fresh.jane, i));
      waits.push(waited());
    }
    expect(waits.slice(0, 20).every((w) => w === 0)).toBe(true);
    expect(waits.slice(20)).toEqual([250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500]);
    expect(fresh.ws.lastExecution?.calls.filter((c) => c.method === 'Utilities.sleep')).toHaveLength(1);
    view(fresh.ws, fresh.jane);
    expect(waited()).toBe(0);
    // The window ends: the count starts again.
    fresh.ws.clock.advance(10 * 60 * 1000);
    view(fresh.ws, flip(fresh.jane, 3));
    expect(waited()).toBe(0);
  });
});

describe('bad requests with a valid token', () => {
  it.each([
    ["another applicant's application", (ids: Record<string, string>) => ({ applicationId: ids.samLv })],
    ['an unknown id', () => ({ applicationId: 'no-such-id' })],
    ['an application already declined', (ids: Record<string, string>) => ({ applicationId: ids.janeDa })],
    ['an oversize id', () => ({ applicationId: 'x'.repeat(10000) })],
    ['an empty id', () => ({ applicationId: '' })],
    ['a missing id', () => ({})],
    ['an id that is not text', () => ({ applicationId: 42 })],
  ])('%s: neutral, nothing written', (_name, make) => {
    const { ws, jane, ids } = world();
    const before = snapshot(ws);
    expect(withdraw(ws, { token: jane, ...make(ids) })).toEqual(NEUTRAL);
    expect(snapshot(ws)).toBe(before);
  });

  it("one applicant's token on another's application, and on an application staff withdrew: neutral", () => {
    const { ws, sam, jane, ids } = world();
    const before = snapshot(ws);
    expect(withdraw(ws, { token: sam, applicationId: ids.janeLv })).toEqual(NEUTRAL);
    expect(withdraw(ws, { token: jane, applicationId: ids.robDa })).toEqual(NEUTRAL);
    expect(snapshot(ws)).toBe(before);
  });

  it('a reset token: neutral everywhere, nothing written', () => {
    const { ws, jane, ids } = world();
    ws.run('resetApplicantLinks', [], { user: STAFF });
    const before = snapshot(ws);
    expect(doGet(ws, { parameter: { t: jane } }).boot).toEqual({ token: '', view: NEUTRAL });
    expect(view(ws, jane)).toEqual(NEUTRAL);
    expect(withdraw(ws, { token: jane, applicationId: ids.janeLv })).toEqual(NEUTRAL);
    expect(snapshot(ws)).toBe(before);
  });

  it('without the stored spreadsheet ID the web app answers neutrally (it never falls back to an active spreadsheet)', () => {
    const { ws, jane } = world();
    const key = Object.keys(ws.properties.script).find((k) => ws.properties.script[k] === ws.spreadsheetId) as string;
    delete ws.state.properties.script[key];
    const before = snapshot(ws);
    expect(view(ws, jane)).toEqual(NEUTRAL);
    expect(snapshot(ws)).toBe(before);
  });
});

describe('property: random parameters', () => {
  it('doGet and both endpoints never throw, answer neutrally, write nothing', () => {
    const { ws, jane, ids } = world();
    const before = snapshot(ws);
    const neutralPage = doGet(ws, {}).html;
    const nearToken = fc.nat({ max: jane.length - 1 }).map((i) => flip(jane, i));
    const tokenish = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'ABCxyz019-_=+/'.split('')), maxLength: 400 }), nearToken, fc.anything());
    const params = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), tokenish));
    let runs = 0;
    fc.assert(
      fc.property(params, tokenish, fc.oneof(fc.string(), fc.constantFrom(...Object.values(ids)), fc.anything()), (parameter, token, applicationId) => {
        runs++;
        const res = ws.runWebApp('doGet', [{ parameter, parameters: {}, queryString: '' }]);
        if (res.execution.error) return false;
        if (res.html?.content !== neutralPage) return false;
        const v = ws.runWebApp('applicantView', [token]);
        if (v.execution.error || JSON.stringify(v.result) !== JSON.stringify(NEUTRAL)) return false;
        const w = ws.runWebApp('applicantWithdraw', [{ token, applicationId }]);
        if (w.execution.error || JSON.stringify(w.result) !== JSON.stringify(NEUTRAL)) return false;
        const raw = ws.runWebApp('applicantWithdraw', [parameter]);
        return !raw.execution.error && JSON.stringify(raw.result) === JSON.stringify(NEUTRAL);
      }),
      { numRuns: 120, seed: Number(process.env.STRESS_SEED ?? 1214) },
    );
    expect(snapshot(ws)).toBe(before);
    console.log(`[web app property] ${runs} runs × 4 executions, all neutral, sheet unchanged`);
  });
});
