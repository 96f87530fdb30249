import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNulByte, INPUT_LIMITS, scanJson } from '../src/core/http/boundary.js';
import { registerAuthentication } from '../src/modules/auth/auth.plugin.js';
import { SCOPES } from '../src/modules/policy/policy.js';
import { databaseFingerprint } from '../src/test/fingerprint.js';
import { createTestApp, engines, type Member, type TestApp } from '../src/test/harness.js';
import { fillPath, nested, operations, sample, type Operation } from '../src/test/openapi-walk.js';

const READ_SCOPES = SCOPES.filter((s) => s.endsWith(':read'));
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The HTTP boundary as a hostile client meets it: closed schemas (no mass
 * assignment), a write scope on every state-changing route, NUL bytes and
 * deep JSON refused, no type coercion of bodies. Every refusal leaves the
 * database as it was.
 */
describe.each(engines)('request boundary (%s)', (engine) => {
  let t: TestApp;
  let owner: Member;
  let workspaceId: string;
  let otherOwner: Member;
  let otherWorkspaceId: string;
  let fullToken: string;
  let readOnlyToken: string;
  let webhookId: string;
  let ops: Operation[];

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.0/8' } });
    owner = await t.signup('owner');
    workspaceId = (await t.createWorkspace(owner.token, 'Mine')).id;
    otherOwner = await t.signup('other');
    otherWorkspaceId = (await t.createWorkspace(otherOwner.token, 'Theirs')).id;
    fullToken = await t.apiToken(owner.token, workspaceId, [...SCOPES]);
    readOnlyToken = await t.apiToken(owner.token, workspaceId, READ_SCOPES);
    const hook = await t.post('/api/webhooks', { token: owner.token, body: { workspace_id: workspaceId, url: 'http://127.0.0.1:9/hook' } });
    expect(hook.status).toBe(201);
    webhookId = hook.body.id;
    ops = await operations(t);
  });
  afterAll(() => t.close());

  const credentialFor = (op: Operation) => (op.path.startsWith('/v1/') ? fullToken : owner.token);
  const queryOf = (op: Operation) => Object.fromEntries(op.query.filter((q) => q.required).map((q) => [q.name, String(sample(q.schema))]));

  it('refuses one unknown field on every route with a body, naming it, and changes nothing', async () => {
    const withBody = ops.filter((op) => op.body);
    expect(withBody.length).toBeGreaterThan(15);
    const before = await databaseFingerprint(t);
    for (const op of withBody) {
      const body = { ...(sample(op.body) as object), zz_unexpected: 'x' };
      const res = await t.request(op.method, fillPath(op.path), { token: credentialFor(op), body, query: queryOf(op) });
      const what = `${op.method} ${op.path} → ${res.status} ${JSON.stringify(res.body)}`;
      expect(res.status, what).toBe(400);
      // Anthropic's error shape has no param: its message names the field.
      if (op.path.startsWith('/v1/messages')) expect(res.body, what).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: 'zz_unexpected: Extra inputs are not permitted' } });
      else if (op.path.startsWith('/v1/')) expect(res.body.error.param, what).toBe('zz_unexpected');
      else expect(res.body.error, what).toMatchObject({ code: 'validation_failed', details: [{ field: 'zz_unexpected', location: 'body' }] });
    }
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('refuses an unknown query parameter on every route', async () => {
    const before = await databaseFingerprint(t);
    for (const op of ops) {
      const res = await t.request(op.method, fillPath(op.path), {
        token: credentialFor(op),
        query: { ...queryOf(op), zz_unexpected: '1' },
        ...(op.body ? { body: sample(op.body) } : {}),
      });
      const what = `${op.method} ${op.path} → ${res.status} ${JSON.stringify(res.body)}`;
      expect(res.status, what).toBe(400);
    }
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('never lets a grant land in another workspace or under a chosen id', async () => {
    const member = await t.addMember(owner.token, workspaceId, 'developer');
    const before = await databaseFingerprint(t);
    const res = await t.post(`/api/workspaces/${workspaceId}/permissions`, {
      token: owner.token,
      body: { resource_type: 'webhook', resource_id: webhookId, user_id: member.user.id, permission: 'read', workspace_id: otherWorkspaceId, id: 'grt_chosen' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toMatch(/^(workspace_id|id)$/);
    expect(await databaseFingerprint(t)).toBe(before);
    const theirs = await t.get(`/api/workspaces/${otherWorkspaceId}/permissions`, { token: otherOwner.token });
    expect(theirs.body.data).toEqual([]);
  });

  it('never lets PATCH of a workspace overwrite columns it does not offer', async () => {
    const before = (await t.get(`/api/workspaces/${workspaceId}`, { token: owner.token })).body;
    for (const extra of [{ created_at: 0 }, { created_by: otherOwner.user.id }, { role: 'owner' }, { id: 'ws_chosen' }]) {
      const res = await t.patch(`/api/workspaces/${workspaceId}`, { token: owner.token, body: { description: 'changed', ...extra } });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.error.details[0].field).toBe(Object.keys(extra)[0]);
    }
    expect((await t.get(`/api/workspaces/${workspaceId}`, { token: owner.token })).body).toEqual(before);
  });

  it('does not coerce body types: a string is not a number or a boolean', async () => {
    expect((await t.post('/api/workspaces', { token: owner.token, body: { name: 12345 } })).status).toBe(400);
    const res = await t.patch(`/api/webhooks/${webhookId}`, { token: owner.token, body: { is_active: 'false' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('is_active');
    // Query strings are text on the wire: they still become numbers.
    expect((await t.get(`/api/workspaces/${workspaceId}/activity`, { token: owner.token, query: { limit: '5' } })).status).toBe(200);
  });

  it('answers 403 to a read-only API token on every state-changing route of the route table', async () => {
    const writes = t.routes.filter((r) => r.methods.some((m) => !SAFE.has(m)) && /^\/(api|v1)\//.test(r.url) && !r.config?.public);
    expect(writes.length).toBeGreaterThan(30);
    const ids: Record<string, string> = { id: workspaceId, userId: owner.user.id };
    const before = await databaseFingerprint(t);
    for (const route of writes) {
      const method = route.methods.find((m) => !SAFE.has(m))!;
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? 'x_absent').replace(/^\/api\/webhooks\/x_absent/, `/api/webhooks/${webhookId}`);
      const body = url.startsWith('/v1/') ? { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] } : {};
      const res = await t.request(method, url, { token: readOnlyToken, body });
      expect(res.status, `${method} ${route.url} → ${res.status} ${JSON.stringify(res.body)}`).toBe(403);
    }
    expect(await databaseFingerprint(t)).toBe(before);
    // The defect that was found: leaving removed the token's creator from the workspace.
    const members = await t.get(`/api/workspaces/${workspaceId}/members`, { token: owner.token });
    expect(members.body.data.map((m: { user_id: string }) => m.user_id)).toContain(owner.user.id);
  });

  it('refuses U+0000 in a path, a query, a body string and a body key with a 400, on every engine', async () => {
    const before = await databaseFingerprint(t);
    const cases = [
      await t.get(`/api/webhooks/wh_${encodeURIComponent('\u0000')}x`, { token: owner.token }),
      await t.get(`/api/workspaces/${workspaceId}/activity`, { token: owner.token, query: { action: 'member.\u0000' } }),
      await t.post('/api/workspaces', { token: owner.token, body: { name: 'evil\u0000name' } }),
      await t.post('/api/events', { token: owner.token, body: { workspace_id: workspaceId, event_type: 'custom.x', payload: { ['k\u0000']: 1 } } }),
      await t.post('/api/events', { token: owner.token, body: { workspace_id: workspaceId, event_type: 'custom.x', payload: { list: ['ok', { deep: 'n\u0000' }] } } }),
    ];
    for (const res of cases) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toContain('U+0000');
    }
    expect(cases[4].body.error.details[0].field).toBe('payload.list.1.deep');
    // A literal backslash-u sequence is just text, not a NUL.
    const text = await t.post('/api/workspaces', { token: owner.token, body: { name: 'back\\u0000slash' } });
    expect(text.status).toBe(201);
    await t.delete(`/api/workspaces/${text.body.id}`, { token: owner.token });
    // As the wire spells it: an escaped backslash before `u0000` is text, an escaped backslash and then `\u0000` a NUL.
    const json = { 'content-type': 'application/json' };
    const escaped = await t.post('/api/workspaces', { token: owner.token, headers: json, body: String.raw`{"name":"two\\u0000"}` });
    expect(escaped.status, JSON.stringify(escaped.body)).toBe(201);
    expect(escaped.body.name).toBe('two\\u0000');
    await t.delete(`/api/workspaces/${escaped.body.id}`, { token: owner.token });
    const event = (payload: string) => `{"workspace_id":"${workspaceId}","event_type":"custom.x","payload":${payload}}`;
    const wire = [
      [String.raw`{"note":"three\\\u0000"}`, 'payload.note'],
      [String.raw`{"k\u0000ey":1}`, 'payload.k\u0000ey'],
      [String.raw`{"list":[[1,[2,{"x":["ok","a\u0000"]}]]]}`, 'payload.list.0.1.1.x.1'],
    ] as const;
    for (const [payload, field] of wire) {
      const res = await t.post('/api/events', { token: owner.token, headers: json, body: event(payload) });
      expect(res.status, payload).toBe(400);
      expect(res.body.error, payload).toMatchObject({ code: 'validation_failed', details: [{ field, location: 'body' }] });
    }
    // A raw NUL is not JSON at all.
    expect((await t.post('/api/events', { token: owner.token, headers: json, body: event('{"raw":"a\u0000"}') })).status).toBe(400);
    // The gateway refuses it too, in OpenAI's error shape.
    const gw = await t.post('/v1/chat/completions', { token: fullToken, body: { model: 'openai/gpt-4o-mini\u0000x', messages: [{ role: 'user', content: 'hi' }] } });
    expect(gw.status).toBe(400);
    expect(gw.body.error).toMatchObject({ type: 'invalid_request_error', param: 'model' });
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it(`refuses JSON nested deeper than ${INPUT_LIMITS.maxJsonDepth} levels, and replays an accepted deep event`, async () => {
    const before = await databaseFingerprint(t);
    // Written as text: serialising such a value is what overflowed the stack.
    const deepText = (depth: number) => `${'{"a":'.repeat(depth - 1)}{"leaf":true}${'}'.repeat(depth - 1)}`;
    const json = { 'content-type': 'application/json' };
    for (const depth of [5000, 3000, INPUT_LIMITS.maxJsonDepth]) {
      // The body object is one level more: `depth` levels inside it always exceed the limit.
      const publish = await t.post('/api/events', { token: owner.token, headers: json, body: `{"workspace_id":"${workspaceId}","event_type":"custom.deep","payload":${deepText(depth)}}` });
      expect(publish.status, `publish at ${depth}`).toBe(400);
      expect(publish.body.error.code).toBe('validation_failed');
      const test = await t.post(`/api/webhooks/${webhookId}/test`, { token: owner.token, headers: json, body: `{"data":${deepText(depth)}}` });
      expect(test.status, `test at ${depth}`).toBe(400);
      const gateway = await t.post('/v1/chat/completions', { token: fullToken, headers: json, body: `{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"metadata":${deepText(depth)}}` });
      expect(gateway.status, `gateway at ${depth}`).toBe(400);
      expect(gateway.body.error.type).toBe('invalid_request_error');
    }
    expect(await databaseFingerprint(t)).toBe(before);

    const deepest = nested(INPUT_LIMITS.maxJsonDepth - 2);
    const headers = { 'idempotency-key': 'deep-1' };
    const first = await t.post('/api/events', { token: owner.token, headers, body: { workspace_id: workspaceId, event_type: 'custom.deep', payload: deepest } });
    expect(first.status).toBe(202);
    const replay = await t.post('/api/events', { token: owner.token, headers, body: { workspace_id: workspaceId, event_type: 'custom.deep', payload: deepest } });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ id: first.body.id, replayed: true });
  });
});

describe('request boundary helpers', () => {
  it('measures JSON depth outside strings only', () => {
    const depth = (text: string) => scanJson(text).depth;
    expect(depth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(depth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(depth('{"a":"\\"[[[["}')).toBe(1);
    // The quote after an escaped backslash closes the string.
    expect(depth(String.raw`{"a":"x\\","b":[[1]]}`)).toBe(3);
    expect(depth(String.raw`{"a":"x\\\"]]","b":[[1]]}`)).toBe(3);
    expect(depth('[]')).toBe(1);
    expect(depth('"text"')).toBe(0);
    expect(depth('"unterminated [[[')).toBe(0);
    expect(depth('['.repeat(100_000))).toBe(INPUT_LIMITS.maxJsonDepth + 1);
  });

  it('finds U+0000 in JSON text by counting the backslashes before an escape', () => {
    const nul = (text: string) => scanJson(text).nul;
    expect(nul(String.raw`{"a":"\u0000"}`)).toBe(true);
    expect(nul(String.raw`{"a":"\\u0000"}`)).toBe(false);
    expect(nul(String.raw`{"a":"\\\u0000"}`)).toBe(true);
    expect(nul(String.raw`{"a":"\\\\u0000"}`)).toBe(false);
    expect(nul(String.raw`{"a":"\\u0000 and later \u0000"}`)).toBe(true);
    expect(nul(String.raw`{"k\u0000":1}`)).toBe(true);
    expect(nul(String.raw`[[[[["x\u0000"]]]]]`)).toBe(true);
    expect(nul('{"raw":"a\u0000"}')).toBe(true);
    expect(nul(String.raw`{"a":"\u00000","b":"u0000"}`)).toBe(true);
    expect(nul(String.raw`{"a":"\u0001","b":"u0000","c":"\\\\"}`)).toBe(false);
  });

  it('agrees with a walk of the parsed value on random texts of escapes, quotes and brackets', () => {
    // A small PRNG with a fixed seed: the same cases every run.
    let seed = 12345;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n; // the high bits: a power-of-two LCG's low bits repeat with a short period
    };
    const pieces = ['a', '\\', '"', '\u0000', 'u', '0', '0000', '[', '{', '}', ']', '\\u0000'];
    const string = () => Array.from({ length: random(8) }, () => pieces[random(pieces.length)]).join('');
    const value = (level: number): unknown => {
      const kind = random(level > 6 ? 2 : 4);
      if (kind === 0) return string();
      if (kind === 1) return random(100);
      if (kind === 2) return Array.from({ length: random(4) }, () => value(level + 1));
      return Object.fromEntries(Array.from({ length: random(4) }, () => [string(), value(level + 1)]));
    };
    const depthOf = (v: unknown): number =>
      typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
    let withNul = 0;
    for (let i = 0; i < 2000; i++) {
      const v = value(0);
      const text = JSON.stringify(v);
      const expected = { depth: depthOf(v), nul: findNulByte(v) !== undefined };
      expect(scanJson(text), text).toEqual(expected);
      if (expected.nul) withNul++;
    }
    // Both answers came up often.
    expect(withNul).toBeGreaterThan(200);
    expect(withNul).toBeLessThan(1800);
  });

  it('refuses to start with a state-changing /api route that declares no write scope', async () => {
    const app = Fastify();
    registerAuthentication(app, {} as never);
    expect(() => app.post('/api/things', async () => ({}))).toThrow(/declare config.scope/);
    expect(() => app.post('/api/things', { config: { scope: 'webhooks:read' } }, async () => ({}))).toThrow(/declare config.scope/);
    expect(() => app.post('/api/things', { config: { scope: 'webhooks:write' } }, async () => ({}))).not.toThrow();
    await app.close();
  });
});
