import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_URLS } from '../../../core/__tests__/hostile-urls.js';
import { generateMasterKey, Keyring } from '../../../core/keyring.js';
import { reencryptSecrets } from '../../../core/secrets.js';
import { engines, type Member, type Response, type TestApp } from '../../../test/harness.js';
import type { Role } from '../../policy/policy.js';
import { headersAad, secretAad } from '../message-format.js';
import { endpointFor, publish, Receiver, waitFor, webhookApp } from './helpers.js';

type Json = Record<string, any>;
const ROLES: Role[] = ['owner', 'admin', 'developer', 'viewer'];

/** The fields a 400 names, whichever of the two detail shapes it uses. */
const fieldsOf = (res: Response) => {
  const d = res.body?.error?.details;
  return Array.isArray(d) ? d.map((x: Json) => x.field) : d?.field ? [d.field] : [];
};

interface Fixture {
  ws: string;
  webhookId: string;
  deliveryId: string;
  eventId: string;
  /** A fresh endpoint, for calls that consume one (delete, disable). */
  fresh(): Promise<string>;
}

interface RouteCase {
  name: string;
  /** Roles allowed by the policy; the others get 403. */
  allowed: Role[];
  call: (t: TestApp, token: string | undefined, f: Fixture) => Promise<Response>;
}

const since = '2000-01-01T00:00:00.000Z';
const ADMINS: Role[] = ['owner', 'admin'];
const DEVELOPERS: Role[] = ['owner', 'admin', 'developer'];

const ROUTES: RouteCase[] = [
  { name: 'GET /api/webhooks', allowed: DEVELOPERS, call: (t, token, f) => t.get('/api/webhooks', { token, query: { workspace_id: f.ws } }) },
  { name: 'POST /api/webhooks', allowed: ADMINS, call: (t, token, f) => t.post('/api/webhooks', { token, body: { workspace_id: f.ws, url: 'https://8.8.8.8/hook', event_types: ['custom.*'] } }) },
  { name: 'GET /api/webhooks/{id}', allowed: DEVELOPERS, call: (t, token, f) => t.get(`/api/webhooks/${f.webhookId}`, { token }) },
  { name: 'PATCH /api/webhooks/{id}', allowed: ADMINS, call: (t, token, f) => t.patch(`/api/webhooks/${f.webhookId}`, { token, body: { description: `by ${token?.slice(0, 6)}` } }) },
  { name: 'DELETE /api/webhooks/{id}', allowed: ADMINS, call: async (t, token, f) => t.delete(`/api/webhooks/${await f.fresh()}`, { token }) },
  { name: 'POST /api/webhooks/{id}/disable', allowed: ADMINS, call: async (t, token, f) => t.post(`/api/webhooks/${await f.fresh()}/disable`, { token }) },
  { name: 'POST /api/webhooks/{id}/enable', allowed: ADMINS, call: (t, token, f) => t.post(`/api/webhooks/${f.webhookId}/enable`, { token }) },
  { name: 'POST /api/webhooks/{id}/test', allowed: DEVELOPERS, call: (t, token, f) => t.post(`/api/webhooks/${f.webhookId}/test`, { token }) },
  { name: 'GET /api/webhooks/{id}/logs', allowed: DEVELOPERS, call: (t, token, f) => t.get(`/api/webhooks/${f.webhookId}/logs`, { token }) },
  { name: 'GET /api/webhooks/{id}/deliveries', allowed: DEVELOPERS, call: (t, token, f) => t.get(`/api/webhooks/${f.webhookId}/deliveries`, { token }) },
  { name: 'GET /api/webhooks/{id}/deliveries/{id}', allowed: DEVELOPERS, call: (t, token, f) => t.get(`/api/webhooks/${f.webhookId}/deliveries/${f.deliveryId}`, { token }) },
  { name: 'POST …/deliveries/{id}/retry', allowed: ADMINS, call: (t, token, f) => t.post(`/api/webhooks/${f.webhookId}/deliveries/${f.deliveryId}/retry`, { token }) },
  { name: 'POST /api/webhooks/{id}/recover', allowed: ADMINS, call: (t, token, f) => t.post(`/api/webhooks/${f.webhookId}/recover`, { token, body: { since } }) },
  { name: 'POST /api/webhooks/{id}/rotate-secret', allowed: ADMINS, call: (t, token, f) => t.post(`/api/webhooks/${f.webhookId}/rotate-secret`, { token, body: { grace_period_seconds: 60 } }) },
  { name: 'POST /api/events', allowed: DEVELOPERS, call: (t, token, f) => t.post('/api/events', { token, body: { workspace_id: f.ws, event_type: 'custom.x', payload: {} } }) },
  { name: 'POST /api/events/batch', allowed: DEVELOPERS, call: (t, token, f) => t.post('/api/events/batch', { token, body: { workspace_id: f.ws, events: [{ event_type: 'custom.x', payload: {} }] } }) },
  { name: 'GET /api/events/{id}/deliveries', allowed: DEVELOPERS, call: (t, token, f) => t.get(`/api/events/${f.eventId}/deliveries`, { token }) },
];

describe.each(engines)('webhook API access (%s)', (engine) => {
  let t: TestApp;
  let receiver: Receiver;
  let team: { workspaceId: string } & Record<Role, Member>;
  let outsider: Member;
  let fixture: Fixture;

  beforeAll(async () => {
    t = await webhookApp(engine);
    receiver = await Receiver.start();
    team = await t.workspaceWithRoles();
    outsider = await t.signup('outsider');
    await t.createWorkspace(outsider.token, 'Elsewhere');
    const ws = team.workspaceId;
    const fresh = async () => (await endpointFor(t, team.owner.token, ws, receiver)).id;
    const webhookId = await fresh();
    const event = await publish(t, team.owner.token, ws);
    const [delivery] = await waitFor(async () => {
      const d = (await t.get(`/api/webhooks/${webhookId}/deliveries`, { token: team.owner.token })).body.data;
      return d[0]?.status === 'succeeded' ? d : null;
    }, 'the fixture delivery');
    fixture = { ws, webhookId, deliveryId: delivery.id, eventId: event.id, fresh };
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  for (const route of ROUTES) {
    it(`${route.name}: ${route.allowed.join('/')} allowed, other roles 403, other workspaces 404, anonymous 401`, async () => {
      for (const role of ROLES) {
        const res = await route.call(t, team[role].token, fixture);
        if (route.allowed.includes(role)) {
          // 409 is a state answer (e.g. retrying a delivery another role just re-queued), not an access one.
          expect([200, 201, 202, 204, 409], `${role}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
        } else {
          expect(res.status, `${role}: ${JSON.stringify(res.body)}`).toBe(403);
          expect(res.body.error.code).toBe('forbidden');
        }
      }
      const foreign = await route.call(t, outsider.token, fixture);
      expect(foreign.status, JSON.stringify(foreign.body)).toBe(404);
      expect(foreign.body.error.code).toBe('not_found');
      const anonymous = await route.call(t, undefined, fixture);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('unauthenticated');
    });
  }

  it('GET /api/webhooks/event-types: any signed-in user, with a description and an example each', async () => {
    const res = await t.get('/api/webhooks/event-types', { token: outsider.token });
    expect(res.status).toBe(200);
    const types = res.body.data.map((e: Json) => e.type);
    for (const expected of ['workspace.created', 'member.added', 'invitation.accepted', 'permission.granted', 'api_token.created', 'webhook.disabled', 'ai_key.created', 'ai_usage.threshold', 'webhook.test', 'custom.*']) {
      expect(types).toContain(expected);
    }
    for (const e of res.body.data) {
      expect(e.description.length).toBeGreaterThan(5);
      expect(typeof e.example).toBe('object');
    }
    expect((await t.get('/api/webhooks/events/list', { token: outsider.token })).body).toEqual(res.body);
    expect((await t.get('/api/webhooks/event-types')).status).toBe(401);
  });

  it('resource grants let a viewer read, write or delete one webhook, and only that one', async () => {
    const ws = team.workspaceId;
    const viewer = await t.addMember(team.owner.token, ws, 'viewer', 'granted');
    const mine = await fixture.fresh();
    const other = await fixture.fresh();
    const grant = (permission: string) =>
      t.post(`/api/workspaces/${ws}/permissions`, { token: team.owner.token, body: { resource_type: 'webhook', resource_id: mine, user_id: viewer.user.id, permission } });

    expect((await t.get(`/api/webhooks/${mine}`, { token: viewer.token })).status).toBe(403);
    expect((await t.get('/api/webhooks', { token: viewer.token, query: { workspace_id: ws } })).status).toBe(403);
    expect((await grant('read')).status).toBe(201);
    expect((await t.get(`/api/webhooks/${mine}`, { token: viewer.token })).status).toBe(200);
    expect((await t.get(`/api/webhooks/${mine}/logs`, { token: viewer.token })).status).toBe(200);
    expect((await t.get(`/api/webhooks/${other}`, { token: viewer.token })).status).toBe(403);
    const listed = await t.get('/api/webhooks', { token: viewer.token, query: { workspace_id: ws } });
    expect(listed.body.data.map((w: Json) => w.id)).toEqual([mine]);
    expect((await t.patch(`/api/webhooks/${mine}`, { token: viewer.token, body: { description: 'x' } })).status).toBe(403);

    expect((await grant('write')).status).toBe(200);
    expect((await t.patch(`/api/webhooks/${mine}`, { token: viewer.token, body: { description: 'granted write' } })).body.description).toBe('granted write');
    expect((await t.post(`/api/webhooks/${mine}/rotate-secret`, { token: viewer.token })).status).toBe(200);
    expect((await t.delete(`/api/webhooks/${mine}`, { token: viewer.token })).status).toBe(403);
    expect((await t.patch(`/api/webhooks/${other}`, { token: viewer.token, body: { description: 'x' } })).status).toBe(403);

    expect((await grant('admin')).status).toBe(200);
    expect((await t.delete(`/api/webhooks/${mine}`, { token: viewer.token })).status).toBe(204);
    expect((await t.get(`/api/webhooks/${mine}`, { token: team.owner.token })).status).toBe(404);
  });

  it('API tokens need the webhooks scopes and only reach their own workspace', async () => {
    const readOnly = await t.apiToken(team.admin.token, team.workspaceId, ['webhooks:read']);
    expect((await t.get(`/api/webhooks/${fixture.webhookId}`, { token: readOnly })).status).toBe(200);
    expect((await t.patch(`/api/webhooks/${fixture.webhookId}`, { token: readOnly, body: { description: 'x' } })).status).toBe(403);
    expect((await t.post('/api/events', { token: readOnly, body: { workspace_id: team.workspaceId, event_type: 'custom.x', payload: {} } })).status).toBe(403);
    const publisher = await t.apiToken(team.developer.token, team.workspaceId, ['events:write']);
    expect((await t.post('/api/events', { token: publisher, body: { workspace_id: team.workspaceId, event_type: 'custom.x', payload: {} } })).status).toBe(202);
    const foreignWs = (await t.createWorkspace(team.admin.token, 'Second')).id;
    const elsewhere = await t.apiToken(team.admin.token, foreignWs, ['webhooks:read', 'webhooks:write']);
    expect((await t.get(`/api/webhooks/${fixture.webhookId}`, { token: elsewhere })).status).toBe(404);
  });

  it('lists with filters and cursor pagination', async () => {
    const owner = await t.signup('pager');
    const ws = (await t.createWorkspace(owner.token, 'Pager')).id;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await endpointFor(t, owner.token, ws, receiver, { is_active: i % 2 === 0 })).id);
    const first = await t.get('/api/webhooks', { token: owner.token, query: { workspace_id: ws, limit: 2 } });
    expect(first.body.data.map((w: Json) => w.id)).toEqual([ids[4], ids[3]]);
    const second = await t.get('/api/webhooks', { token: owner.token, query: { workspace_id: ws, limit: 2, cursor: first.body.next_cursor } });
    expect(second.body.data.map((w: Json) => w.id)).toEqual([ids[2], ids[1]]);
    const third = await t.get('/api/webhooks', { token: owner.token, query: { workspace_id: ws, limit: 2, cursor: second.body.next_cursor } });
    expect(third.body).toEqual({ data: [expect.objectContaining({ id: ids[0] })], next_cursor: null });
    const inactive = await t.get('/api/webhooks', { token: owner.token, query: { workspace_id: ws, is_active: 'false' } });
    expect(inactive.body.data.map((w: Json) => w.id)).toEqual([ids[3], ids[1]]);
    expect(inactive.body.data[0]).toMatchObject({ is_active: false, disabled_reason: 'manual' });
  });
});

describe.each(engines)('webhook API input and secrets (%s)', (engine) => {
  let t: TestApp;
  let owner: Member;
  let ws: string;
  let webhookId: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logLines.push(chunk.toString('utf8')));
    // No allow-list here: the default refuses every private destination.
    t = await webhookApp(engine, { logStream, env: { ATRIUM_OUTBOUND_ALLOWED_CIDRS: '', ATRIUM_WEBHOOK_MAX_PAYLOAD_BYTES: '2048', LOG_LEVEL: 'debug' } });
    owner = await t.signup('owner');
    ws = (await t.createWorkspace(owner.token)).id;
    const created = await t.post('/api/webhooks', { token: owner.token, body: { workspace_id: ws, url: 'https://8.8.8.8/hook', event_types: ['custom.*'] } });
    webhookId = created.body.id;
  });
  afterAll(() => t.close());

  it.each(HOSTILE_URLS)('refuses to register %s (%s)', async (url) => {
    const res = await t.post('/api/webhooks', { token: owner.token, body: { workspace_id: ws, url } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['url']);
    expect(res.body.error.code).toBe(url === '' ? 'validation_failed' : 'destination_not_allowed');
    const patched = await t.patch(`/api/webhooks/${webhookId}`, { token: owner.token, body: { url } });
    expect(patched.status).toBe(400);
    expect(fieldsOf(patched)).toEqual(['url']);
  });

  it('never registered a hostile URL', async () => {
    const rows = await t.db.selectFrom('webhook_endpoints').select('url').where('workspace_id', '=', ws).execute();
    expect(rows.map((r) => r.url)).toEqual(['https://8.8.8.8/hook']);
  });

  const BAD: [string, string, string, unknown, number, string][] = [
    ['missing url', 'POST', '/api/webhooks', { event_types: [] }, 400, 'url'],
    ['unknown event type', 'POST', '/api/webhooks', { url: 'https://8.8.8.8/', event_types: ['no.such'] }, 400, 'event_types'],
    ['event_types not a list', 'POST', '/api/webhooks', { url: 'https://8.8.8.8/', event_types: { 'member.added': true } }, 400, 'event_types'],
    ['reserved header', 'POST', '/api/webhooks', { url: 'https://8.8.8.8/', headers: { 'Webhook-Signature': 'x' } }, 400, 'headers.Webhook-Signature'],
    ['header name with a space', 'POST', '/api/webhooks', { url: 'https://8.8.8.8/', headers: { 'bad name': 'x' } }, 400, 'headers.bad name'],
    ['header value with a newline', 'POST', '/api/webhooks', { url: 'https://8.8.8.8/', headers: { 'x-a': 'a\r\nx-injected: 1' } }, 400, 'headers.x-a'],
    ['description too long', 'POST', '/api/webhooks', { url: 'https://8.8.8.8/', description: 'x'.repeat(501) }, 400, 'description'],
    ['is_active not a boolean', 'POST', '/api/webhooks', { url: 'https://8.8.8.8/', is_active: 'maybe' }, 400, 'is_active'],
    ['empty patch', 'PATCH', '/api/webhooks/:id', {}, 400, 'body'],
    ['recover without since', 'POST', '/api/webhooks/:id/recover', {}, 400, 'since'],
    ['recover with a bad time', 'POST', '/api/webhooks/:id/recover', { since: 'yesterday' }, 400, 'since'],
    ['recover with until before since', 'POST', '/api/webhooks/:id/recover', { since: '2025-01-02T00:00:00Z', until: '2025-01-01T00:00:00Z' }, 400, 'until'],
    ['negative grace period', 'POST', '/api/webhooks/:id/rotate-secret', { grace_period_seconds: -1 }, 400, 'grace_period_seconds'],
    ['test data not an object', 'POST', '/api/webhooks/:id/test', { data: 'x' }, 400, 'data'],
    ['publish a built-in event type', 'POST', '/api/events', { event_type: 'member.added', payload: {} }, 400, 'event_type'],
    ['publish a malformed custom type', 'POST', '/api/events', { event_type: 'custom.Bad Name', payload: {} }, 400, 'event_type'],
    ['publish without payload', 'POST', '/api/events', { event_type: 'custom.x' }, 400, 'payload'],
    ['publish a payload that is not an object', 'POST', '/api/events', { event_type: 'custom.x', payload: [1, 2] }, 400, 'payload'],
    ['publish a payload over the size limit', 'POST', '/api/events', { event_type: 'custom.x', payload: { blob: 'x'.repeat(3000) } }, 413, 'payload'],
  ];

  it.each(BAD)('rejects %s with %s and the field named', async (_name, method, path, body, status, field) => {
    const url = path.replace(':id', webhookId);
    const withWs = method === 'POST' && (path === '/api/webhooks' || path === '/api/events') ? { workspace_id: ws, ...(body as Json) } : body;
    const res = await t.request(method, url, { token: owner.token, body: withWs });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(fieldsOf(res)).toContain(field);
    expect(res.body.error.message.length).toBeGreaterThan(0);
  });

  it('rejects bad query parameters and a malformed Idempotency-Key', async () => {
    for (const query of [{ status: 'nope' }, { limit: '0' }, { limit: '1000' }, { since: 'monday' }]) {
      const res = await t.get(`/api/webhooks/${webhookId}/logs`, { token: owner.token, query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(new Set(fieldsOf(res))).toEqual(new Set([Object.keys(query)[0]]));
    }
    expect((await t.get(`/api/webhooks/${webhookId}/deliveries`, { token: owner.token, query: { status: 'lost' } })).status).toBe(400);
    expect((await t.get('/api/webhooks', { token: owner.token })).status).toBe(400);
    const key = await t.post('/api/events', { token: owner.token, headers: { 'idempotency-key': 'has spaces' }, body: { workspace_id: ws, event_type: 'custom.x', payload: {} } });
    expect(key.status).toBe(400);
    expect(fieldsOf(key)).toEqual(['idempotency-key']);
  });

  it('answers a repeated Idempotency-Key with the first result, even concurrently', async () => {
    const body = { workspace_id: ws, event_type: 'custom.order.paid', payload: { order: 1, lines: [1, 2] } };
    const first = await t.post('/api/events', { token: owner.token, headers: { 'idempotency-key': 'order-1' }, body });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ event_type: 'custom.order.paid', deliveries: 1, replayed: false, idempotency_key: 'order-1' });
    // Same key, same event (keys in another order): the first answer again.
    const again = await t.post('/api/events', { token: owner.token, headers: { 'idempotency-key': 'order-1' }, body: { ...body, payload: { lines: [1, 2], order: 1 } } });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual({ ...first.body, replayed: true });
    // Same key, different event: refused.
    const reused = await t.post('/api/events', { token: owner.token, headers: { 'idempotency-key': 'order-1' }, body: { ...body, payload: { order: 2 } } });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');

    const racing = await Promise.all(
      Array.from({ length: 6 }, () => t.post('/api/events', { token: owner.token, headers: { 'idempotency-key': 'order-2' }, body })),
    );
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    expect(racing.filter((r) => r.status === 202)).toHaveLength(1);
    const stored = await t.db.selectFrom('events').select('id').where('workspace_id', '=', ws).where('idempotency_key', 'in', ['order-1', 'order-2']).execute();
    expect(stored).toHaveLength(2);
    const queued = await t.db.selectFrom('webhook_deliveries').select('id').where('event_id', 'in', stored.map((s) => s.id)).execute();
    expect(queued).toHaveLength(2);

    // Keys are per workspace.
    const otherWs = (await t.createWorkspace(owner.token, 'Other')).id;
    const elsewhere = await t.post('/api/events', { token: owner.token, headers: { 'idempotency-key': 'order-1' }, body: { ...body, workspace_id: otherWs } });
    expect(elsewhere.status).toBe(202);
    expect(elsewhere.body.id).not.toBe(first.body.id);
  });

  it('shows the secret only on create and rotate, and stores it and credential headers only sealed', async () => {
    const credential = 'Bearer receiver-credential-7f3a9c';
    const created = await t.post('/api/webhooks', {
      token: owner.token,
      body: { workspace_id: ws, url: 'https://8.8.4.4/hook', headers: { Authorization: credential, 'X-Env': 'prod' } },
    });
    expect(created.status).toBe(201);
    const { id, secret } = created.body;
    expect(created.body.headers).toEqual({ authorization: '[redacted]', 'x-env': 'prod' });
    const rotated = (await t.post(`/api/webhooks/${id}/rotate-secret`, { token: owner.token })).body.secret as string;

    const reads = [
      await t.get(`/api/webhooks/${id}`, { token: owner.token }),
      await t.get('/api/webhooks', { token: owner.token, query: { workspace_id: ws } }),
      await t.patch(`/api/webhooks/${id}`, { token: owner.token, body: { description: 'renamed' } }),
      await t.post(`/api/webhooks/${id}/disable`, { token: owner.token }),
      await t.post(`/api/webhooks/${id}/enable`, { token: owner.token }),
      await t.get(`/api/workspaces/${ws}/activity`, { token: owner.token }),
    ];
    for (const res of reads) {
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('whsec_');
      expect(text).not.toContain(credential);
    }

    // No plain copy in any webhook table, the outbox or the activity log.
    const dump = JSON.stringify([
      await t.db.selectFrom('webhook_endpoints').selectAll().execute(),
      await t.db.selectFrom('webhook_secrets').selectAll().execute(),
      await t.db.selectFrom('webhook_attempts').selectAll().execute(),
      await t.db.selectFrom('events').selectAll().execute(),
      await t.db.selectFrom('activity').selectAll().execute(),
    ]);
    for (const s of [secret, rotated, secret.slice(6), rotated.slice(6), 'receiver-credential-7f3a9c']) expect(dump).not.toContain(s);
    const sealed = await t.db.selectFrom('webhook_secrets').select(['id', 'secret_enc']).where('endpoint_id', '=', id).execute();
    expect(sealed).toHaveLength(2);
    for (const row of sealed) expect(row.secret_enc).toMatch(/^v1\.\d+\./);

    // And none in the logs, which were on (debug) for this whole suite.
    expect(logLines.length).toBeGreaterThan(0);
    const logs = logLines.join('');
    for (const s of [secret, rotated, 'receiver-credential-7f3a9c']) expect(logs).not.toContain(s);
  });

  it('moves its sealed secret and headers to a new master key (rotate-master-key)', async () => {
    const created = await t.post('/api/webhooks', { token: owner.token, body: { workspace_id: ws, url: 'https://8.8.8.8/rekey', headers: { 'X-Api-Key': 'k-rekey-42' } } });
    const id = created.body.id as string;
    const old = t.services.keyring.primary;
    const next = new Keyring([old, generateMasterKey(old.version + 1)]);
    const result = await reencryptSecrets(t.db, next, t.services.secrets);
    expect(result.failed).toEqual([]);
    const secret = await t.db.selectFrom('webhook_secrets').select(['id', 'secret_enc']).where('endpoint_id', '=', id).executeTakeFirstOrThrow();
    const endpoint = await t.db.selectFrom('webhook_endpoints').select('headers_enc').where('id', '=', id).executeTakeFirstOrThrow();
    expect(Keyring.versionOf(secret.secret_enc)).toBe(old.version + 1);
    expect(Keyring.versionOf(endpoint.headers_enc!)).toBe(old.version + 1);
    expect(next.decrypt(secret.secret_enc, secretAad(secret.id))).toBe(created.body.secret);
    expect(JSON.parse(next.decrypt(endpoint.headers_enc!, headersAad(id)))).toEqual({ 'x-api-key': 'k-rekey-42' });
  });

  it('answers 404 for unknown ids and never 500 for odd ones', async () => {
    for (const id of ['wh_nope', "'; drop table webhook_endpoints; --", '%00', 'x'.repeat(64)]) {
      const res = await t.get(`/api/webhooks/${encodeURIComponent(id)}`, { token: owner.token });
      expect(res.status).toBe(404);
    }
    // Over-long ids are refused before any query: by the schema, or by the router past its parameter limit
    // (414, or 404 when the console's catch-all route is registered, i.e. once the web console is built).
    expect([400, 404]).toContain((await t.get(`/api/webhooks/${'x'.repeat(65)}`, { token: owner.token })).status);
    const tooLong = await t.get(`/api/webhooks/${'x'.repeat(300)}`, { token: owner.token });
    expect([404, 414]).toContain(tooLong.status);
    expect(tooLong.body).toEqual({ error: { code: tooLong.status === 414 ? 'uri_too_long' : 'route_not_found', message: expect.any(String), details: null } });
    expect((await t.get('/api/events/evt_nope/deliveries', { token: owner.token })).status).toBe(404);
  });
});
