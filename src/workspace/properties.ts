// Script properties: small durable state shared by every execution (pending confirmations, marks).
// A value is at most 9 KB and the store 500 KB, so keep entries small and delete them when done.

let scriptStore: GoogleAppsScript.Properties.Properties | null = null;

function store(): GoogleAppsScript.Properties.Properties {
  if (!scriptStore) scriptStore = PropertiesService.getScriptProperties();
  return scriptStore;
}

export function getProperty_(key: string): string | null {
  return store().getProperty(key);
}

export function setProperty_(key: string, value: string): void {
  store().setProperty(key, value);
}

export function deleteProperty_(key: string): void {
  store().deleteProperty(key);
}

/** Every script property (one call). */
export function allProperties_(): Record<string, string> {
  return store().getProperties();
}

/** Sets several properties in one call. */
export function setProperties_(values: Record<string, string>): void {
  if (Object.keys(values).length > 0) store().setProperties(values, false);
}

export function getJsonProperty_<T>(key: string): T | null {
  const raw = getProperty_(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function setJsonProperty_(key: string, value: unknown): void {
  setProperty_(key, JSON.stringify(value));
}
