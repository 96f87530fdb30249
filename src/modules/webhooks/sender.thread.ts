/**
 * Entry of a webhook sender thread (see SenderPool): signs and POSTs the
 * attempts the delivery worker hands over, through its own SSRF-guarded
 * Outbound agent, and answers with their SendResults. Attempts arrive and
 * results leave in batches: one message per turn of the event loop, not one
 * per attempt.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Outbound } from '../../core/outbound.js';
import { Sender, type SendResult } from './sender.js';
import type { SenderThreadOptions, SendReply, SendRequest } from './sender-pool.js';

const options = workerData as SenderThreadOptions;
const outbound = new Outbound({ allowedCidrs: options.allowedCidrs });
const sender = new Sender(outbound, { timeoutMs: options.timeoutMs });
const port = parentPort!;

let replies: SendReply[] = [];
const flush = () => {
  const batch = replies;
  replies = [];
  port.postMessage(batch);
};

const reply = (entry: SendReply) => {
  if (replies.length === 0) setImmediate(flush);
  replies.push(entry);
};

port.on('message', (message: SendRequest[]) => {
  for (const [seq, input] of message) {
    sender.send(input).then(
      (result: SendResult) => reply([seq, result, null]),
      // Sender.send never throws; if it ever does, the worker leaves the lease to expire.
      (error: unknown) => reply([seq, null, error instanceof Error ? error.message : String(error)]),
    );
  }
});
