// The script cache (CacheService): short-lived counters shared by every execution. Best effort by
// design: a cache may drop entries at any time, and a failing cache must never fail a request.

function scriptCache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getScriptCache();
  } catch {
    return null;
  }
}

export function cacheGet_(key: string): string | null {
  try {
    return scriptCache()?.get(key) ?? null;
  } catch {
    return null;
  }
}

export function cachePut_(key: string, value: string, seconds: number): void {
  try {
    scriptCache()?.put(key, value, seconds);
  } catch {
    // best effort
  }
}

/** Sleeps (Utilities.sleep), at most 5 s. */
export function sleep_(ms: number): void {
  try {
    Utilities.sleep(Math.max(0, Math.min(5000, Math.floor(ms))));
  } catch {
    // best effort
  }
}
