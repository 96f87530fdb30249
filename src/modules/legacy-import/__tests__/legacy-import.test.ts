import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines, type TestApp } from '../../../test/harness.js';
import { publish, Receiver, waitFor, webhookApp } from '../../webhooks/__tests__/helpers.js';
import { createLegacyImportModule, type ImportReport } from '../legacy-import.module.js';
import { createLegacySource, EXPECTED, sourceEngines, type LegacySource } from './legacy-fixture.js';

const combos = engines.flatMap((target) => sourceEngines.map((source) => [source, target] as const));


describe.each(combos)('import-legacy from %s into %s', (sourceEngine, targetEngine) => {
  let t: TestApp;
  let source: LegacySource;
  let receiver: Receiver;
  let openai: FakeProvider;
  let report: ImportReport;

  const run = () => createLegacyImportModule({ db: t.db, keyring: t.services.keyring }).run({ from: source.url, encryptionKey: source.data.encryptionKey });
  const login = (email: string, password: string) => t.post('/api/auth/login', { body: { email, password } });

  beforeAll(async () => {
    receiver = await Receiver.start();
    openai = await startFakeProvider('openai', { apiKey: [], reply: { text: 'Hello from the imported key', inputTokens: 7, outputTokens: 3 } });
    t = await webhookApp(targetEngine);
    source = await createLegacySource(sourceEngine, { webhookUrl: receiver.url('/legacy-hook'), openaiEndpoint: openai.endpointUrl });
    openai.keys.add(source.data.openaiKey);
    report = await run();
  });
  afterAll(async () => {
    await t.close();
    await source.drop();
    await receiver.close();
    await openai.close();
  });

  it('imports every table and reports each skipped row', () => {
    for (const [table, expected] of Object.entries(EXPECTED)) expect(report.tables[table], table).toMatchObject({ ...expected, already_imported: 0 });
    const reasons = report.skipped.map((s) => `${s.table}#${s.source_id}: ${s.message}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'users#4: the account is deactivated in the original',
        'workspace_members#1:4: user #4 was not imported',
        'workspace_invitations#2: expired',
        'workspace_invitations#3: already accepted in the original',
        'workspace_invitations#4: revoked or expired in the original',
        'workspace_webhooks#3: the URL is not an absolute http(s) URL',
        'ai_keys#3: provider "huggingface" has no counterpart in atrium',
        'ai_keys#5: azure_openai needs an endpoint URL and the original has none',
        'ai_key_usage#4: AI key #3 was not imported',
      ]),
    );
    expect(report.warnings.join(' ')).toContain('X-Webhook-Signature');
    const notes = report.notes.map((n) => `${n.table}#${n.source_id}: ${n.message}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        'workspaces#2: slug "beta_team!" was taken or invalid in atrium; it is now "beta-team"',
        'workspaces#2: no owner among its members in the original; its highest-ranked, longest-standing member is now the owner',
        'workspace_members#2:3: role "editor" became developer',
        'workspace_invitations#5: an invitation as owner; atrium invites at most as admin (ownership is transferred)',
        'workspace_webhooks#1: header "Content-Type" left out: is set by atrium and cannot be overridden',
        'workspace_webhooks#1: event "api.discovered" became "custom.api.discovered" (atrium raises it only when your application publishes it)',
      ]),
    );
  });

  it('keeps the original password: sign-in works and upgrades the hash to scrypt', async () => {
    const before = await t.db.selectFrom('users').select('password_hash').where('email', '=', 'alice@example.com').executeTakeFirstOrThrow();
    expect(before.password_hash).toMatch(/^\$2b\$/);
    expect((await login('alice@example.com', 'wrong password')).status).toBe(401);
    const res = await login('alice@example.com', source.data.passwords.alice);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'alice@example.com', name: 'Alice Liddell' });
    const after = await t.db.selectFrom('users').select('password_hash').where('email', '=', 'alice@example.com').executeTakeFirstOrThrow();
    expect(after.password_hash).toMatch(/^scrypt\$/);
    expect((await login('alice@example.com', source.data.passwords.alice)).status).toBe(200);
    expect((await login('Bob@example.com', source.data.passwords.bob)).body.user.name).toBe('bob');
  });

  it('keeps workspaces, members and roles, with one owner each', async () => {
    const alice = (await login('alice@example.com', source.data.passwords.alice)).body.token as string;
    const carol = (await login('carol@example.com', source.data.passwords.carol)).body.token as string;
    const mine = (await t.get('/api/workspaces', { token: alice })).body.data as { name: string; slug: string; role: string }[];
    expect(mine).toEqual([expect.objectContaining({ name: 'Acme', slug: 'acme', role: 'owner' })]);
    const hers = (await t.get('/api/workspaces', { token: carol })).body.data as { name: string; slug: string; role: string }[];
    expect(hers.map((w) => [w.name, w.slug, w.role]).sort()).toEqual([['Acme', 'acme', 'viewer'], ['Beta Team', 'beta-team', 'developer']]);
    const beta = await t.db.selectFrom('workspace_members').innerJoin('users', 'users.id', 'workspace_members.user_id').innerJoin('workspaces', 'workspaces.id', 'workspace_members.workspace_id').select(['users.email', 'workspace_members.role']).where('workspaces.slug', '=', 'beta-team').orderBy('users.email').execute();
    expect(beta).toEqual([{ email: 'bob@example.com', role: 'owner' }, { email: 'carol@example.com', role: 'developer' }]);
  });

  it('keeps the link of a pending invitation working, and no other', async () => {
    const erin = await t.post('/api/auth/register', { body: { email: 'erin@example.com', password: 'erin password 1', name: 'Erin' } });
    expect(erin.status).toBe(201);
    for (const dead of source.data.deadTokens) expect((await t.post(`/api/invitations/${dead}/accept`, { token: erin.body.token })).status).toBe(404);
    const accepted = await t.post(`/api/invitations/${source.data.pendingToken}/accept`, { token: erin.body.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ name: 'Acme', role: 'developer' });
  });

  it('serves an imported AI key through the gateway, with its limits', async () => {
    const alice = (await login('alice@example.com', source.data.passwords.alice)).body.token as string;
    const ws = (await t.get('/api/workspaces', { token: alice })).body.data[0].id as string;
    const keys = (await t.get('/api/ai-keys', { token: alice, query: { workspace_id: ws } })).body.data as Record<string, unknown>[];
    expect(keys.find((k) => k.provider === 'openai')).toMatchObject({ key_name: 'OpenAI prod', key_preview: source.data.openaiKey.slice(-4), is_default: true, is_active: true, usage_limit: 5000 });
    const token = await t.apiToken(alice, ws, ['ai:use']);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const client = new OpenAI({ baseURL: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/v1`, apiKey: token, maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.choices[0].message.content).toBe('Hello from the imported key');
    expect(openai.requests.at(-1)?.headers.authorization).toBe(`Bearer ${source.data.openaiKey}`);
  });

  it('delivers to an imported webhook, signed with its original secret', async () => {
    const alice = (await login('alice@example.com', source.data.passwords.alice)).body.token as string;
    const ws = (await t.get('/api/workspaces', { token: alice })).body.data[0].id as string;
    const hooks = (await t.get('/api/webhooks', { token: alice, query: { workspace_id: ws } })).body.data as Record<string, unknown>[];
    expect(hooks.find((h) => h.description === 'Team hook')).toMatchObject({ event_types: ['member.added', 'custom.api.discovered'], is_active: true });
    expect(hooks.find((h) => h.description === 'Nothing')).toMatchObject({ is_active: false });
    await publish(t, alice, ws, 'custom.api.discovered', { api: '/orders' });
    const received = await waitFor(() => receiver.requests.find((r) => r.body.includes('/orders')), 'the delivery');
    expect(received.path).toBe('/legacy-hook');
    expect(received.headers['x-team']).toBe('acme');
    const secret = `whsec_${Buffer.from(source.data.webhookSecret).toString('base64')}`;
    expect(new Webhook(secret).verify(received.body, received.headers as Record<string, string>)).toMatchObject({ type: 'custom.api.discovered' });
  });

  it('adds usage rows into daily aggregates and keeps the history', async () => {
    const daily = await t.db.selectFrom('ai_usage_daily').selectAll().where('day', '<', '2026-12-01').orderBy('day').orderBy('model').execute();
    expect(daily.map((d) => [d.day, d.model, d.requests, d.errors, d.input_tokens, d.output_tokens, d.cost_micros, d.latency_ms_total])).toEqual([
      ['2026-11-03', 'gpt-4o-mini', 15, 1, 1500, 300, 375_000, 4000],
      ['2026-11-04', 'gpt-4o', 2, 0, 300, 50, 500_000, 1800],
    ]);
    const history = await t.db.selectFrom('activity').select(['action', 'actor_type', 'resource_type', 'ip']).where('action', 'in', ['ai_key.created', 'webhook.created', 'project.created']).where('request_id', 'is', null).orderBy('id').execute();
    expect(history).toEqual([
      { action: 'webhook.created', actor_type: 'user', resource_type: 'webhook', ip: null },
      { action: 'ai_key.created', actor_type: 'user', resource_type: 'ai_key', ip: '203.0.113.7' },
      { action: 'project.created', actor_type: 'system', resource_type: 'project', ip: null },
    ]);
  });

  it('imports nothing twice and leaves the original alone', async () => {
    const again = await run();
    for (const [table, expected] of Object.entries(EXPECTED)) expect(again.tables[table], table).toMatchObject({ imported: 0, already_imported: expected.imported });
    expect(await t.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toMatchObject({ n: expect.anything() });
    expect(await source.count('users')).toBe(4);
    expect(await source.count('ai_keys')).toBe(5);
  });

  it('stores no secret of the original in clear, activity details included', async () => {
    const updated = await t.db.selectFrom('activity').select('details').where('action', '=', 'webhook.updated').executeTakeFirstOrThrow();
    expect(JSON.parse(updated.details)).toEqual({ updates: { secret: '[redacted]', headers: '[redacted]', url: 'https://hooks.example.com' } });
    const tables = ['users', 'workspaces', 'workspace_members', 'invitations', 'activity', 'webhook_endpoints', 'webhook_secrets', 'ai_keys', 'ai_usage_daily', 'legacy_import_map'] as const;
    for (const table of tables) {
      const dump = JSON.stringify(await t.db.selectFrom(table).selectAll().execute());
      for (const secret of source.data.secrets) expect(dump, table).not.toContain(secret);
    }
  });

  it('never puts a secret, hash or token in the report', () => {
    const text = JSON.stringify(report);
    for (const secret of source.data.secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\$2b\$|gAAAAA|whsec_[A-Za-z0-9+/]{8}/);
  });
});
