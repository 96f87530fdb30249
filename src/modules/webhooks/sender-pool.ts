import { Worker } from 'node:worker_threads';
import type { SendInput, SendResult } from './sender.js';

/** What the delivery worker needs of a sender: one attempt in, its outcome out, never a throw for HTTP failures. */
export interface SendPort {
  send(input: SendInput): Promise<SendResult>;
}

export interface SenderThreadOptions {
  allowedCidrs: string[];
  timeoutMs: number;
}

/** Pool → thread: attempts, each with a sequence number. */
export type SendRequest = [seq: number, input: SendInput];
/** Thread → pool: a result, or the message of an unexpected error. */
export type SendReply = [seq: number, result: SendResult | null, error: string | null];

interface Pending {
  resolve: (result: SendResult) => void;
  reject: (error: Error) => void;
}

interface SenderThread {
  worker: Worker;
  pending: Map<number, Pending>;
  outbox: SendRequest[];
}

/**
 * Sends webhook attempts from worker threads. The delivery worker's main
 * thread keeps the queue (claims, leases, attempt rows: the database work);
 * signing, the HTTP exchange and reading the answer, about half of an
 * attempt's CPU, run beside it on other cores. Same contract as Sender: a
 * thread that dies rejects what it held, and the delivery worker then
 * leaves those leases to expire (the attempts are retried, at-least-once).
 *
 * Threads start on the first send and are replaced when one stops.
 */
export class SenderPool implements SendPort {
  private readonly threads: (SenderThread | undefined)[];
  private seq = 0;
  private closed = false;

  constructor(
    size: number,
    private readonly options: SenderThreadOptions,
  ) {
    this.threads = new Array<SenderThread | undefined>(size).fill(undefined);
  }

  send(input: SendInput): Promise<SendResult> {
    if (this.closed) return Promise.reject(new Error('webhook sender pool is closed'));
    const thread = this.leastBusy();
    const seq = ++this.seq;
    return new Promise<SendResult>((resolve, reject) => {
      // An attempt in flight keeps the process alive (a stopping `atrium worker` waits for it); an idle thread does not.
      if (thread.pending.size === 0) thread.worker.ref();
      thread.pending.set(seq, { resolve, reject });
      // Attempts started in the same synchronous burst go to the thread as one message.
      if (thread.outbox.length === 0) queueMicrotask(() => this.flush(thread));
      thread.outbox.push([seq, input]);
    });
  }

  /**
   * Stops the threads. The delivery worker has already let its attempts
   * finish (bounded); what a thread still holds is abandoned and rejected,
   * and those leases expire.
   */
  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads.splice(0).filter((t) => t !== undefined);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private flush(thread: SenderThread): void {
    const batch = thread.outbox;
    thread.outbox = [];
    if (batch.length > 0) thread.worker.postMessage(batch);
  }

  private leastBusy(): SenderThread {
    let best = -1;
    for (let i = 0; i < this.threads.length; i++) {
      const t = this.threads[i];
      if (!t) {
        this.threads[i] = this.spawn(i);
        return this.threads[i]!;
      }
      if (best < 0 || t.pending.size < this.threads[best]!.pending.size) best = i;
    }
    return this.threads[best]!;
  }

  private spawn(index: number): SenderThread {
    const worker = startThread(this.options);
    const thread: SenderThread = { worker, pending: new Map(), outbox: [] };
    worker.unref();
    worker.on('message', (replies: SendReply[]) => {
      for (const [seq, result, error] of replies) {
        const pending = thread.pending.get(seq);
        if (!pending) continue;
        thread.pending.delete(seq);
        if (result) pending.resolve(result);
        else pending.reject(new Error(`webhook sender thread: ${error}`));
      }
      if (thread.pending.size === 0) worker.unref();
    });
    const stopped = (reason: string) => {
      if (this.threads[index] === thread) this.threads[index] = undefined;
      const error = new Error(`webhook sender thread stopped (${reason})`);
      for (const pending of thread.pending.values()) pending.reject(error);
      thread.pending.clear();
    };
    worker.on('error', (error) => stopped(error.message));
    worker.on('exit', (code) => stopped(`exit code ${code}`));
    return thread;
  }
}

/**
 * A sender thread keeps little alive (the requests in flight), but V8 gives
 * each isolate a young generation of up to 32 MB that a busy thread fills:
 * 8 MB keeps its scavenges short and cheap and saves ~25 MB of RSS per thread
 * (docs/benchmarks.md, memory).
 */
const SENDER_HEAP_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * Built code runs the compiled thread file; from sources (tests, `tsx`) the
 * thread registers tsx's loader first, as worker threads do not inherit it.
 */
function startThread(workerData: SenderThreadOptions): Worker {
  const options = { workerData, resourceLimits: SENDER_HEAP_LIMITS };
  if (import.meta.url.endsWith('.js')) return new Worker(new URL('./sender.thread.js', import.meta.url), options);
  // The `import` condition's entry (require.resolve would give the CommonJS one).
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./sender.thread.ts', import.meta.url).href;
  const source = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(source, { ...options, eval: true });
}
