// Every sheet write happens under the script lock (all users, all triggers), held briefly:
// never around mail or Calendar calls.
let depth = 0;

/** How long to wait for another execution to finish its writes. */
const WAIT_MS = 30000;

/**
 * Runs `fn` holding the script lock; flushes pending sheet writes before releasing it (so the next
 * holder reads them). Re-entrant within one execution. Throws Apps Script's timeout error if the
 * lock cannot be had in 30 s.
 */
export function withScriptLock_<T>(fn: () => T): T {
  if (depth > 0) {
    depth++;
    try {
      return fn();
    } finally {
      depth--;
    }
  }
  const lock = LockService.getScriptLock();
  lock.waitLock(WAIT_MS);
  depth = 1;
  try {
    return fn();
  } finally {
    depth = 0;
    try {
      if (typeof SpreadsheetApp.flush === 'function') SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}

export const withScriptLock = withScriptLock_;

/** Whether this execution is inside withScriptLock_ (for assertions in adapters). */
export function holdsScriptLock_(): boolean {
  return depth > 0;
}
