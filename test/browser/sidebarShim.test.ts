// The google.script.run shim itself: it must be as strict and as asynchronous as the real one, or
// the sidebar tests would pass on behaviour Apps Script does not have.
import { chromium, type Browser, type Page } from 'playwright-core';
import { installScriptRunShim, publicFunctionsOf, type ScriptRunBackend } from '../support/scriptRunShim';

/**
 * The shim's google.script.run as these tests drive it: any function name with any arguments,
 * since what it accepts and refuses is what is under test.
 */
interface LooseRunner {
  [name: string]: (...args: unknown[]) => LooseRunner;
}
interface ShimWindow {
  google: { script: { run: LooseRunner } };
}

let browser: Browser;
let page: Page;
const seen: { fn: string; args: unknown[]; user?: string }[] = [];
const backend: ScriptRunBackend = {
  run(fn, args = [], options = {}) {
    seen.push({ fn, args, user: options.user });
    if (fn === 'decide') throw new Error('Exception: boom');
    return { echoed: args, user: options.user };
  },
};

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  page = await browser.newPage();
  await installScriptRunShim(page, backend, { user: 'staff@careertech.org', functions: ['getReviewState', 'decide'] });
  await page.goto('data:text/html,<title>t</title><main>shim</main>');
});
afterAll(async () => {
  await browser?.close();
});

it('finds the public functions of a bundle (not the private ones)', () => {
  expect(publicFunctionsOf('function a() {}\nfunction b_() {}\nvar CoP_ = 1;\nfunction decide() {}')).toEqual(['a', 'decide']);
});

it('is asynchronous, passes the user object, and copies JSON-safe arguments', async () => {
  const out = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const order: string[] = [];
        const run = (window as unknown as ShimWindow).google.script.run;
        run
          .withSuccessHandler((value: unknown, user: unknown) => {
            order.push('handler');
            resolve({ order, value, user });
          })
          .withUserObject({ tag: 7 })
          .getReviewState({ a: [1, undefined, 'x'], b: undefined, c: null });
        order.push('after call');
      }),
  );
  expect(out).toEqual({
    order: ['after call', 'handler'],
    value: { echoed: [{ a: [1, null, 'x'], c: null }], user: 'staff@careertech.org' },
    user: { tag: 7 },
  });
});

it('rejects Dates, functions and DOM nodes at the call, like Apps Script', async () => {
  const errors = await page.evaluate(() => {
    const run = (window as unknown as ShimWindow).google.script.run;
    const tries = [
      () => run.getReviewState(new Date()),
      () => run.getReviewState({ when: [new Date()] }),
      () => run.getReviewState(() => 1),
      () => run.getReviewState(document.body),
    ];
    return tries.map((t) => {
      try {
        t();
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    });
  });
  expect(errors).toEqual([
    'Failed due to illegal value in property: 0',
    'Failed due to illegal value in property: 0',
    'Failed due to illegal value in property: 0',
    'Failed due to illegal value in property: 0',
  ]);
});

it('has no private or unknown functions, and reports server exceptions to the failure handler', async () => {
  const out = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const run = (window as unknown as ShimWindow).google.script.run;
        const hasPrivate = typeof run.reviewState_ === 'function';
        run
          .withFailureHandler((e: Error, u: unknown) => resolve({ hasPrivate, message: e.message, isError: e instanceof Error, u }))
          .withUserObject('u')
          .decide({});
      }),
  );
  expect(out).toEqual({ hasPrivate: false, message: 'Exception: boom', isError: true, u: 'u' });
});
