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
  /** the thread's request number (see SHARED_BYTES): the reply carries it back */
  seq: number;
  handle: number;
  prop: string;
  args: unknown[];
}

/** Thread → host: read a non-method property of a service object (not a service call). */
export interface GetRequest {
  type: 'get';
  seq: number;
  handle: number;
  prop: string;
}

export interface DoneMessage {
  type: 'done';
  execId: string;
  result?: unknown;
  error?: { message: string; stack: string };
  logs: string[];
  /** the request/reply protocol broke in this execution (a harness fault, never the script's): the host fails the run */
  harnessError?: string;
}

export type ThreadMessage = CallRequest | GetRequest | DoneMessage | { type: 'ready' };

export type Reply = { ok: true; value: unknown; method?: boolean } | { ok: false; error: { message: string; name: string } };

/** A reply as it crosses: the request's seq with it. */
export type SeqReply = Reply & { seq: number };

/**
 * Layout of the shared buffer: [0] int32 signal, [8..16) float64 clock.
 *
 * The signal is the seq of the last request the host has answered: the host posts the reply, then
 * stores its seq and notifies; the thread waits until the signal equals the seq of its own request.
 * (A 0/1 flag the thread reset before each request was not enough: a host preempted between its
 * store and its notify could deliver that notify during the thread's NEXT wait, which then returned
 * with no reply posted; on a loaded machine this broke the request/reply pairing for good.)
 */
export const SHARED_BYTES = 16;
