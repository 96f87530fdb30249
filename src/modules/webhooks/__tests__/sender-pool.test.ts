import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSecret, secretKey } from '../signing.js';
import { SenderPool } from '../sender-pool.js';
import { Receiver, waitFor } from './helpers.js';

const secret = generateSecret();
const input = (url: string, id: string, body = `{"n":"${id}"}`) => ({
  url,
  message: { id, body },
  keys: [secretKey(secret)],
  customHeaders: { 'x-tenant': 'acme', authorization: 'Bearer hunter2' },
});

describe('webhook sender threads', () => {
  let receiver: Receiver | undefined;
  let pool: SenderPool | undefined;
  afterEach(async () => {
    await pool?.close();
    await receiver?.close();
    pool = receiver = undefined;
  });

  it('sends signed attempts from threads and matches every answer to its attempt', async () => {
    // The status depends on the path, so a result handed to the wrong attempt would show.
    receiver = await Receiver.start((req) => ({ status: Number(req.path.slice(1)), body: `answer ${req.path}` }));
    pool = new SenderPool(2, { allowedCidrs: ['127.0.0.1/32'], timeoutMs: 2000 });
    const statuses = Array.from({ length: 60 }, (_, i) => [200, 202, 500, 410][i % 4]);
    // Started in one synchronous burst: they travel to the threads in batches.
    const results = await Promise.all(statuses.map((status, i) => pool!.send(input(receiver!.url(`/${status}`), `msg_${i}`))));

    results.forEach((result, i) => {
      expect(result.statusCode).toBe(statuses[i]);
      expect(result.succeeded).toBe(statuses[i] < 300);
      expect(result.responseBody).toBe(`answer /${statuses[i]}`);
      expect(result.requestHeaders['webhook-id']).toBe(`msg_${i}`);
      // Stored headers never carry a credential-like custom value.
      expect(result.requestHeaders.authorization).toBe('[redacted]');
    });
    expect(receiver.requests).toHaveLength(60);
    for (const req of receiver.requests) {
      expect(new Webhook(secret).verify(req.body, req.headers as Record<string, string>)).toEqual({ n: req.headers['webhook-id'] });
      expect(req.headers['x-tenant']).toBe('acme');
      expect(req.headers.authorization).toBe('Bearer hunter2');
    }
  });

  it('keeps the SSRF guard in the threads: private destinations are refused by default', async () => {
    receiver = await Receiver.start();
    pool = new SenderPool(1, { allowedCidrs: [], timeoutMs: 2000 });
    const result = await pool.send(input(receiver.url(), 'msg_private'));
    expect(result).toMatchObject({ succeeded: false, statusCode: null, errorClass: 'destination_not_allowed' });
    expect(receiver.requests).toHaveLength(0);
  });

  it('rejects what a stopped thread held and replaces the thread for the next attempt', async () => {
    receiver = await Receiver.start((req) => (req.path === '/hang' ? { hang: true } : { status: 204 }));
    pool = new SenderPool(1, { allowedCidrs: ['127.0.0.1/32'], timeoutMs: 10_000 });
    const held = pool.send(input(receiver.url('/hang'), 'msg_held'));
    await waitFor(() => receiver!.requests.length === 1, 'the attempt to reach the receiver');
    // What a crash of the thread looks like to the pool.
    const [thread] = (pool as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads;
    await thread.worker.terminate();
    await expect(held).rejects.toThrow(/sender thread stopped/);

    const next = await pool.send(input(receiver.url('/ok'), 'msg_next'));
    expect(next).toMatchObject({ succeeded: true, statusCode: 204 });
  });

  it('answers attempts still in flight on close, so the worker leaves their leases to expire', async () => {
    receiver = await Receiver.start(() => ({ hang: true }));
    pool = new SenderPool(1, { allowedCidrs: ['127.0.0.1/32'], timeoutMs: 10_000 });
    const held = pool.send(input(receiver.url(), 'msg_closing'));
    await waitFor(() => receiver!.requests.length === 1, 'the attempt to reach the receiver');
    await pool.close();
    await expect(held).rejects.toThrow(/sender thread stopped/);
    await expect(pool.send(input(receiver.url(), 'msg_after'))).rejects.toThrow(/closed/);
  });
});
