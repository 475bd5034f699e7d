// A google.script.run for pages outside Apps Script (headless Chromium in tests, the dev server),
// behaving like the real one where the sidebar could notice:
//  - `google.script.run` has one method per public top-level function of the bundle (names ending
//    in `_` are private and absent, so calling one is a TypeError, as in Apps Script);
//  - withSuccessHandler / withFailureHandler / withUserObject return a configured runner;
//  - arguments must be JSON-safe: a Date, function, DOM node (other than a lone <form>), Map, class
//    instance or circular structure throws "Failed due to illegal value in property: …" at the call;
//    `undefined` inside arrays becomes null, undefined object fields are dropped;
//  - the call is asynchronous: handlers run on a later task, never inside the call;
//  - the server runs with Session.getActiveUser() = the shim's user; an exception becomes the
//    failure handler's Error (or an uncaught console error when there is no failure handler).
//
// Three parts, so the dev server can reuse the first two with its own transport:
//   scriptRunClientSource(transportName, functions)  the in-page script (a string)
//   executeScriptRun(backend, call)                 the Node side of one call
//   installScriptRunShim(page, backend, options)    Playwright glue
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** What the shim needs of the emulator's Workspace: `ws.run(fn, args, { user })`. */
export interface ScriptRunBackend {
  run(fn: string, args?: unknown[], options?: { user?: string }): unknown;
}

export interface ScriptRunCall {
  fn: string;
  /** JSON text of the argument list, as the page serialised it */
  argsJson: string;
  user: string;
}

export type ScriptRunReply = { ok: true; valueJson: string } | { ok: false; error: { name: string; message: string } };

/** The public top-level functions of a bundle: the ones google.script.run can reach. */
export function publicFunctionsOf(bundleCode: string): string[] {
  const names = new Set<string>();
  for (const match of bundleCode.matchAll(/^function\s+([A-Za-z$][\w$]*)\s*\(/gm)) {
    if (!match[1].endsWith('_')) names.add(match[1]);
  }
  return [...names].sort();
}

export function publicFunctionsOfFile(bundlePath: string): string[] {
  return publicFunctionsOf(readFileSync(bundlePath, 'utf8'));
}

/** Runs one call on the backend. Never throws: errors become a failure reply. */
export function executeScriptRun(backend: ScriptRunBackend, functions: readonly string[], call: ScriptRunCall): ScriptRunReply {
  if (!functions.includes(call.fn) || call.fn.endsWith('_')) {
    return { ok: false, error: { name: 'ScriptError', message: `Script function not found: ${call.fn}` } };
  }
  try {
    const args = JSON.parse(call.argsJson) as unknown[];
    const value = backend.run(call.fn, args, { user: call.user });
    // Apps Script returns what JSON can carry; a value it cannot serialise arrives as null.
    const valueJson = value === undefined ? 'undefined' : (JSON.stringify(value) ?? 'null');
    return { ok: true, valueJson };
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown };
    return {
      ok: false,
      error: { name: typeof err?.name === 'string' ? err.name : 'Error', message: typeof err?.message === 'string' ? err.message : String(e) },
    };
  }
}

/**
 * The in-page half. `transportName` is a global async function (fn, argsJson) => ScriptRunReply
 * the host provides (Playwright's exposeBinding, or a fetch wrapper in the dev server).
 */
export function scriptRunClientSource(transportName: string, functions: readonly string[], options: { latencyMs?: number } = {}): string {
  const config = JSON.stringify({ transportName, functions, latencyMs: options.latencyMs ?? 0 });
  return `(${CLIENT_MAIN})(${config});`;
}

// Plain JavaScript (not a stringified TS function, so no compiler helper can leak into the page).
const CLIENT_MAIN = String.raw`function (config) {
  'use strict';
  function illegal(path) {
    throw new TypeError('Failed due to illegal value in property: ' + path);
  }
  // Copies a value the way google.script.run accepts it, or throws like it does.
  function sanitize(value, path, seen) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
    if (value === undefined) return undefined;
    if (typeof value !== 'object') return illegal(path);
    if (seen.indexOf(value) >= 0) return illegal(path);
    seen.push(value);
    var out;
    if (Array.isArray(value)) {
      out = value.map(function (v, i) {
        var c = sanitize(v, String(i), seen);
        return c === undefined ? null : c;
      });
    } else {
      var proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return illegal(path);
      out = {};
      Object.keys(value).forEach(function (key) {
        var c = sanitize(value[key], key, seen);
        if (c !== undefined) out[key] = c;
      });
    }
    seen.pop();
    return out;
  }
  function makeRunner(cfg) {
    var runner = {
      withSuccessHandler: function (handler) {
        if (typeof handler !== 'function') throw new TypeError('withSuccessHandler expects a function');
        return makeRunner({ success: handler, failure: cfg.failure, userObject: cfg.userObject });
      },
      withFailureHandler: function (handler) {
        if (typeof handler !== 'function') throw new TypeError('withFailureHandler expects a function');
        return makeRunner({ success: cfg.success, failure: handler, userObject: cfg.userObject });
      },
      withUserObject: function (userObject) {
        return makeRunner({ success: cfg.success, failure: cfg.failure, userObject: userObject });
      }
    };
    config.functions.forEach(function (fn) {
      runner[fn] = function () {
        var args = Array.prototype.slice.call(arguments).map(function (a, i) {
          var c = sanitize(a, String(i), []);
          return c === undefined ? null : c;
        });
        var argsJson = JSON.stringify(args);
        function fail(error) {
          if (cfg.failure) cfg.failure(error, cfg.userObject);
          else console.error('Uncaught ' + error.name + ': ' + error.message);
        }
        setTimeout(function () {
          window[config.transportName](fn, argsJson).then(function (reply) {
            if (reply.ok) {
              var value = reply.valueJson === 'undefined' ? undefined : JSON.parse(reply.valueJson);
              if (cfg.success) cfg.success(value, cfg.userObject);
            } else {
              var error = new Error(reply.error.message);
              error.name = reply.error.name;
              fail(error);
            }
          }, function (e) {
            fail(e instanceof Error ? e : new Error(String(e)));
          });
        }, config.latencyMs);
      };
    });
    return runner;
  }
  var google = (window.google = window.google || {});
  var script = (google.script = google.script || {});
  Object.defineProperty(script, 'run', {
    configurable: true,
    enumerable: true,
    get: function () { return makeRunner({ success: null, failure: null, userObject: undefined }); }
  });
  script.host = script.host || {
    close: function () { window.__scriptHostClosed = true; },
    setHeight: function () {},
    setWidth: function () {},
    editor: { focus: function () {} }
  };
}`;

export interface ShimOptions {
  /** Session.getActiveUser() for every call (changeable later through the handle) */
  user: string;
  /** public functions; default: read from dist/Code.js next to the repo root */
  functions?: readonly string[];
  bundlePath?: string;
  latencyMs?: number;
  transportName?: string;
}

export interface ShimHandle {
  calls: { fn: string; args: unknown[]; user: string; ok: boolean; ms: number }[];
  setUser(user: string): void;
}

export async function installScriptRunShim(page: Page, backend: ScriptRunBackend, options: ShimOptions): Promise<ShimHandle> {
  const transportName = options.transportName ?? '__scriptRunTransport';
  const functions = options.functions ?? publicFunctionsOfFile(options.bundlePath ?? `${__dirname}/../../dist/Code.js`);
  let user = options.user;
  const handle: ShimHandle = {
    calls: [],
    setUser(u: string) {
      user = u;
    },
  };
  await page.exposeBinding(transportName, (_source, fn: string, argsJson: string) => {
    const started = Date.now();
    const reply = executeScriptRun(backend, functions, { fn, argsJson, user });
    handle.calls.push({ fn, args: JSON.parse(argsJson) as unknown[], user, ok: reply.ok, ms: Date.now() - started });
    return reply;
  });
  await page.addInitScript({ content: scriptRunClientSource(transportName, functions, { latencyMs: options.latencyMs }) });
  return handle;
}
