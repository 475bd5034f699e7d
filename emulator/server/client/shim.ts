// google.script.run / google.script.host for the real dist/Sidebar.html served by the dev server.
// Each call POSTs {fn, args, user} to /api/run, where the emulator runs dist/Code.js as that user,
// as Apps Script would. Argument rules follow Apps Script's: primitives and plain objects/arrays
// of them; a Date, function or DOM node is an illegal value.
import type { RunResponse } from '../devWire';

declare const __GAS_DEV__: { user: string; functions: string[] };

type Handler = (value: unknown, userObject: unknown) => void;

interface RunnerState {
  success: Handler | null;
  failure: Handler | null;
  userObject: unknown;
}

function illegal(value: unknown, path: string, seen: Set<unknown>): string | null {
  if (value === null || value === undefined) return null;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t === 'function' || t === 'symbol' || t === 'bigint') return path;
  if (value instanceof Date || (typeof Node !== 'undefined' && value instanceof Node)) return path;
  if (seen.has(value)) return path;
  seen.add(value);
  for (const [k, v] of Object.entries(value as object)) {
    const bad = illegal(v, path ? `${path}.${k}` : k, seen);
    if (bad !== null) return bad;
  }
  seen.delete(value);
  return null;
}

function notifyParent(message: Record<string, unknown>): void {
  if (window.parent !== window) window.parent.postMessage({ source: 'gas-dev', ...message }, location.origin);
}

function call(state: RunnerState, fn: string, args: unknown[]): void {
  for (let i = 0; i < args.length; i++) {
    const bad = illegal(args[i], '', new Set());
    if (bad !== null) throw new Error(`Failed due to illegal value in property: ${bad === '' ? i : bad}`);
  }
  const payload = JSON.stringify({ fn, args, user: __GAS_DEV__.user });
  const fail = (error: Error): void => {
    if (state.failure) state.failure(error, state.userObject);
    else console.error(`google.script.run.${fn} failed:`, error);
  };
  fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: payload })
    .then(async (res) => {
      const body = (await res.json()) as RunResponse | { ok: false; error: { message: string } };
      notifyParent({ type: 'run', fn, ok: body.ok, error: body.ok ? null : body.error });
      if (body.ok) {
        if (state.success) state.success(body.value, state.userObject);
      } else {
        fail(new Error(body.error.message));
      }
    })
    .catch((e: unknown) => {
      // What the real client reports when the server cannot be reached.
      notifyParent({ type: 'run', fn, ok: false, error: { message: String(e), stack: '', kind: 'request' } });
      fail(new Error('NetworkError: Connection failure due to HTTP 0'));
    });
}

function runner(state: RunnerState): Record<string, unknown> {
  const r: Record<string, unknown> = {
    withSuccessHandler: (f: Handler) => runner({ ...state, success: f }),
    withFailureHandler: (f: Handler) => runner({ ...state, failure: f }),
    withUserObject: (o: unknown) => runner({ ...state, userObject: o }),
  };
  for (const fn of __GAS_DEV__.functions) {
    r[fn] = (...args: unknown[]) => call(state, fn, args);
  }
  return r;
}

const host = {
  origin: location.origin,
  close: () => notifyParent({ type: 'close' }),
  setHeight: () => undefined,
  setWidth: () => undefined,
  editor: { focus: () => undefined },
};

const url = {
  getLocation: (cb: (loc: { hash: string; parameter: Record<string, string>; parameters: Record<string, string[]> }) => void) =>
    setTimeout(() => cb({ hash: '', parameter: {}, parameters: {} }), 0),
};

const w = window as unknown as { google?: { script?: Record<string, unknown> } };
w.google = w.google ?? {};
w.google.script = { run: runner({ success: null, failure: null, userObject: undefined }), host, url };
