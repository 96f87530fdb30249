import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestApp, type Engine, type TestApp, type TestAppOptions } from '../../../test/harness.js';

/** Config that compresses time: tests wait by polling, never by sleeping a fixed time. */
const FAST_ENV: Record<string, string> = {
  ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
  ATRIUM_WEBHOOK_RETRY_SCHEDULE: '0,30ms,30ms,30ms,30ms',
  ATRIUM_WEBHOOK_RETRY_JITTER_PERCENT: '0',
  ATRIUM_WEBHOOK_POLL_INTERVAL: '20ms',
  ATRIUM_WEBHOOK_TIMEOUT_MS: '2000',
};

/**
 * Both ways of sending run in every test run, whatever the machine's core
 * count (the default depends on it): from a sender thread on SQLite, on the
 * main thread on PostgreSQL.
 */
const SENDER_THREADS: Record<Engine, string> = { sqlite: '1', postgres: '0' };

export async function webhookApp(engine: Engine, options: TestAppOptions & { worker?: boolean } = {}): Promise<TestApp> {
  const env = { ...FAST_ENV, ATRIUM_WEBHOOK_SENDER_THREADS: SENDER_THREADS[engine], ...(options.env ?? {}) };
  const t = await createTestApp(engine, { ...options, env });
  if (options.worker !== false) t.services.webhooks.worker.start();
  return t;
}

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The n-th request this receiver got (1-based). */
  n: number;
}

/** What the receiver does with a request: answer, hang, or cut the connection. */
export type Reaction =
  | { status: number; headers?: Record<string, string>; body?: string }
  | { hang: true }
  | { reset: true };

/** A real HTTP receiver on 127.0.0.1. */
export class Receiver {
  readonly requests: Received[] = [];
  private server!: Server;
  private readonly hanging = new Set<ServerResponse>();
  port = 0;

  constructor(public react: (req: Received) => Reaction | Promise<Reaction> = () => ({ status: 200, body: 'ok' })) {}

  static async start(react?: Receiver['react']): Promise<Receiver> {
    const r = new Receiver(react);
    r.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      const answer = async () => {
        const received: Received = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), n: r.requests.length + 1 };
        r.requests.push(received);
        const reaction = await r.react(received);
        if ('hang' in reaction) {
          r.hanging.add(res);
          return;
        }
        if ('reset' in reaction) {
          req.socket.resetAndDestroy();
          return;
        }
        res.writeHead(reaction.status, reaction.headers ?? {}).end(reaction.body ?? '');
      };
      // Fire and forget: a `react` that throws fails the test run as an unhandled rejection.
      req.on('end', () => void answer());
    });
    await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
    r.port = (r.server.address() as AddressInfo).port;
    return r;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls until `check` returns a truthy value (or stops throwing); fails after a generous deadline. */
export async function waitFor<T>(check: () => T | Promise<T>, what = 'condition', timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** An owner with a workspace and an endpoint pointing at `receiver`. */
export async function endpointFor(t: TestApp, token: string, workspaceId: string, receiver: Receiver, body: Record<string, unknown> = {}) {
  const res = await t.post('/api/webhooks', { token, body: { workspace_id: workspaceId, url: receiver.url(), event_types: ['custom.*'], ...body } });
  if (res.status !== 201) throw new Error(`create webhook failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; secret: string } & Record<string, unknown>;
}

export async function publish(t: TestApp, token: string, workspaceId: string, type = 'custom.thing', payload: Record<string, unknown> = { n: 1 }, idempotencyKey?: string) {
  const res = await t.post('/api/events', {
    token,
    body: { workspace_id: workspaceId, event_type: type, payload },
    headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  });
  if (res.status !== 202 && res.status !== 200) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; deliveries: number; replayed: boolean };
}

/** A child process running a TypeScript entry point through tsx, with its stdout lines collected. */
export interface Child {
  proc: import('node:child_process').ChildProcess;
  lines: string[];
  waitForLine(pattern: RegExp, what?: string): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnTs(args: string[], env: Record<string, string>): Promise<Child> {
  const { spawn } = await import('node:child_process');
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: new URL('../../../../', import.meta.url).pathname,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  proc.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    proc,
    lines,
    exited,
    waitForLine: (pattern, what = String(pattern)) =>
      waitFor(() => {
        if (gone && !lines.some((l) => pattern.test(l))) throw new Error(`child exited: ${stderr.slice(-2000)}`);
        return lines.find((l) => pattern.test(l));
      }, what, 60_000),
  };
}

/** A separate `atrium worker` process on a PostgreSQL test app's schema; `removeDataDir` after it has exited. */
export interface WorkerProcess extends Child {
  removeDataDir(): void;
}

/**
 * Starts `atrium worker` (through tsx) on the same PostgreSQL schema and
 * master key as `t`, allowed to reach receivers on 127.0.0.1, and waits
 * until it says it started. `applicationName` names its connections (a test
 * can then find its LISTEN connection in pg_stat_activity).
 */
export async function spawnWorker(t: TestApp, env: Record<string, string>, options: { applicationName?: string } = {}): Promise<WorkerProcess> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.searchParams.set('options', `-c search_path=${t.testDb.pgSchema}`);
  if (options.applicationName) url.searchParams.set('application_name', options.applicationName);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-worker-'));
  const { primary } = t.services.keyring;
  const child = await spawnTs(['src/main.ts', 'worker'], {
    ATRIUM_DATABASE_URL: url.toString(),
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_MASTER_KEY: `${primary.version}:${primary.key.toString('base64')}`,
    LOG_LEVEL: 'info',
    ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
    ...env,
  });
  const worker = { ...child, removeDataDir: () => rmSync(dataDir, { recursive: true, force: true }) };
  try {
    await worker.waitForLine(/webhook worker started/, 'the worker to start');
  } catch (error) {
    if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
    worker.removeDataDir();
    throw error;
  }
  return worker;
}
