// The page's door to the web app: google.script.run, typed against ApplicantEndpoints and turned
// into promises. A failure (network, server) is a rejected promise; {ok:false} is a value.
import type { ApplicantEndpoints } from '../shared/applicant';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

export function call<K extends keyof ApplicantEndpoints>(name: K, ...args: Parameters<ApplicantEndpoints[K]>): Promise<ReturnType<ApplicantEndpoints[K]>> {
  return new Promise((resolve, reject) => {
    const run = (window as unknown as { google?: { script?: { run?: ScriptRunner } } }).google?.script?.run;
    if (!run) {
      reject(new Error('The page could not reach the server.'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ApplicantEndpoints[K]>))
      .withFailureHandler((error) =>
        reject(error instanceof Error ? error : new Error(String((error as { message?: unknown })?.message ?? error))),
      ) as unknown as Record<string, (...a: unknown[]) => void>;
    try {
      runner[name](...args);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
