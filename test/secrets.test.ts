import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../src/test/fake-providers.js';
import { createTestApp, engines, type TestApp } from '../src/test/harness.js';

/** Every row of every table, as one string, to search for secrets. */
async function dumpDatabase(t: TestApp): Promise<string> {
  const tables =
    t.engine === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(t.db)).rows.map((r) => r.name);
  let dump = '';
  for (const table of tables) {
    const rows = await sql`select * from ${sql.table(table)}`.execute(t.db);
    dump += JSON.stringify(rows.rows);
  }
  return dump;
}

describe.each(engines)('secrets stay secret (%s)', (engine) => {
  let t: TestApp;
  let logs = '';
  const secrets: string[] = [];
  /** Secrets the operator chose to put in a webhook's URL or headers: stored as given, never logged. */
  const logOnly: string[] = [];
  let receiver: Server;
  let provider: FakeProvider;

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    t = await createTestApp(engine, { env: { LOG_LEVEL: 'trace', ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32' }, logStream: stream });

    const password = 'Sup3r-Secret-Passw0rd';
    secrets.push(password);
    const reg = await t.post('/api/auth/register', { body: { email: 'owner@example.com', password, name: 'Owner' } });
    secrets.push(reg.body.token);
    const login = await t.post('/api/auth/login', { body: { email: 'owner@example.com', password } });
    secrets.push(login.body.token);
    await t.post('/api/auth/login', { body: { email: 'owner@example.com', password: 'Wrong-Guess-Passw0rd' } });
    secrets.push('Wrong-Guess-Passw0rd');

    const ws = await t.createWorkspace(login.body.token);
    const api = await t.post('/api/tokens', { token: login.body.token, body: { name: 'ci', workspace_id: ws.id, scopes: ['workspaces:read'] } });
    secrets.push(api.body.token);
    await t.get(`/api/workspaces/${ws.id}`, { token: api.body.token });

    const invitee = await t.post('/api/auth/register', { body: { email: 'dev@example.com', password: 'An0ther-Secret-Pass', name: 'Dev' } });
    secrets.push('An0ther-Secret-Pass', invitee.body.token);
    const inv = await t.post(`/api/workspaces/${ws.id}/invitations`, { token: login.body.token, body: { email: 'dev@example.com', role: 'developer' } });
    secrets.push(inv.body.token);
    await t.get(`/api/invitations/${inv.body.token}`);
    await t.post(`/api/invitations/${inv.body.token}/accept`, { token: invitee.body.token });
    // A cookie-authenticated request: the cookie header must not be logged either.
    await t.get('/api/auth/me', { headers: { cookie: `atrium_session=${login.body.token}` } });

    // The link atrium hands out is the console's /invitations/<token>; opening it must not log the token.
    const inv2 = await t.post(`/api/workspaces/${ws.id}/invitations`, { token: login.body.token, body: { email: 'ops@example.com', role: 'viewer' } });
    secrets.push(inv2.body.token);
    const link = new URL(inv2.body.url);
    expect(link.pathname).toBe(`/invitations/${inv2.body.token}`);
    await t.get(link.pathname, { headers: { accept: 'text/html' } });
    await t.get(`/invitations/${inv2.body.token}?from=mail`, { headers: { accept: 'text/html' } });
    await t.get(`/api/invitations/${encodeURIComponent(inv2.body.token)}`);

    // A webhook whose URL and headers carry the receiver's credentials, with a test delivery that fails.
    receiver = createServer((_req, res) => res.writeHead(500).end('nope'));
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hookUrlToken = `hookurl-${randomBytes(12).toString('hex')}`;
    const hookHeader = `hookhdr-${randomBytes(12).toString('hex')}`;
    logOnly.push(hookUrlToken, hookHeader);
    const hook = await t.post('/api/webhooks', {
      token: login.body.token,
      body: {
        workspace_id: ws.id,
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook?token=${hookUrlToken}`,
        headers: { authorization: `Bearer ${hookHeader}` },
      },
    });
    expect(hook.status).toBe(201);
    secrets.push(hook.body.secret);
    expect((await t.post(`/api/webhooks/${hook.body.id}/test`, { token: login.body.token, body: {} })).status).toBe(200);
    const rotated = await t.post(`/api/webhooks/${hook.body.id}/rotate-secret`, { token: login.body.token, body: {} });
    secrets.push(rotated.body.secret);

    // A provider key, used through the gateway with an API token.
    provider = await startFakeProvider('openai', { apiKey: [] });
    const providerKey = `sk-proj-${randomBytes(16).toString('hex')}`;
    provider.keys.add(providerKey);
    secrets.push(providerKey);
    const aiKey = await t.post('/api/ai-keys', {
      token: login.body.token,
      body: { workspace_id: ws.id, provider: 'openai', key_name: 'main', api_key: providerKey, endpoint_url: provider.endpointUrl },
    });
    expect(aiKey.status).toBe(201);
    const aiToken = await t.post('/api/tokens', { token: login.body.token, body: { name: 'ai', workspace_id: ws.id, scopes: ['ai:use'] } });
    secrets.push(aiToken.body.token);
    const chat = await t.post('/v1/chat/completions', {
      token: aiToken.body.token,
      headers: { 'x-atrium-key-id': aiKey.body.id },
      body: { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
    });
    expect(chat.status).toBe(200);
    // A wrong key: the provider's 401 must not bring the key into a log line.
    await t.post(`/api/ai-keys/${aiKey.body.id}/test`, { token: login.body.token, body: {} });

    // Credentials where they do not belong: query strings and odd headers.
    for (const [name, value] of [
      ['token', login.body.token],
      ['access_token', api.body.token],
      ['api_key', providerKey],
      ['password', password],
      ['client_secret', hook.body.secret],
      ['atrium_session', invitee.body.token],
    ]) {
      await t.get(`/api/auth/me?${name}=${encodeURIComponent(value)}&page=2`);
    }
    await t.get('/api/auth/me', { headers: { 'x-api-key': api.body.token, 'api-key': providerKey, authorization: `Bearer ${login.body.token}` } });
    await t.get(`/no/such/route?token=${login.body.token}`);
  });
  afterAll(async () => {
    await t.close();
    await provider?.close();
    await new Promise((r) => receiver?.close(r));
  });

  it('the flow really produced logs and rows to search', async () => {
    expect(logs).toContain('/api/invitations/[redacted]');
    expect(logs.split('\n').length).toBeGreaterThan(20);
    expect(secrets.every((s) => typeof s === 'string' && s.length >= 16)).toBe(true);
  });

  it('no password, session token, API token or invitation token in the database', async () => {
    const dump = await dumpDatabase(t);
    expect(dump).toContain('owner@example.com');
    for (const secret of secrets) expect(dump).not.toContain(secret);
  });

  it('none of them in the logs', () => {
    for (const secret of [...secrets, ...logOnly]) expect(logs).not.toContain(secret);
    // The flow's requests are there, with their secrets masked.
    expect(logs).toContain('"/invitations/[redacted]"');
    expect(logs).toContain('/invitations/[redacted]?from=mail');
    expect(logs).toContain('/api/auth/me?access_token=[redacted]&page=2');
  });
});
