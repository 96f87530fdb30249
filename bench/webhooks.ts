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
 *   - live, batches: the same, the N events published through
 *     POST /api/events/batch, BENCH_BATCH_SIZE per request;
 *   - drain: W warm-up events and then the same N events published with the
 *     worker off (events/s accepted without deliveries competing), then
 *     `atrium worker` alone empties the queue; the warm-up
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
 * 512), BENCH_PUBLISH_CONCURRENCY (default 16), BENCH_BATCH_SIZE (events per
 * batch request, default 50), BENCH_RATE (events/s to
 * publish at, default unpaced), BENCH_DATABASE_URL (default
 * TEST_DATABASE_URL, then postgres://postgres@127.0.0.1:5432/test),
 * BENCH_CPU_PROF=<dir> (V8 profile of the atrium processes), and any ATRIUM_*
 * variable (e.g. ATRIUM_SQLITE_SYNCHRONOUS=NORMAL), passed to atrium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '../src/test/ports.js';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Agent, request } from 'undici';
import { signatureHeader } from '../src/modules/webhooks/signing.js';
import { atriumCommand, mb, processMemory, RSS_TARGET_BYTES } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENGINE = process.argv.includes('--pg') ? 'postgres' : (process.env.BENCH_ENGINE ?? 'sqlite');
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const WARMUP_EVENTS = Number(process.env.BENCH_WARMUP_EVENTS ?? 500);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 4);
const PAYLOAD_BYTES = Number(process.env.BENCH_PAYLOAD_BYTES ?? 512);
const PUBLISH_CONCURRENCY = Number(process.env.BENCH_PUBLISH_CONCURRENCY ?? 16);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 50);
/** Publish at most this many events/s (default: as fast as accepted): latency below saturation. */
const RATE = Number(process.env.BENCH_RATE ?? 0);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// What atrium's worker may have in flight with its defaults (ATRIUM_WEBHOOK_CONCURRENCY / _ENDPOINT_CONCURRENCY).
const WORKER_CONCURRENCY = Math.min(Number(process.env.ATRIUM_WEBHOOK_CONCURRENCY ?? 64), ENDPOINTS * Number(process.env.ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY ?? 8));

const now = () => performance.timeOrigin + performance.now();
/** `node dist/main.js`, built once before the first atrium process starts. */
const atriumEntry = atriumCommand(root);
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
  const child = spawn(process.execPath, [...profile, ...atriumEntry, command], {
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

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
type Atrium = Awaited<ReturnType<typeof startAtrium>>;
const expected = EVENTS * ENDPOINTS;
const filler = 'x'.repeat(Math.max(0, PAYLOAD_BYTES - 40));

/** A fresh database for the run: a SQLite file in `dir`, or a new PostgreSQL schema; `drop` removes the schema. */
async function benchDatabase(dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (ENGINE !== 'postgres') return { url: `sqlite:${path.join(dir, 'atrium.sqlite')}`, drop: async () => {} };
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}

/** Resolves with every arrival once `count` deliveries have reached the receiver. */
async function waitForArrivals(receiver: Receiver, count: number) {
  const deadline = Date.now() + 600_000;
  while ((await receiver.count()) < count) {
    if (Date.now() > deadline) throw new Error('deliveries did not all arrive within 10 minutes');
    await new Promise((r) => setTimeout(r, 20));
  }
  return receiver.arrivals();
}

/** A user, a workspace and ENDPOINTS endpoints on the receiver; the last endpoint's signing secret (for the bare client). */
async function setUpWorkspace(client: Agent, atrium: Atrium, receiver: Receiver) {
  const user = await call<{ token: string }>(client, atrium.base, 'POST', '/api/auth/register', undefined, { email: 'bench@example.com', password: 'correct horse battery', name: 'Bench' });
  const ws = (await call<{ id: string }>(client, atrium.base, 'POST', '/api/workspaces', user.token, { name: 'Bench' })).id;
  let secret = '';
  for (let i = 0; i < ENDPOINTS; i++) {
    const ep = await call<{ secret: string }>(client, atrium.base, 'POST', '/api/webhooks', user.token, { workspace_id: ws, url: receiver.url(`/e${i}`), event_types: ['custom.*'] });
    secret = ep.secret;
  }
  return { token: user.token, ws, secret };
}

interface Publisher {
  client: Agent;
  token: string;
  ws: string;
}

/** Publishes `count` events, one per request or `batchSize` per batch request; `published` maps each event to when its request was sent. */
async function publishAll(atrium: Atrium, by: Publisher, count = EVENTS, eventType = 'custom.bench', batchSize = 1) {
  const published = new Map<string, number>();
  const cpuStart = childCpuMs(atrium.child.pid);
  const start = now();
  let lastAccepted = start;
  await pool(Math.ceil(count / batchSize), PUBLISH_CONCURRENCY, async (b) => {
    const first = b * batchSize;
    if (RATE > 0) {
      const due = start + (first * 1000) / RATE;
      if (due > now()) await new Promise((r) => setTimeout(r, due - now()));
    }
    const t0 = now();
    if (batchSize === 1) {
      const res = await call<{ id: string }>(by.client, atrium.base, 'POST', '/api/events', by.token, { workspace_id: by.ws, event_type: eventType, payload: { i: first, filler } });
      published.set(res.id, t0);
    } else {
      const events = Array.from({ length: Math.min(batchSize, count - first) }, (_, k) => ({ event_type: eventType, payload: { i: first + k, filler } }));
      const res = await call<{ data: { id: string }[] }>(by.client, atrium.base, 'POST', '/api/events/batch', by.token, { workspace_id: by.ws, events });
      for (const r of res.data) published.set(r.id, t0);
    }
    lastAccepted = now();
  });
  const cpuEnd = childCpuMs(atrium.child.pid);
  // atrium's CPU (all its threads) per accepted event while publishing, in µs.
  const cpuUs = cpuStart !== null && cpuEnd !== null ? ((cpuEnd - cpuStart) * 1000) / count : null;
  return { published, start, acceptSeconds: (lastAccepted - start) / 1000, cpuUs };
}

/** Publishes N events and waits for their N×M deliveries: accepted events/s, deliveries/s, publish → arrival latencies. */
async function liveRun(atrium: Atrium, by: Publisher, receiver: Receiver, batchSize: number) {
  await receiver.reset();
  const run = await publishAll(atrium, by, EVENTS, 'custom.bench', batchSize);
  const arrivals = await waitForArrivals(receiver, expected);
  const lastArrival = Math.max(...arrivals.map(([, at]) => at));
  const latencies = arrivals.filter(([id]) => run.published.has(id)).map(([id, at]) => at - run.published.get(id)!).sort((a, b) => a - b);
  const deliverySeconds = (lastArrival - run.start) / 1000;
  return { acceptSeconds: run.acceptSeconds, cpuUs: run.cpuUs, latencies, deliverySeconds, deliveriesPerSecond: expected / deliverySeconds };
}
type LiveRun = Awaited<ReturnType<typeof liveRun>>;

/** — 1. live: `atrium serve` accepts events and delivers them at the same time, single publishes then batches — */
async function live(env: Record<string, string>, client: Agent, receiver: Receiver) {
  const atrium = await startAtrium(env);
  const { token, ws, secret } = await setUpWorkspace(client, atrium, receiver);
  const by = { client, token, ws };
  // Warm-up: JIT, connection pools, prepared statements.
  for (let i = 0; i < 50; i++) await call(client, atrium.base, 'POST', '/api/events', token, { workspace_id: ws, event_type: 'custom.warmup', payload: { i, filler } });
  await waitForArrivals(receiver, 50 * ENDPOINTS);
  const single = await liveRun(atrium, by, receiver, 1);
  const batched = await liveRun(atrium, by, receiver, BATCH_SIZE);
  await atrium.stop();
  return { single, batched, by, secret };
}

/** — 2. drain: a queue of (W + N)×M deliveries, then `atrium worker` alone empties it — */
async function drain(env: Record<string, string>, by: Publisher, receiver: Receiver) {
  const filling = await startAtrium({ ...env, ATRIUM_WEBHOOK_WORKER: 'false' });
  await receiver.reset();
  await publishAll(filling, by, WARMUP_EVENTS, 'custom.warmup');
  const measured = await publishAll(filling, by);
  await filling.stop(); // one process at a time on SQLite
  const worker = await startAtrium(env, 'worker');
  // The warm-up deliveries go first; CPU is counted from when they are in.
  await waitForArrivals(receiver, WARMUP_EVENTS * ENDPOINTS);
  const cpuBefore = childCpuMs(worker.child.pid);
  const drained = (await waitForArrivals(receiver, (WARMUP_EVENTS + EVENTS) * ENDPOINTS)).filter(([id]) => measured.published.has(id));
  const cpuAfter = childCpuMs(worker.child.pid);
  await worker.stop();
  const times = drained.map(([, at]) => at);
  return {
    accepted: measured,
    perSecond: expected / ((Math.max(...times) - Math.min(...times)) / 1000),
    // CPU per delivery: steadier than deliveries/s on a machine shared with other work.
    cpuUs: cpuBefore !== null && cpuAfter !== null ? ((cpuAfter - cpuBefore) * 1000) / expected : null,
  };
}

/** — 3. a bare undici client: the same receiver, body size, headers and concurrency as atrium's worker — */
async function bareClient(raw: Agent, receiver: Receiver, secret: string, ws: string) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
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
}
type BareRun = Awaited<ReturnType<typeof bareClient>>;

function report(runs: { live: LiveRun; batched: LiveRun; drain: Awaited<ReturnType<typeof drain>>; bareBefore: BareRun; bareAfter: BareRun }): string {
  const { drain: drained, bareBefore, bareAfter } = runs;
  const rawPerSecond = (bareBefore.perSecond + bareAfter.perSecond) / 2;
  const rawCpuUs = (bareBefore.cpuUs + bareAfter.cpuUs) / 2;
  const cpu = cpus();
  const pct = (x: number) => `${((x / rawPerSecond) * 100).toFixed(0)} %`;
  const cpuNote = (us: number | null, what: string) => (us === null ? '' : `; atrium CPU ${us.toFixed(0)} µs/event${what}`);
  const liveLines = (run: LiveRun, route: string) => [
    `  events accepted    ${(EVENTS / run.acceptSeconds).toFixed(0)} events/s (${route}, ${run.acceptSeconds.toFixed(2)} s${cpuNote(run.cpuUs, ', delivering meanwhile')})`,
    `  deliveries         ${run.deliveriesPerSecond.toFixed(0)} deliveries/s (first publish → last arrival, ${run.deliverySeconds.toFixed(2)} s) = ${pct(run.deliveriesPerSecond)} of the bare client`,
    `  publish → arrival  p50 ${quantile(run.latencies, 0.5).toFixed(1)} ms, p99 ${quantile(run.latencies, 0.99).toFixed(1)} ms`,
  ];
  const lines = [
    `webhooks benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpu.length} × ${cpu[0]?.model.trim()}, Node ${process.version}`,
    `engine ${ENGINE}${ENGINE === 'sqlite' ? ` (file, WAL, synchronous=${process.env.ATRIUM_SQLITE_SYNCHRONOUS ?? 'FULL'})` : ''}; ${EVENTS} events × ${ENDPOINTS} endpoints = ${expected} deliveries; payload ${PAYLOAD_BYTES} B; publish concurrency ${PUBLISH_CONCURRENCY}${RATE > 0 ? ` at ${RATE} events/s` : ''}; worker concurrency ${WORKER_CONCURRENCY}`,
    `live (serve: API + worker)`,
    ...liveLines(runs.live, 'POST /api/events'),
    `live, batches of ${BATCH_SIZE} (serve: API + worker)`,
    ...liveLines(runs.batched, `POST /api/events/batch, ${PUBLISH_CONCURRENCY} batches at once`),
    `drain (atrium worker, queue of ${expected} after ${WARMUP_EVENTS * ENDPOINTS} warm-up deliveries)`,
    `  events accepted    ${(EVENTS / drained.accepted.acceptSeconds).toFixed(0)} events/s (POST /api/events with the worker off, filling the queue${cpuNote(drained.accepted.cpuUs, '')})`,
    `  deliveries         ${drained.perSecond.toFixed(0)} deliveries/s (first → last arrival) = ${pct(drained.perSecond)} of the bare client${drained.cpuUs !== null ? `; worker CPU ${drained.cpuUs.toFixed(0)} µs/delivery` : ''}`,
    `bare undici client   ${rawPerSecond.toFixed(0)} requests/s (mean of ${bareBefore.perSecond.toFixed(0)} before and ${bareAfter.perSecond.toFixed(0)} after the drain; ${expected} POSTs each, concurrency ${WORKER_CONCURRENCY}); client CPU ${rawCpuUs.toFixed(0)} µs/request`,
  ];
  if (peaks.length) {
    const highest = Math.max(...peaks.map((p) => p.bytes));
    lines.push(`peak RSS             ${peaks.map((p) => `${p.name} ${mb(p.bytes)}`).join(', ')} (target ≤ ${mb(RSS_TARGET_BYTES)}: ${highest <= RSS_TARGET_BYTES ? 'met' : 'NOT met'})`);
  }
  return lines.join('\n');
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-bench-'));
  const database = await benchDatabase(dir);
  try {
    const receiver = await startReceiver();
    const env = { ATRIUM_DATA_DIR: dir, ATRIUM_DATABASE_URL: database.url, ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32' };
    const client = new Agent({ connections: PUBLISH_CONCURRENCY + 4 });
    const raw = new Agent({ connections: WORKER_CONCURRENCY });
    const liveRuns = await live(env, client, receiver);
    // The bare client runs just before and just after the drain: the machine's speed drifts within a run.
    const bareBefore = await bareClient(raw, receiver, liveRuns.secret, liveRuns.by.ws);
    const drained = await drain(env, liveRuns.by, receiver);
    const bareAfter = await bareClient(raw, receiver, liveRuns.secret, liveRuns.by.ws);
    console.log(report({ live: liveRuns.single, batched: liveRuns.batched, drain: drained, bareBefore, bareAfter }));
    await client.close();
    await raw.close();
  } finally {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
