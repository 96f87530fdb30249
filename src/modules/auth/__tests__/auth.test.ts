import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../test/harness.js';

function cookieValue(setCookie: unknown, name: string): string | undefined {
  const list = Array.isArray(setCookie) ? setCookie : [setCookie];
  for (const c of list) {
    const m = new RegExp(`^${name}=([^;]*)`).exec(String(c));
    if (m) return m[1];
  }
  return undefined;
}

describe.each(engines)('auth (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { env: { ATRIUM_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', ATRIUM_LOGIN_MAX_FAILURES_PER_IP: '1000' } });
  });
  afterAll(() => t.close());

  describe('register', () => {
    it('creates the account, normalises the e-mail and signs in', async () => {
      const res = await t.post('/api/auth/register', { body: { email: 'Ada@Example.COM', password: 'long enough', name: 'Ada' } });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
      expect(res.body.user.id).toMatch(/^usr_/);
      expect(res.body.user).not.toHaveProperty('password_hash');
      expect(res.body.token).toEqual(expect.any(String));
      const me = await t.get('/api/auth/me', { token: res.body.token });
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe('ada@example.com');
    });

    it('refuses a second account for the same e-mail, whatever its case', async () => {
      await t.post('/api/auth/register', { body: { email: 'dup@example.com', password: 'long enough', name: 'A' } });
      const res = await t.post('/api/auth/register', { body: { email: 'DUP@example.com', password: 'long enough', name: 'B' } });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('email_taken');
    });

    it.each([
      [{ email: 'not-an-email', password: 'long enough', name: 'A' }, 'email'],
      [{ email: 'a@example.com', password: 'short', name: 'A' }, 'password'],
      [{ email: 'a@example.com', password: 'long enough' }, 'name'],
      [{ password: 'long enough', name: 'A' }, 'email'],
    ])('rejects %j naming the field %s', async (body, field) => {
      const res = await t.post('/api/auth/register', { body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('rejects a malformed JSON body with a JSON error', async () => {
      const res = await t.post('/api/auth/register', { body: '{"email":', headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_json');
    });
  });

  describe('login and logout', () => {
    it('signs in with the right password, any e-mail case', async () => {
      const { user } = await t.signup('login');
      const res = await t.post('/api/auth/login', { body: { email: user.email.toUpperCase(), password: 'correct horse battery' } });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(user.id);
    });

    it('answers the same 401 for a wrong password and an unknown account', async () => {
      const { user } = await t.signup();
      const wrong = await t.post('/api/auth/login', { body: { email: user.email, password: 'wrong password' } });
      const unknown = await t.post('/api/auth/login', { body: { email: 'nobody@example.com', password: 'wrong password' } });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
    });

    it('throttles repeated failures for an account with 429 and Retry-After', async () => {
      const { user } = await t.signup();
      for (let i = 0; i < 3; i++) {
        expect((await t.post('/api/auth/login', { body: { email: user.email, password: 'nope nope' } })).status).toBe(401);
      }
      const blocked = await t.post('/api/auth/login', { body: { email: user.email, password: 'correct horse battery' } });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('too_many_login_attempts');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('a successful login resets the consecutive-failure count', async () => {
      const { user } = await t.signup();
      for (let i = 0; i < 2; i++) await t.post('/api/auth/login', { body: { email: user.email, password: 'nope nope' } });
      expect((await t.post('/api/auth/login', { body: { email: user.email, password: 'correct horse battery' } })).status).toBe(200);
      for (let i = 0; i < 2; i++) await t.post('/api/auth/login', { body: { email: user.email, password: 'nope nope' } });
      expect((await t.post('/api/auth/login', { body: { email: user.email, password: 'correct horse battery' } })).status).toBe(200);
    });

    it('logout ends the session', async () => {
      const { token } = await t.signup();
      expect((await t.post('/api/auth/logout', { token })).status).toBe(204);
      const me = await t.get('/api/auth/me', { token });
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('unauthenticated');
    });

    it('logout and me need authentication', async () => {
      expect((await t.post('/api/auth/logout')).status).toBe(401);
      expect((await t.get('/api/auth/me')).status).toBe(401);
      const bad = await t.get('/api/auth/me', { headers: { authorization: 'Basic abc' } });
      expect(bad.status).toBe(401);
      expect((await t.get('/api/auth/me', { token: 'made-up' })).status).toBe(401);
    });
  });

  describe('cookie sessions for the web UI', () => {
    it('sets an HttpOnly SameSite session cookie and a readable CSRF cookie', async () => {
      const res = await t.post('/api/auth/register', { body: { email: 'cookie@example.com', password: 'long enough', name: 'C' } });
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
      const session = cookies.find((c) => c.startsWith('atrium_session='))!;
      const csrf = cookies.find((c) => c.startsWith('atrium_csrf='))!;
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      expect(csrf).not.toMatch(/HttpOnly/i);
    });

    it('accepts cookie reads, and cookie writes only with the CSRF header', async () => {
      const res = await t.post('/api/auth/register', { body: { email: 'csrf@example.com', password: 'long enough', name: 'C' } });
      const session = cookieValue(res.headers['set-cookie'], 'atrium_session')!;
      const csrf = cookieValue(res.headers['set-cookie'], 'atrium_csrf')!;
      const cookie = `atrium_session=${session}; atrium_csrf=${csrf}`;

      expect((await t.get('/api/auth/me', { headers: { cookie } })).status).toBe(200);

      const forged = await t.post('/api/workspaces', { headers: { cookie }, body: { name: 'Forged' } });
      expect(forged.status).toBe(403);
      expect(forged.body.error.code).toBe('csrf_failed');

      const wrong = await t.post('/api/workspaces', { headers: { cookie, 'x-csrf-token': 'guess' }, body: { name: 'Forged' } });
      expect(wrong.status).toBe(403);

      const ok = await t.post('/api/workspaces', { headers: { cookie, 'x-csrf-token': csrf }, body: { name: 'Real' } });
      expect(ok.status).toBe(201);
    });

    it('never accepts an API token from a cookie', async () => {
      const { token } = await t.signup();
      const ws = await t.createWorkspace(token);
      const apiToken = await t.apiToken(token, ws.id, ['workspaces:read']);
      const res = await t.get(`/api/workspaces/${ws.id}`, { headers: { cookie: `atrium_session=${apiToken}` } });
      expect(res.status).toBe(401);
    });
  });
});

describe.runIf(process.env.TEST_REDIS_URL)('login throttling across instances (redis)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = { REDIS_URL: process.env.TEST_REDIS_URL!, ATRIUM_LOGIN_MAX_FAILURES_PER_ACCOUNT: '4', ATRIUM_LOGIN_MAX_FAILURES_PER_IP: '1000' };
    // Two app instances on one database and one Redis, as when scaled out.
    a = await createTestApp('sqlite', { env, sqliteFile: `/tmp/atrium-redis-${process.pid}-${Date.now()}.sqlite` });
    b = await createTestApp('sqlite', { env, sqliteFile: a.testDb.url.slice('sqlite:'.length) });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('failures on one instance count on the other', async () => {
    const { user } = await a.signup();
    for (const app of [a, b, a, b]) {
      expect((await app.post('/api/auth/login', { body: { email: user.email, password: 'wrong wrong' } })).status).toBe(401);
    }
    for (const app of [a, b]) {
      const res = await app.post('/api/auth/login', { body: { email: user.email, password: 'correct horse battery' } });
      expect(res.status).toBe(429);
    }
  });
});
