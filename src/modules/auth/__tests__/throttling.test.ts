import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AppInstance } from '../../../app.js';
import { createDatabase, type Database } from '../../../core/db/database.js';
import { createTestApp, engines, type Engine, type TestApp } from '../../../test/harness.js';

/** Collects the JSON log lines an app writes. */
function logCapture() {
  const lines: Array<Record<string, any>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { stream, lines, text: () => JSON.stringify(lines) };
}

/**
 * Addresses of this run (documentation IPv6 prefix, random groups): Redis keeps
 * counters across test runs, so fixed addresses would find last run's blocks.
 */
const group = () => (0x1000 + Math.floor(Math.random() * 0xefff)).toString(16);
const net = `2001:db8:${group()}:${group()}`;
const address = (n: number) => `${net}::${n.toString(16)}`;
const PROXY = address(0x10);
const spoofedNet = `2001:db8:${group()}:${group()}`;
const spoofed = (i: number) => `${spoofedNet}::${(i + 1).toString(16)}`;

async function failLogin(app: AppInstance, i: number, opts: { remoteAddress?: string; xff?: string; email?: string } = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: opts.remoteAddress ?? PROXY,
    headers: opts.xff ? { 'x-forwarded-for': opts.xff } : {},
    payload: { email: opts.email ?? `nobody-${i}-${Math.random()}@example.com`, password: 'wrong wrong' },
  });
  return { status: res.statusCode, retryAfter: res.headers['retry-after'], body: res.json() };
}

const redisUrl = process.env.TEST_REDIS_URL;
/** Each database engine with its default limit store, and SQLite with Redis when available. */
const stores: Array<[string, Engine, Record<string, string>]> = [
  ...engines.map((e): [string, Engine, Record<string, string>] => [e === 'sqlite' ? 'sqlite, memory' : 'postgres, no redis', e, {}]),
  ...(redisUrl ? [['sqlite, redis', 'sqlite', { REDIS_URL: redisUrl }] as [string, Engine, Record<string, string>]] : []),
];

describe.each(stores)('sign-in limits and client addresses (%s)', (_label, engine, storeEnv) => {
  const limits = { ATRIUM_LOGIN_MAX_FAILURES_PER_IP: '3', ATRIUM_LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000', ATRIUM_LOGIN_BLOCK_SECONDS: '1' };

  describe('by default (no trusted proxy)', () => {
    let t: TestApp;
    const logs = logCapture();
    beforeAll(async () => {
      t = await createTestApp(engine, { env: { ...storeEnv, ...limits, LOG_LEVEL: 'info' }, logStream: logs.stream });
    });
    afterAll(() => t.close());

    it('a new X-Forwarded-For per try does not escape the per-IP limit, and logs show the socket address', async () => {
      for (let i = 0; i < 3; i++) expect((await failLogin(t.app, i, { xff: spoofed(i) })).status).toBe(401);
      const blocked = await failLogin(t.app, 3, { xff: spoofed(3) });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('too_many_login_attempts');

      const requests = logs.lines.filter((l) => l.req?.url === '/api/auth/login');
      expect(requests).toHaveLength(4);
      for (const line of requests) expect(line.req.remoteAddress).toBe(PROXY);
      expect(logs.text()).not.toContain(spoofedNet);
    });

    it('the per-IP block lasts ATRIUM_LOGIN_BLOCK_SECONDS (Retry-After says so), not the rest of the hour', async () => {
      const ip = address(0x20);
      for (let i = 0; i < 3; i++) expect((await failLogin(t.app, i, { remoteAddress: ip })).status).toBe(401);
      const blocked = await failLogin(t.app, 3, { remoteAddress: ip });
      expect(blocked.status).toBe(429);
      expect(blocked.retryAfter).toBe('1');
      expect(blocked.body.error.details).toEqual({ retry_after_seconds: 1 });
      // The block is 1 s; well after it, the IP may try again (its hour window is not over).
      await new Promise((r) => setTimeout(r, 1_300));
      expect((await failLogin(t.app, 4, { remoteAddress: ip })).status).toBe(401);
    });

    it('the per-account block also lasts exactly ATRIUM_LOGIN_BLOCK_SECONDS', async () => {
      const other = await createTestApp(engine, {
        env: { ...storeEnv, ATRIUM_LOGIN_MAX_FAILURES_PER_ACCOUNT: '2', ATRIUM_LOGIN_MAX_FAILURES_PER_IP: '1000', ATRIUM_LOGIN_BLOCK_SECONDS: '2' },
      });
      try {
        const { user } = await other.signup();
        for (let i = 0; i < 2; i++) expect((await failLogin(other.app, i, { email: user.email })).status).toBe(401);
        const blocked = await failLogin(other.app, 2, { email: user.email });
        expect(blocked.status).toBe(429);
        expect(blocked.retryAfter).toBe('2');
      } finally {
        await other.close();
      }
    });
  });

  describe('behind a trusted proxy (ATRIUM_TRUST_PROXY=<its address>)', () => {
    let t: TestApp;
    const logs = logCapture();
    beforeAll(async () => {
      t = await createTestApp(engine, { env: { ...storeEnv, ...limits, LOG_LEVEL: 'info', ATRIUM_TRUST_PROXY: `127.0.0.1,${PROXY}/128` }, logStream: logs.stream });
    });
    afterAll(() => t.close());

    it('uses the forwarded address: limits are per client, and logs record the client', async () => {
      for (let i = 0; i < 5; i++) expect((await failLogin(t.app, i, { xff: `10.9.9.9, ${spoofed(i)}` })).status).toBe(401);
      for (let i = 0; i < 2; i++) expect((await failLogin(t.app, i, { xff: spoofed(0) })).status).toBe(401);
      expect((await failLogin(t.app, 9, { xff: spoofed(0) })).status).toBe(429);

      const addresses = logs.lines.filter((l) => l.req?.url === '/api/auth/login').map((l) => l.req.remoteAddress);
      // The address the proxy appended (the last one), never the client's own claim before it.
      expect(addresses.slice(0, 5)).toEqual([0, 1, 2, 3, 4].map(spoofed));
      expect(logs.text()).not.toContain('10.9.9.9');
    });

    it('ignores X-Forwarded-For from a peer that is not the proxy', async () => {
      const direct = address(0x30);
      for (let i = 0; i < 3; i++) expect((await failLogin(t.app, i, { remoteAddress: direct, xff: spoofed(100 + i) })).status).toBe(401);
      expect((await failLogin(t.app, 3, { remoteAddress: direct, xff: spoofed(110) })).status).toBe(429);
    });
  });

  it('a hop count trusts that many proxies in front of atrium', async () => {
    const logs = logCapture();
    const t = await createTestApp(engine, { env: { ...storeEnv, LOG_LEVEL: 'info', ATRIUM_TRUST_PROXY: '1' }, logStream: logs.stream });
    try {
      await failLogin(t.app, 0, { xff: `10.9.9.9, ${spoofed(77)}` });
      expect(logs.lines.find((l) => l.req?.url === '/api/auth/login')?.req.remoteAddress).toBe(spoofed(77));
    } finally {
      await t.close();
    }
  });
});

/** A second app on the same database, as another process would be. */
async function secondInstance(t: TestApp): Promise<{ app: AppInstance; database: Database }> {
  const database = createDatabase(t.testDb.url, { pgSchema: t.testDb.pgSchema });
  const quiet = new Writable({ write: (_chunk, _enc, done) => done() });
  const { app } = await buildApp({ config: t.config, database, keyring: t.services.keyring, logStream: quiet });
  await app.ready();
  return { app, database };
}

describe.runIf(engines.includes('postgres'))('sign-in limits across processes on PostgreSQL without Redis', () => {
  let a: TestApp;
  let b: { app: AppInstance; database: Database };
  beforeAll(async () => {
    a = await createTestApp('postgres', { env: { ATRIUM_LOGIN_MAX_FAILURES_PER_ACCOUNT: '4', ATRIUM_LOGIN_MAX_FAILURES_PER_IP: '6' } });
    b = await secondInstance(a);
  });
  afterAll(async () => {
    await b.app.close();
    await b.database.close();
    await a.close();
  });

  it('failures on one process count on the other (account and IP limits)', async () => {
    const { user } = await a.signup();
    for (const app of [a.app, b.app, a.app, b.app]) expect((await failLogin(app, 0, { email: user.email })).status).toBe(401);
    for (const app of [a.app, b.app]) expect((await failLogin(app, 0, { email: user.email })).status).toBe(429);

    // Another address: its 6 failures may come from either process, then it is blocked on both.
    const ip = address(0x40);
    const statuses = [];
    for (const [i, app] of [a.app, b.app, a.app, b.app, a.app, b.app, a.app, b.app].entries()) {
      statuses.push((await failLogin(app, i, { remoteAddress: ip })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });
});

describe.runIf(redisUrl)('sign-in limits store down', () => {
  it('answers 503 limits_unavailable (no store details) when Redis does not answer', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const t = await createTestApp('sqlite', { env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    try {
      const res = await failLogin(t.app, 0);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: { code: 'limits_unavailable', message: expect.any(String), details: null } });
      expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|redis/i);
      expect(res.retryAfter).toBe('1');
    } finally {
      await t.close();
    }
  });
});

describe.runIf(engines.includes('postgres'))('sign-in limits store failing on PostgreSQL', () => {
  it('answers 503 limits_unavailable (no database details) when the counters cannot be read', async () => {
    const t = await createTestApp('postgres');
    try {
      // A real store failure: the counters' table is gone.
      await sql`drop table rate_limits`.execute(t.db);
      const res = await failLogin(t.app, 0);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: { code: 'limits_unavailable', message: expect.any(String), details: null } });
      expect(JSON.stringify(res.body)).not.toMatch(/rate_limits|relation|postgres/i);
    } finally {
      await t.close();
    }
  });
});
