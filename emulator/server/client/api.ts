// Fetch helpers for the dev server's JSON API.
import type { DevError } from '../devWire';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: DevError,
    readonly body: unknown,
  ) {
    super(error.message);
  }
}

function errorOf(body: unknown, status: number): DevError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const e = body.error;
    if (typeof e === 'object' && e !== null && typeof (e as DevError).message === 'string') return e as DevError;
  }
  return { kind: 'request', message: `HTTP ${status}`, stack: '' };
}

async function parse<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, { kind: 'request', message: text.slice(0, 300) || `HTTP ${res.status}`, stack: '' }, null);
  }
  if (!res.ok) throw new ApiError(res.status, errorOf(body, res.status), body);
  return body as T;
}

export async function getJson<T>(url: string): Promise<T> {
  return parse<T>(await fetch(url, { cache: 'no-store' }));
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return parse<T>(await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) }));
}
