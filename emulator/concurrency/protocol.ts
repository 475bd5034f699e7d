// Messages between the host (the thread that owns the Workspace state) and an execution thread.
// Values cross as plain data: service objects as handle tags, Dates as date tags.

export const HANDLE_TAG = '__emuHandle';
export const DATE_TAG = '__emuDate';

export interface HandleRef {
  [HANDLE_TAG]: number;
  /** class name, so the thread can remember which properties of a class are methods */
  cls: string;
}

export interface DateRef {
  [DATE_TAG]: number;
}

/** Host → thread, async (the thread is idle): start one execution. */
export interface RunCommand {
  type: 'run';
  execId: string;
  fn: string;
  /** JSON-ish args (with handle and date tags) */
  args: unknown[];
  /** the global services of this execution */
  roots: Record<string, HandleRef>;
  timeZone: string;
  /** args arrive like google.script.run's: JSON copies (false: event objects with handles) */
  json: boolean;
}

/** Thread → host: a service call (the thread then blocks until the reply). */
export interface CallRequest {
  type: 'call';
  handle: number;
  prop: string;
  args: unknown[];
}

/** Thread → host: read a non-method property of a service object (not a service call). */
export interface GetRequest {
  type: 'get';
  handle: number;
  prop: string;
}

export interface DoneMessage {
  type: 'done';
  execId: string;
  result?: unknown;
  error?: { message: string; stack: string };
  logs: string[];
}

export type ThreadMessage = CallRequest | GetRequest | DoneMessage | { type: 'ready' };

export type Reply = { ok: true; value: unknown; method?: boolean } | { ok: false; error: { message: string; name: string } };

/** Layout of the shared buffer: [0] int32 signal (0 = waiting, 1 = reply ready), [8..16) float64 clock. */
export const SHARED_BYTES = 16;
