/**
 * `npm run bench:soak` — atrium's memory under a long, steady load: does its
 * RSS stay flat once warmed up?
 *
 *   - a fake OpenAI upstream (src/test/fake-providers.ts) and a webhook
 *     receiver answering 204, both in this process;
 *   - `atrium serve` (API + in-process delivery worker, default settings,
 *     a SQLite file in a temporary folder) in a child process, with
 *     BENCH_SOAK_ENDPOINTS webhook endpoints on the receiver, an OpenAI key
 *     pointing at the fake and an `ai:use` API token;
 *   - for BENCH_SOAK_WARMUP_SECONDS, then BENCH_SOAK_SECONDS: events
 *     published through POST /api/events at BENCH_SOAK_EVENT_RATE per second
 *     (each delivered to every endpoint), and gateway calls at
 *     BENCH_SOAK_GATEWAY_RATE per second, in turn: a JSON completion, a
 *     stream read to its end, a stream the client drops after its first
 *     chunk, and a call the client aborts before the answer comes;
 *   - atrium's RSS (VmRSS, Linux) sampled every second: printed at the start
 *     of the soak (after the warm-up), its peak and its end, the least-squares
 *     trend over the soak, and one sample per tenth of the run.
 *
 * Calls are started on schedule whatever the answers take, up to
 * BENCH_SOAK_MAX_IN_FLIGHT at once (default 64); a call that would exceed
 * it is counted as skipped (atrium fell behind the rate).
 *
 * Options (env): BENCH_SOAK_SECONDS (default 600), BENCH_SOAK_WARMUP_SECONDS
 * (default 30), BENCH_SOAK_EVENT_RATE (default 20), BENCH_SOAK_GATEWAY_RATE
 * (default 20), BENCH_SOAK_ENDPOINTS (default 2), BENCH_SOAK_MAX_IN_FLIGHT,
 * BENCH_ATRIUM_NODE_ARGS (e.g. "--max-old-space-size=128"), and any ATRIUM_*
 * variable, passed to atrium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { startFakeProvider } from '../src/test/fake-providers.js';
import { freePort } from '../src/test/ports.js';
import { atriumCommand, mb, processMemory, RSS_TARGET_BYTES, stopChild, waitForHttp } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const WARMUP_SECONDS = Number(process.env.BENCH_SOAK_WARMUP_SECONDS ?? 30);
const EVENT_RATE = Number(process.env.BENCH_SOAK_EVENT_RATE ?? 20);
const GATEWAY_RATE = Number(process.env.BENCH_SOAK_GATEWAY_RATE ?? 20);
const ENDPOINTS = Number(process.env.BENCH_SOAK_ENDPOINTS ?? 2);
const MAX_IN_FLIGHT = Number(process.env.BENCH_SOAK_MAX_IN_FLIGHT ?? 64);
const UPSTREAM_KEY = 'sk-bench-0123456789abcdef0123456789abcdef';
// Long enough that a stream is still running when the client drops it after its first chunk (the fake streams a word per event).
const REPLY_TEXT = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');

type CallKind = 'json' | 'stream' | 'stream dropped' | 'aborted early';
const CALL_KINDS: CallKind[] = ['json', 'stream', 'stream dropped', 'aborted early'];

const counts = new Map<string, number>();
const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
const errors: string[] = [];
const failed = (name: string, error: unknown) => {
  count(`${name} failed`);
  if (errors.length < 5) errors.push(`${name}: ${(error as Error).message ?? String(error)}`);
};

/** A JSON call to atrium's API; `T` is the shape of the answer the caller reads. */
async function json<T = unknown>(dispatcher: Agent, method: 'GET' | 'POST', url: string, body: unknown, token?: string): Promise<T> {
  const res = await request(url, {
    method,
    dispatcher,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const out = (await res.body.json()) as T;
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${JSON.stringify(out)}`);
  return out;
}

/** One gateway call of the given kind; resolves when the client is done with it. */
async function gatewayCall(dispatcher: Agent, url: string, token: string, kind: CallKind): Promise<void> {
  const stream = kind === 'stream' || kind === 'stream dropped';
  const controller = new AbortController();
  if (kind === 'aborted early') setTimeout(() => controller.abort(), 1);
  const body = JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello to the soak.' }], stream, ...(stream ? { stream_options: { include_usage: true } } : {}) });
  try {
    const res = await request(url, { method: 'POST', dispatcher, signal: controller.signal, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    if (res.statusCode !== 200) throw new Error(`answered ${res.statusCode}: ${(await res.body.text()).slice(0, 200)}`);
    if (kind === 'stream dropped') {
      // The first chunk arrived: the client goes away mid-stream.
      for await (const chunk of res.body) {
        if (chunk) controller.abort();
        break;
      }
    } else await res.body.text();
    count(kind === 'aborted early' ? 'answered before the abort' : kind);
  } catch (error) {
    if (controller.signal.aborted) count(kind);
    else failed(kind, error);
  }
}

/** Starts `rate` calls per second from `start` until `end` (performance.now() ms), never more than MAX_IN_FLIGHT at once. */
function schedule(rate: number, start: number, end: number, name: string, call: (i: number) => Promise<void>, inFlight: { n: number }): Promise<void> {
  return new Promise((resolve) => {
    let started = 0;
    const tick = () => {
      const now = Math.min(performance.now(), end);
      const due = Math.floor(((now - start) / 1000) * rate);
      for (; started < due; started++) {
        if (inFlight.n >= MAX_IN_FLIGHT) {
          count(`${name} skipped`);
          continue;
        }
        inFlight.n++;
        void call(started).finally(() => inFlight.n--);
      }
      if (performance.now() >= end) resolve();
      else setTimeout(tick, 10);
    };
    tick();
  });
}

/** Least-squares slope of y over x. */
function slope(points: { t: number; rss: number }[]): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.t, 0) / n;
  const my = points.reduce((a, p) => a + p.rss, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.t - mx) * (p.rss - my), 0);
  const sxx = points.reduce((a, p) => a + (p.t - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** The webhook receiver: answers 204 and counts what arrived. */
async function startReceiver() {
  const received = { count: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.count++;
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** `atrium serve` in a child process on a fresh SQLite file (unless ATRIUM_DATABASE_URL says otherwise). */
async function startAtrium() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-soak-'));
  const port = await freePort();
  const nodeArgs = process.env.BENCH_ATRIUM_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, ...atriumCommand(root), 'serve'], {
    cwd: root,
    env: {
      ATRIUM_DATABASE_URL: `sqlite:${path.join(dataDir, 'atrium.sqlite')}`,
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ATRIUM_DATA_DIR: dataDir,
      ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
      ATRIUM_MASTER_KEY: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.on('exit', () => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/health`, 'atrium', child);
  return { child, base };
}

/** A user and workspace with ENDPOINTS endpoints on the receiver, an OpenAI key on the fake provider, and an `ai:use` token. */
async function setUpWorkspace(base: string, receiverUrl: string, providerUrl: string) {
  const setup = new Agent();
  const user = await json<{ token: string }>(setup, 'POST', `${base}/api/auth/register`, { email: `soak-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Soak' });
  const ws = await json<{ id: string }>(setup, 'POST', `${base}/api/workspaces`, { name: 'Soak' }, user.token);
  for (let i = 0; i < ENDPOINTS; i++) await json(setup, 'POST', `${base}/api/webhooks`, { workspace_id: ws.id, url: `${receiverUrl}/e${i}`, event_types: ['custom.*'] }, user.token);
  await json(setup, 'POST', `${base}/api/ai-keys`, { workspace_id: ws.id, provider: 'openai', key_name: 'soak', api_key: UPSTREAM_KEY, endpoint_url: providerUrl }, user.token);
  const aiToken = (await json<{ token: string }>(setup, 'POST', `${base}/api/tokens`, { name: 'soak', workspace_id: ws.id, scopes: ['ai:use'] }, user.token)).token;
  await setup.close();
  return { token: user.token, workspaceId: ws.id, aiToken };
}

type Sample = { t: number; rss: number };

/** Runs the steady load for the warm-up and the soak, sampling the child's RSS every second. */
async function runLoad(child: ChildProcess, base: string, ids: Awaited<ReturnType<typeof setUpWorkspace>>) {
  const events = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  const gateway = new Agent({ connections: 32, keepAliveTimeout: 30_000 });
  const filler = 'x'.repeat(400);
  const publish = async (i: number) => {
    try {
      await json(events, 'POST', `${base}/api/events`, { workspace_id: ids.workspaceId, event_type: 'custom.soak', payload: { i, filler } }, ids.token);
      count('events');
    } catch (error) {
      failed('events', error);
    }
  };
  const start = performance.now();
  const end = start + (WARMUP_SECONDS + SECONDS) * 1000;
  const samples: Sample[] = [];
  const sampler = setInterval(() => {
    const memory = processMemory(child.pid);
    if (memory) samples.push({ t: (performance.now() - start) / 1000, rss: memory.rss });
  }, 1000);
  console.error(`soak: ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s…`);
  const inFlight = { n: 0 };
  await Promise.all([
    schedule(EVENT_RATE, start, end, 'events', publish, inFlight),
    schedule(GATEWAY_RATE, start, end, 'gateway', (i) => gatewayCall(gateway, `${base}/v1/chat/completions`, ids.aiToken, CALL_KINDS[i % CALL_KINDS.length]), inFlight),
  ]);
  clearInterval(sampler);
  const final = processMemory(child.pid);
  while (inFlight.n > 0) await new Promise((r) => setTimeout(r, 50));
  await events.close();
  await gateway.close();
  return { samples, final };
}

function report(samples: Sample[], final: ReturnType<typeof processMemory>, delivered: number, expected: number): string {
  const soak = samples.filter((s) => s.t >= WARMUP_SECONDS);
  const first = soak[0];
  const last = soak.at(-1);
  const cpu = cpus();
  const n = (name: string) => counts.get(name) ?? 0;
  const lines = [
    `soak benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpu.length} × ${cpu[0]?.model.trim()}, Node ${process.version}`,
    `atrium serve (defaults${process.env.ATRIUM_DATABASE_URL ? '' : ', SQLite file'}) for ${SECONDS} s after a ${WARMUP_SECONDS} s warm-up; events ${EVENT_RATE}/s × ${ENDPOINTS} endpoints; gateway calls ${GATEWAY_RATE}/s, in turn ${CALL_KINDS.join(', ')}`,
    `events      ${n('events')} accepted, ${n('events failed')} failed, ${n('events skipped')} skipped; ${delivered} of ${expected} deliveries arrived`,
    `gateway     ${CALL_KINDS.map((k) => `${n(k)} ${k}`).join(', ')} (${n('answered before the abort')} answered before it); ${CALL_KINDS.reduce((a, k) => a + n(`${k} failed`), 0)} failed, ${n('gateway skipped')} skipped`,
    ...errors.map((e) => `  error: ${e}`),
  ];
  if (!first || !last || !final) return [...lines, 'RSS         not available (no /proc on this system)'].join('\n');
  const peak = Math.max(...soak.map((s) => s.rss));
  const trend = slope(soak) * 60;
  lines.push(
    `RSS         start ${mb(first.rss)} (end of warm-up), peak ${mb(peak)} (after warm-up; ${mb(final.peak)} over the process's life), end ${mb(last.rss)}`,
    `            end − start ${last.rss >= first.rss ? '+' : '−'}${mb(Math.abs(last.rss - first.rss))}; trend ${trend >= 0 ? '+' : '−'}${(Math.abs(trend) / (1024 * 1024)).toFixed(2)} MB/min (least squares over ${soak.length} samples); peak ≤ ${mb(RSS_TARGET_BYTES)}: ${final.peak <= RSS_TARGET_BYTES ? 'met' : 'NOT met'}`,
    `RSS over time (m:ss since start):`,
    ...Array.from({ length: 11 }, (_, k) => WARMUP_SECONDS + (k * SECONDS) / 10)
      .map((t) => samples.find((s) => s.t >= t) ?? samples.at(-1)!)
      .map((s) => `  ${clock(s.t).padStart(6)}  ${mb(s.rss)}`),
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const fake = await startFakeProvider('openai', { apiKey: UPSTREAM_KEY, record: false, reply: { text: REPLY_TEXT, inputTokens: 20, outputTokens: 120 } });
  const receiver = await startReceiver();
  const { child, base } = await startAtrium();
  const ids = await setUpWorkspace(base, receiver.url, fake.endpointUrl);
  const { samples, final } = await runLoad(child, base, ids);
  // The last deliveries of the run still arrive: give them a moment, so a backlog shows as one.
  const expected = (counts.get('events') ?? 0) * ENDPOINTS;
  for (let waited = 0; receiver.received.count < expected && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  console.log(report(samples, final, receiver.received.count, expected));
  await stopChild(child);
  receiver.server.close();
  await fake.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
