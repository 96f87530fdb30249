/**
 * `npm run bench:gateway` — the latency atrium's AI gateway adds to a chat
 * completion, next to the Portkey open-source gateway, in one run:
 *
 *   1. a fake OpenAI upstream (src/test/fake-providers.ts) in this process;
 *   2. a bare proxy (bench/bare-proxy.ts: Fastify + undici passing the call
 *      through, nothing else) in a child process: what Node itself costs;
 *   3. atrium (`atrium serve`, embedded SQLite, default settings) in a child
 *      process, with a user, a workspace, an OpenAI key pointing at the fake
 *      and an `ai:use` API token created through its HTTP API; measured twice:
 *      `openai/gpt-4o-mini`, and `smart`, a route whose first target is that
 *      key and whose second (fallback) target is another key of the fake;
 *   4. Portkey's gateway (`@portkey-ai/gateway`, installed into a cache folder
 *      under the OS temp dir, never into this project) in a child process,
 *      routed to the fake with `x-portkey-custom-host`.
 *
 * Each target gets the same warm-up, a sequential run (concurrency 1: pure
 * added latency) and a concurrent run (requests/s). "Added" is the target's
 * p50/p99 minus the direct call's. Each child process's peak RSS (VmHWM,
 * Linux) is read at the end.
 *
 * Options (env): BENCH_REQUESTS (sequential requests, default 3000),
 * BENCH_CONCURRENCY (default 16), BENCH_SECONDS (concurrent run, default 5),
 * BENCH_SKIP_PORTKEY=1, PORTKEY_VERSION (default 1.15.2), BENCH_ATRIUM_NODE_ARGS
 * (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile atrium).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { startFakeProvider } from '../src/test/fake-providers.js';
import { freePort } from '../src/test/ports.js';
import { atriumCommand, mb, processMemory, RSS_TARGET_BYTES, stopChild, waitForHttp } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PORTKEY_VERSION = process.env.PORTKEY_VERSION ?? '1.15.2';
const UPSTREAM_KEY = 'sk-bench-0123456789abcdef0123456789abcdef';
/** A second key of the same upstream: the fallback target of the routed row, never used while the first answers. */
const FALLBACK_KEY = 'sk-bench-fallback-0123456789abcdef012345';

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  model: string;
  /** The target's process, when it is a child of this one. */
  pid?: number;
}

interface Result {
  name: string;
  p50: number;
  p99: number;
  mean: number;
  rps: number;
  loadP50: number;
  loadP99: number;
  /** Peak RSS of the target's process (bytes), when it is a child process on Linux. */
  peakRss?: number;
}

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const agent = new Agent({ connections: CONCURRENCY * 2, keepAliveTimeout: 30_000, pipelining: 1 });

async function once(target: Target, body: string): Promise<number> {
  const started = performance.now();
  const res = await request(target.url, { method: 'POST', headers: target.headers, body, dispatcher: agent });
  const text = await res.body.text();
  const elapsed = performance.now() - started;
  if (res.statusCode !== 200) throw new Error(`${target.name} answered ${res.statusCode}: ${text.slice(0, 300)}`);
  return elapsed;
}

async function measure(target: Target): Promise<Result> {
  const body = JSON.stringify({ model: target.model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say hello to the benchmark.' }], max_tokens: 16 });
  // Warm-up: JIT, connection pools, caches.
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let i = 0; i < 100; i++) await once(target, body);
  }));

  const sequential: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await once(target, body));
  sequential.sort((a, b) => a - b);

  const loaded: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < deadline) loaded.push(await once(target, body));
  }));
  const elapsed = (performance.now() - started) / 1000;
  loaded.sort((a, b) => a - b);

  return {
    name: target.name,
    p50: quantile(sequential, 0.5),
    p99: quantile(sequential, 0.99),
    mean: sequential.reduce((a, b) => a + b, 0) / sequential.length,
    rps: loaded.length / elapsed,
    loadP50: quantile(loaded, 0.5),
    loadP99: quantile(loaded, 0.99),
  };
}

/** A JSON call to atrium's API; `T` is the shape of the answer the caller reads. */
async function json<T = unknown>(method: string, url: string, body: unknown, token?: string): Promise<T> {
  const res = await request(url, {
    method: method as 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const out = (await res.body.json()) as T;
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${JSON.stringify(out)}`);
  return out;
}

/**
 * atrium, and atrium through a route (`model: "smart"`, ADR 0008) whose
 * first target is the same healthy key and whose second is a fallback key:
 * the happy path of a route against a plain `<provider>/<model>` call.
 */
async function startAtrium(upstream: string): Promise<Target[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-bench-'));
  const port = await freePort();
  const nodeArgs = process.env.BENCH_ATRIUM_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, ...atriumCommand(root), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ATRIUM_DATA_DIR: dataDir,
      ATRIUM_DATABASE_URL: `sqlite:${path.join(dataDir, 'atrium.sqlite')}`,
      ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
      REDIS_URL: '',
      ATRIUM_MASTER_KEY: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/health`, 'atrium', child);

  const user = await json<{ token: string }>('POST', `${base}/api/auth/register`, { email: `bench-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Bench' });
  const ws = await json<{ id: string }>('POST', `${base}/api/workspaces`, { name: 'Bench' }, user.token);
  const key = await json<{ id: string }>('POST', `${base}/api/ai-keys`, { workspace_id: ws.id, provider: 'openai', key_name: 'bench', api_key: UPSTREAM_KEY, endpoint_url: upstream }, user.token);
  const fallback = await json<{ id: string }>('POST', `${base}/api/ai-keys`, { workspace_id: ws.id, provider: 'openai', key_name: 'bench fallback', api_key: FALLBACK_KEY, endpoint_url: upstream, is_default: false }, user.token);
  await json('POST', `${base}/api/ai-routes`, {
    workspace_id: ws.id,
    name: 'smart',
    targets: [{ key_id: key.id, model: 'gpt-4o-mini' }, { key_id: fallback.id, model: 'gpt-4o-mini' }],
  }, user.token);
  const token = await json<{ token: string }>('POST', `${base}/api/tokens`, { name: 'bench', workspace_id: ws.id, scopes: ['ai:use'] }, user.token);
  const atrium = {
    name: 'atrium',
    url: `${base}/v1/chat/completions`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.token}` },
    model: 'openai/gpt-4o-mini',
    pid: child.pid,
  };
  return [atrium, { ...atrium, name: 'atrium (route)', model: 'smart' }];
}

async function startBareProxy(upstream: string): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-proxy.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), BARE_PROXY_UPSTREAM: upstream },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/`, 'bare proxy', child);
  return {
    name: 'bare proxy',
    url: `${base}/v1/chat/completions`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${UPSTREAM_KEY}` },
    model: 'gpt-4o-mini',
    pid: child.pid,
  };
}

async function startPortkey(upstream: string): Promise<Target> {
  const dir = path.join(tmpdir(), `atrium-bench-portkey-${PORTKEY_VERSION}`);
  const entry = path.join(dir, 'node_modules', '@portkey-ai', 'gateway', 'build', 'start-server.js');
  if (!existsSync(entry)) {
    console.error(`Installing @portkey-ai/gateway@${PORTKEY_VERSION} into ${dir} (not into this project)…`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'atrium-bench-portkey', private: true }));
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `@portkey-ai/gateway@${PORTKEY_VERSION}`], { cwd: dir, stdio: 'inherit' });
  }
  const port = await freePort();
  const child = spawn(process.execPath, [entry, `--port=${port}`, '--headless'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/`, 'portkey', child);
  return {
    name: 'portkey',
    url: `${base}/v1/chat/completions`,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${UPSTREAM_KEY}`,
      'x-portkey-provider': 'openai',
      'x-portkey-custom-host': upstream,
    },
    model: 'gpt-4o-mini',
    pid: child.pid,
  };
}

const ms = (n: number) => n.toFixed(3);

async function main(): Promise<void> {
  const fake = await startFakeProvider('openai', { apiKey: [UPSTREAM_KEY, FALLBACK_KEY], record: false, reply: { text: 'Hello, benchmark!', inputTokens: 20, outputTokens: 4 } });
  const direct: Target = {
    name: 'direct',
    url: `${fake.endpointUrl}/chat/completions`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${UPSTREAM_KEY}` },
    model: 'gpt-4o-mini',
  };
  const targets = [direct, await startBareProxy(fake.endpointUrl), ...(await startAtrium(fake.endpointUrl))];
  if (process.env.BENCH_SKIP_PORTKEY !== '1') targets.push(await startPortkey(fake.endpointUrl));

  const results: Result[] = [];
  for (const target of targets) {
    console.error(`measuring ${target.name}…`);
    results.push(await measure(target));
  }
  // Before any child stops: /proc/<pid> goes with the process.
  targets.forEach((target, i) => (results[i].peakRss = processMemory(target.pid)?.peak));

  const base = results[0];
  const lines = [
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
    `Sequential: ${SEQUENTIAL} requests at concurrency 1; load: ${SECONDS} s at concurrency ${CONCURRENCY}. Latencies in ms.`,
    '',
    '| target | p50 | p99 | added p50 | added p99 | req/s (c=' + CONCURRENCY + ') | p50 under load | p99 under load | peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) =>
      `| ${r.name} | ${ms(r.p50)} | ${ms(r.p99)} | ${r === base ? '—' : ms(r.p50 - base.p50)} | ${r === base ? '—' : ms(r.p99 - base.p99)} | ${r.rps.toFixed(0)} | ${ms(r.loadP50)} | ${ms(r.loadP99)} | ${r.peakRss === undefined ? '—' : mb(r.peakRss)} |`,
    ),
  ];
  const atrium = results.find((r) => r.name === 'atrium')!;
  const bare = results.find((r) => r.name === 'bare proxy')!;
  const portkey = results.find((r) => r.name === 'portkey');
  const added = atrium.p50 - base.p50;
  const bareAdded = bare.p50 - base.p50;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  lines.push('', `atrium adds ${ms(added)} ms at p50 (target ≤ 1 ms: ${met(added <= 1)})`);
  lines.push(`the bare proxy adds ${ms(bareAdded)} ms at p50; atrium/bare proxy added-latency ratio: ${(added / bareAdded).toFixed(2)} (target ≤ 1.5: ${met(added <= 1.5 * bareAdded)})`);
  lines.push(`atrium at c=${CONCURRENCY}: ${((atrium.rps / base.rps) * 100).toFixed(0)} % of direct's req/s (target ≥ 40 %: ${met(atrium.rps >= 0.4 * base.rps)}), the bare proxy ${((bare.rps / base.rps) * 100).toFixed(0)} %`);
  const routed = results.find((r) => r.name === 'atrium (route)')!;
  lines.push(`atrium through a route with a fallback target adds ${ms(routed.p50 - atrium.p50)} ms at p50 over a plain key (target ≤ 0.1 ms: ${met(routed.p50 - atrium.p50 <= 0.1)})`);
  if (atrium.peakRss !== undefined) lines.push(`atrium peak RSS ${mb(atrium.peakRss)} (target ≤ ${mb(RSS_TARGET_BYTES)}: ${met(atrium.peakRss <= RSS_TARGET_BYTES)})`);
  if (portkey) {
    const portkeyAdded = portkey.p50 - base.p50;
    lines.push(`Portkey adds ${ms(portkeyAdded)} ms at p50; atrium/Portkey added-latency ratio: ${(added / portkeyAdded).toFixed(2)} (${added < portkeyAdded ? 'below' : 'NOT below'} Portkey)`);
  }
  console.log(lines.join('\n'));

  await agent.close();
  // A graceful stop (SIGTERM), so atrium flushes its usage (and writes a CPU profile if asked).
  await Promise.all(children.map(stopChild));
  await fake.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
