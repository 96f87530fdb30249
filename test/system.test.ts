import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/core/config.js';
import { migrateToLatest } from '../src/core/db/migrator.js';
import { createTestApp, createTestDatabase, engines, type TestApp } from '../src/test/harness.js';
import { tableNames } from '../src/test/fingerprint.js';
import { freePort } from '../src/test/ports.js';

const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { env: { ...process.env, ...env }, cwd: process.cwd() });

describe.each(engines)('system endpoints (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('health and readiness answer without auth', async () => {
    expect(await t.get('/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await t.get('/api/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('unknown routes are a JSON 404', async () => {
    const res = await t.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route_not_found');
  });

  it('every response carries a request id', async () => {
    const res = await t.get('/api/health');
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('/openapi.json describes every API route with request and response schemas', async () => {
    const res = await t.get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('api/workspaces');
    const ops = Object.entries(res.body.paths as Record<string, Record<string, any>>).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ path: p, method: m, op })),
    );
    const apiOps = ops.filter((o) => o.path.startsWith('/api/') || o.path.startsWith('/v1/'));
    expect(apiOps.length).toBeGreaterThan(25);
    for (const { path: p, method, op } of apiOps) {
      expect(op.responses, `${method} ${p}`).toBeDefined();
      const success = Object.keys(op.responses).filter((code) => code.startsWith('2'));
      expect(success.length, `${method} ${p} has a success response schema`).toBeGreaterThan(0);
      if (['post', 'patch', 'put'].includes(method) && op.requestBody) {
        expect(op.requestBody.content['application/json'].schema, `${method} ${p} body`).toBeDefined();
      }
    }
    const register = res.body.paths['/api/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['email', 'password', 'name']));
  });

  it('/docs renders the API reference', async () => {
    const res = await t.get('/docs/');
    expect(res.status).toBe(200);
    expect(String(res.body)).toMatch(/swagger/i);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await t.get('/metrics');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('atrium_process_cpu_seconds_total');
  });
});

describe.each(engines)('migrations (%s)', (engine) => {
  it('create the whole schema from empty, and a second run is a no-op', async () => {
    const testDb = await createTestDatabase(engine);
    try {
      const again = await migrateToLatest(testDb.database.db);
      expect(again.results).toEqual([]);
      const names = await tableNames(testDb.database.db, engine);
      for (const table of ['users', 'sessions', 'api_tokens', 'workspaces', 'workspace_members', 'invitations', 'activity', 'resource_grants', 'events']) {
        expect(names).toContain(table);
      }
    } finally {
      await testDb.drop();
    }
  });
});

describe('atrium CLI', () => {
  it('`atrium migrate` twice: applies everything, then nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atrium-cli-'));
    const env = { ATRIUM_DATA_DIR: dir, LOG_LEVEL: 'silent' };
    const first = await cli(['migrate'], env);
    expect(first.stdout).toMatch(/Applied migrations: 0001_foundation/);
    const second = await cli(['migrate'], env);
    expect(second.stdout.trim()).toBe('Database schema is up to date.');
  });

  it('stops with a message naming a wrong variable', async () => {
    await expect(cli(['migrate'], { PORT: 'eighty' })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('PORT must be an integer') });
  });

  it('`atrium serve` creates the data folder and a 0600 key file, serves, and exits cleanly on SIGTERM', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'atrium-serve-')), 'data');
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
      env: { ...process.env, ATRIUM_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/api/ready`)).ok);
      expect(statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600);
      expect(statSync(path.join(dir, 'atrium.sqlite')).isFile()).toBe(true);
      const reg = await fetch(`http://127.0.0.1:${port}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'serve@example.com', password: 'long enough', name: 'S' }),
      });
      expect(reg.status).toBe(201);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('`atrium worker` serves /health and /metrics on ATRIUM_WORKER_METRICS_PORT and exits cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atrium-worker-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
      env: { ...process.env, ATRIUM_DATA_DIR: dir, ATRIUM_WORKER_METRICS_PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok);
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('atrium_webhook_attempts_total');
      const other = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(other.status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses an unknown command', async () => {
    await expect(cli(['frobnicate'], {})).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command') });
  });
});


async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('configuration', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config.port).toBe(8000);
    expect(config.databaseUrl).toMatch(/^sqlite:.*data\/atrium\.sqlite$/);
    expect([config.aiUpstreamTimeoutMs, config.aiUpstreamIdleTimeoutMs]).toEqual([600_000, 300_000]);
  });

  it.each([
    ['PORT', '70000'],
    ['ATRIUM_DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['REDIS_URL', 'localhost:6379'],
    ['ATRIUM_COOKIE_SECURE', 'maybe'],
    ['ATRIUM_AI_UPSTREAM_TIMEOUT', '0'],
    ['ATRIUM_AI_UPSTREAM_IDLE_TIMEOUT', 'soon'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(name);
  });
});
