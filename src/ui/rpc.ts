// The sidebar's only door to the server: google.script.run, typed against the one Endpoints
// declaration the server is also checked against, and turned into promises. Anything the server
// throws arrives as a rejected promise; {ok:false} results are values the caller must show.
import type { Endpoints } from '../shared/wire';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown, userObject?: unknown) => void): ScriptRunner;
  withUserObject(userObject: unknown): ScriptRunner;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRunner; host?: { close(): void } } };
  }
}

/** True when T (an argument or a result) holds something google.script.run cannot carry. */
type NotJsonSafe<T> = T extends Date | ((...args: never[]) => unknown) | Node
  ? true
  : T extends readonly (infer U)[]
    ? NotJsonSafe<U>
    : T extends object
      ? true extends { [K in keyof T]-?: NotJsonSafe<T[K]> }[keyof T]
        ? true
        : false
      : false;
type AssertFalse<T extends false> = T;
// Compile-time proof that nothing crossing the wire is a Date, a function or a DOM node.
export type WireIsJsonSafe = AssertFalse<
  { [K in keyof Endpoints]: NotJsonSafe<Parameters<Endpoints[K]>> | NotJsonSafe<ReturnType<Endpoints[K]>> }[keyof Endpoints]
>;

export class ServerError extends Error {}

export function call<K extends keyof Endpoints>(name: K, ...args: Parameters<Endpoints[K]>): Promise<ReturnType<Endpoints[K]>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new ServerError('This page must be opened from the spreadsheet menu (google.script.run is missing).'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<Endpoints[K]>))
      .withFailureHandler((error) => reject(new ServerError(errorText(error)))) as unknown as Record<string, (...a: unknown[]) => void>;
    try {
      runner[name](...args);
    } catch (e) {
      // google.script.run throws synchronously on arguments it cannot serialise.
      reject(new ServerError(errorText(e)));
    }
  });
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || String(error);
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
