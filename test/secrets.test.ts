import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    t = await createTestApp(engine, { env: { LOG_LEVEL: 'trace' }, logStream: stream });

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
  });
  afterAll(() => t.close());

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
    for (const secret of secrets) expect(logs).not.toContain(secret);
  });
});
