/**
 * `npm run bench:webhooks` — webhook delivery throughput and latency, next to
 * a bare undici client doing the same POSTs, in one run:
 *
 *   - a receiver (bench/webhook-receiver.ts) in its own process, answering 204;
 *   - live: `atrium serve` (API + in-process delivery worker, default
 *     settings) in a child process, on SQLite (a file) or PostgreSQL, with M
 *     endpoints on the receiver; this process publishes N `custom.*` events
 *     through POST /api/events (BENCH_PUBLISH_CONCURRENCY at once) and waits
 *     for the N×M deliveries: events/s accepted, deliveries/s (first publish →
 *     last arrival), p50/p99 publish → arrival;
 *   - drain: W warm-up events and then the same N events published with the
 *     worker off, then `atrium worker` alone empties the queue; the warm-up
 *     deliveries come first (the queue is ordered by due time) and let the
 *     fresh process compile its hot code, so the figure, over the N×M
 *     measured deliveries, is the worker's steady rate, as a long-running
 *     worker would deliver (the bare client below runs warm too);
 *   - raw: a bare undici client POSTs N×M requests of the same size and
 *     headers to the same receiver, at the concurrency atrium's worker may
 *     use (ATRIUM_WEBHOOK_CONCURRENCY, ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY × M),
 *     once just before the drain and once just after; the ratios are to
 *     their mean, as the machine's speed drifts within a run;
 *   - the peak RSS of each atrium process (VmHWM, Linux), read as it stops.
 *
 * Options (env): BENCH_ENGINE=sqlite|postgres (or --pg), BENCH_EVENTS (N,
 * default 2000), BENCH_WARMUP_EVENTS (W, default 500), BENCH_ENDPOINTS (M, default 4), BENCH_PAYLOAD_BYTES (default
 * 512), BENCH_PUBLISH_CONCURRENCY (default 16), BENCH_RATE (events/s to
 * publish at, default unpaced), BENCH_DATABASE_URL (default
 * TEST_DATABASE_URL, then postgres://postgres@127.0.0.1:5432/test),
 * BENCH_CPU_PROF=<dir> (V8 profile of the atrium processes), and any ATRIUM_*
 * variable (e.g. ATRIUM_SQLITE_SYNCHRONOUS=NORMAL), passed to atrium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Agent, request } from 'undici';
import { signatureHeader } from '../src/modules/webhooks/signing.js';
import { mb, processMemory, RSS_TARGET_BYTES } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENGINE = process.argv.includes('--pg') ? 'postgres' : (process.env.BENCH_ENGINE ?? 'sqlite');
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const WARMUP_EVENTS = Number(process.env.BENCH_WARMUP_EVENTS ?? 500);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 4);
const PAYLOAD_BYTES = Number(process.env.BENCH_PAYLOAD_BYTES ?? 512);
const PUBLISH_CONCURRENCY = Number(process.env.BENCH_PUBLISH_CONCURRENCY ?? 16);
/** Publish at most this many events/s (default: as fast as accepted): latency below saturation. */
const RATE = Number(process.env.BENCH_RATE ?? 0);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// What atrium's worker may have in flight with its defaults (ATRIUM_WEBHOOK_CONCURRENCY / _ENDPOINT_CONCURRENCY).
const WORKER_CONCURRENCY = Math.min(Number(process.env.ATRIUM_WEBHOOK_CONCURRENCY ?? 64), ENDPOINTS * Number(process.env.ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY ?? 8));

const now = () => performance.timeOrigin + performance.now();
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));
/** Peak RSS of each atrium process, in the order they stopped. */
const peaks: { name: string; bytes: number }[] = [];

/** CPU time (user + system) a child process has used so far, in ms; null where /proc is missing. */
function childCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return null;
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The receiver child and a small request/response protocol over IPC. */
async function startReceiver() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/webhook-receiver.ts')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const ask = <T>(cmd: string): Promise<T> =>
    new Promise((resolve) => {
      const onMessage = (msg: { cmd: string } & T) => {
        if (msg.cmd !== cmd) return;
        child.off('message', onMessage);
        resolve(msg);
      };
      child.on('message', onMessage);
      if (cmd !== 'ready') child.send({ cmd });
    });
  const { port } = await ask<{ port: number }>('ready');
  return {
    url: (p: string) => `http://127.0.0.1:${port}${p}`,
    reset: () => ask('reset'),
    count: async () => (await ask<{ count: number }>('count')).count,
    arrivals: async () => (await ask<{ arrivals: [string, number][] }>('arrivals')).arrivals,
  };
}

/** `atrium serve` (or `atrium worker`) in a child process; resolves once it answers (or logs that it started). */
async function startAtrium(env: Record<string, string>, command: 'serve' | 'worker' = 'serve') {
  const port = await freePort();
  // BENCH_CPU_PROF=<dir>: write a V8 CPU profile of the atrium process there (to find the hot path).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(root, 'src/main.ts'), command], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: command === 'worker' ? 'info' : 'warn', ...env },
    stdio: ['ignore', command === 'worker' ? 'pipe' : 'inherit', 'inherit'],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const memory = processMemory(child.pid);
    if (memory) peaks.push({ name: `atrium ${command}${env.ATRIUM_WEBHOOK_WORKER === 'false' ? ' (worker off)' : ''}`, bytes: memory.peak });
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  };
  if (command === 'worker') {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('webhook worker started') && resolve());
      child.once('exit', () => reject(new Error('atrium worker exited')));
    });
    return { base, child, stop };
  }
  for (let i = 0; i < 300; i++) {
    try {
      const res = await request(`${base}/api/health`);
      await res.body.dump();
      if (res.statusCode === 200) return { base, child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('atrium did not start');
}

/** A JSON call to atrium's API; `T` is the shape of the answer the caller reads. */
async function call<T = unknown>(dispatcher: Agent, base: string, method: 'GET' | 'POST', url: string, token?: string, body?: unknown): Promise<T> {
  const res = await request(base + url, {
    method,
    dispatcher,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.body.json()) as T;
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${JSON.stringify(json)}`);
  return json;
}

/** Runs `total` tasks with at most `concurrency` at once. */
async function pool(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, async () => {
    while (next < total) await task(next++);
  }));
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-bench-'));
  let pgSchema: string | undefined;
  let databaseUrl = `sqlite:${path.join(dir, 'atrium.sqlite')}`;
  if (ENGINE === 'postgres') {
    pgSchema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${pgSchema}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${pgSchema}`);
    databaseUrl = url.toString();
  }
  try {
    const receiver = await startReceiver();
    const env = { ATRIUM_DATA_DIR: dir, ATRIUM_DATABASE_URL: databaseUrl, ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32' };
    const client = new Agent({ connections: PUBLISH_CONCURRENCY + 4 });
    const expected = EVENTS * ENDPOINTS;
    const filler = 'x'.repeat(Math.max(0, PAYLOAD_BYTES - 40));

    const waitForArrivals = async (count: number) => {
      const deadline = Date.now() + 600_000;
      while ((await receiver.count()) < count) {
        if (Date.now() > deadline) throw new Error('deliveries did not all arrive within 10 minutes');
        await new Promise((r) => setTimeout(r, 20));
      }
      return receiver.arrivals();
    };

    // — 1. live: `atrium serve` accepts events and delivers them at the same time —
    let atrium = await startAtrium(env);
    const user = await call<{ token: string }>(client, atrium.base, 'POST', '/api/auth/register', undefined, { email: 'bench@example.com', password: 'correct horse battery', name: 'Bench' });
    const token = user.token;
    const ws = (await call<{ id: string }>(client, atrium.base, 'POST', '/api/workspaces', token, { name: 'Bench' })).id;
    let secret = '';
    for (let i = 0; i < ENDPOINTS; i++) {
      const ep = await call<{ secret: string }>(client, atrium.base, 'POST', '/api/webhooks', token, { workspace_id: ws, url: receiver.url(`/e${i}`), event_types: ['custom.*'] });
      secret = ep.secret;
    }
    const publishAll = async (count = EVENTS, eventType = 'custom.bench') => {
      const published = new Map<string, number>();
      const start = now();
      let lastAccepted = start;
      await pool(count, PUBLISH_CONCURRENCY, async (i) => {
        if (RATE > 0) {
          const due = start + (i * 1000) / RATE;
          if (due > now()) await new Promise((r) => setTimeout(r, due - now()));
        }
        const t0 = now();
        const res = await call<{ id: string }>(client, atrium.base, 'POST', '/api/events', token, { workspace_id: ws, event_type: eventType, payload: { i, filler } });
        published.set(res.id, t0);
        lastAccepted = now();
      });
      return { published, start, acceptSeconds: (lastAccepted - start) / 1000 };
    };

    // Warm-up: JIT, connection pools, prepared statements.
    for (let i = 0; i < 50; i++) await call(client, atrium.base, 'POST', '/api/events', token, { workspace_id: ws, event_type: 'custom.warmup', payload: { i, filler } });
    await waitForArrivals(50 * ENDPOINTS);
    await receiver.reset();

    const live = await publishAll();
    const arrivals = await waitForArrivals(expected);
    const lastArrival = Math.max(...arrivals.map(([, at]) => at));
    const latencies = arrivals.filter(([id]) => live.published.has(id)).map(([id, at]) => at - live.published.get(id)!).sort((a, b) => a - b);
    const deliverySeconds = (lastArrival - live.start) / 1000;
    const deliveriesPerSecond = expected / deliverySeconds;
    await atrium.stop();

    // — 3. a bare undici client, same receiver, same body size and headers, same concurrency; run just before and just after the drain —
    const raw = new Agent({ connections: WORKER_CONCURRENCY });
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const bare = async () => {
      await receiver.reset();
      const cpuStart = process.cpuUsage();
      const start = now();
      await pool(expected, WORKER_CONCURRENCY, async (i) => {
        const id = `raw_${i}`;
        const ts = Math.floor(Date.now() / 1000);
        const body = JSON.stringify({ id, type: 'custom.bench', timestamp: new Date().toISOString(), workspace_id: ws, data: { i, filler } });
        const res = await request(receiver.url(`/e${i % ENDPOINTS}`), {
          method: 'POST',
          dispatcher: raw,
          headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signatureHeader([key], id, ts, body) },
          body,
        });
        await res.body.dump();
      });
      const seconds = (now() - start) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      return { perSecond: expected / seconds, seconds, cpuUs: (cpu.user + cpu.system) / expected };
    };
    const rawBefore = await bare();

    // — 2. drain: a queue of (W + N)×M deliveries, then `atrium worker` alone empties it —
    atrium = await startAtrium({ ...env, ATRIUM_WEBHOOK_WORKER: 'false' });
    await receiver.reset();
    await publishAll(WARMUP_EVENTS, 'custom.warmup');
    const measured = await publishAll();
    await atrium.stop(); // one process at a time on SQLite
    const worker = await startAtrium(env, 'worker');
    // The warm-up deliveries go first; CPU is counted from when they are in.
    await waitForArrivals(WARMUP_EVENTS * ENDPOINTS);
    const cpuBefore = childCpuMs(worker.child.pid);
    const drained = (await waitForArrivals((WARMUP_EVENTS + EVENTS) * ENDPOINTS)).filter(([id]) => measured.published.has(id));
    const cpuAfter = childCpuMs(worker.child.pid);
    // CPU per delivery: steadier than deliveries/s on a machine shared with other work.
    const drainCpuUs = cpuBefore !== null && cpuAfter !== null ? ((cpuAfter - cpuBefore) * 1000) / expected : null;
    const times = drained.map(([, at]) => at);
    const drainPerSecond = expected / ((Math.max(...times) - Math.min(...times)) / 1000);
    await worker.stop();

    const rawAfter = await bare();
    const rawPerSecond = (rawBefore.perSecond + rawAfter.perSecond) / 2;
    const rawCpuUs = (rawBefore.cpuUs + rawAfter.cpuUs) / 2;

    const cpu = cpus();
    const pct = (x: number) => `${((x / rawPerSecond) * 100).toFixed(0)} %`;
    const lines = [
      `webhooks benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpu.length} × ${cpu[0]?.model.trim()}, Node ${process.version}`,
      `engine ${ENGINE}${ENGINE === 'sqlite' ? ` (file, WAL, synchronous=${process.env.ATRIUM_SQLITE_SYNCHRONOUS ?? 'FULL'})` : ''}; ${EVENTS} events × ${ENDPOINTS} endpoints = ${expected} deliveries; payload ${PAYLOAD_BYTES} B; publish concurrency ${PUBLISH_CONCURRENCY}${RATE > 0 ? ` at ${RATE} events/s` : ''}; worker concurrency ${WORKER_CONCURRENCY}`,
      `live (serve: API + worker)`,
      `  events accepted    ${(EVENTS / live.acceptSeconds).toFixed(0)} events/s (POST /api/events, ${live.acceptSeconds.toFixed(2)} s)`,
      `  deliveries         ${deliveriesPerSecond.toFixed(0)} deliveries/s (first publish → last arrival, ${deliverySeconds.toFixed(2)} s) = ${pct(deliveriesPerSecond)} of the bare client`,
      `  publish → arrival  p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms`,
      `drain (atrium worker, queue of ${expected} after ${WARMUP_EVENTS * ENDPOINTS} warm-up deliveries)`,
      `  deliveries         ${drainPerSecond.toFixed(0)} deliveries/s (first → last arrival) = ${pct(drainPerSecond)} of the bare client${drainCpuUs !== null ? `; worker CPU ${drainCpuUs.toFixed(0)} µs/delivery` : ''}`,
      `bare undici client   ${rawPerSecond.toFixed(0)} requests/s (mean of ${rawBefore.perSecond.toFixed(0)} before and ${rawAfter.perSecond.toFixed(0)} after the drain; ${expected} POSTs each, concurrency ${WORKER_CONCURRENCY}); client CPU ${rawCpuUs.toFixed(0)} µs/request`,
    ];
    if (peaks.length) {
      const highest = Math.max(...peaks.map((p) => p.bytes));
      lines.push(`peak RSS             ${peaks.map((p) => `${p.name} ${mb(p.bytes)}`).join(', ')} (target ≤ ${mb(RSS_TARGET_BYTES)}: ${highest <= RSS_TARGET_BYTES ? 'met' : 'NOT met'})`);
    }
    console.log(lines.join('\n'));
    await client.close();
    await raw.close();
  } finally {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    if (pgSchema) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA ${pgSchema} CASCADE`);
      await admin.end();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
