// The dev server's half of google.script.run for the real dist/Sidebar.html. The runner itself
// (handlers, argument rules, asynchrony) is test/support/scriptRunShim.ts's client, the same one
// the browser tests use; the server appends it after this file. Here: its transport (POST
// {fn, args, user} to /api/run, where the emulator runs dist/Code.js as that user) and
// google.script.host, which tells the surrounding page about runs and close().
import type { DevError, RunResponse } from '../devWire';

declare const __GAS_DEV__: { user: string; transport: string; webApp?: boolean };

type Reply = { ok: true; valueJson: string } | { ok: false; error: { name: string; message: string } };

function notifyParent(message: Record<string, unknown>): void {
  if (window.parent !== window) window.parent.postMessage({ source: 'gas-dev', ...message }, location.origin);
}

async function transport(fn: string, argsJson: string): Promise<Reply> {
  let body: RunResponse | { ok: false; error: DevError };
  try {
    // The web app's page (GET /exec) runs as the deployer for an anonymous visitor: no user to send.
    const res = __GAS_DEV__.webApp
      ? await fetch('/api/webapp/run', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: `{"fn":${JSON.stringify(fn)},"args":${argsJson}}`,
        })
      : await fetch('/api/run', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: `{"fn":${JSON.stringify(fn)},"user":${JSON.stringify(__GAS_DEV__.user)},"args":${argsJson}}`,
        });
    body = (await res.json()) as RunResponse | { ok: false; error: DevError };
  } catch (e) {
    notifyParent({ type: 'run', fn, ok: false, error: { kind: 'request', message: `The dev server did not answer: ${String(e)}`, stack: '' } });
    // What the real client reports when the server cannot be reached.
    return { ok: false, error: { name: 'NetworkError', message: 'NetworkError: Connection failure due to HTTP 0' } };
  }
  notifyParent({ type: 'run', fn, ok: body.ok, error: body.ok ? null : body.error });
  if (body.ok) return { ok: true, valueJson: 'value' in body && body.value !== undefined ? JSON.stringify(body.value) : 'undefined' };
  return { ok: false, error: { name: body.error.kind === 'bundle' ? 'ScriptError' : 'Error', message: body.error.message } };
}

const w = window as unknown as Record<string, unknown> & { google?: { script?: Record<string, unknown> } };
w[__GAS_DEV__.transport] = transport;
w.google = w.google ?? {};
w.google.script = w.google.script ?? {};
w.google.script.host = {
  origin: location.origin,
  close: () => notifyParent({ type: 'close' }),
  // A dialog asks its frame on the page for a new size (sidebars ignore it, as in Sheets).
  setHeight: (height: number) => notifyParent({ type: 'resize', height }),
  setWidth: (width: number) => notifyParent({ type: 'resize', width }),
  editor: { focus: () => undefined },
};
