import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, errorCodes, type ErrorCode } from '../src/core/errors.js';
import { SCOPES } from '../src/modules/policy/policy.js';
import { databaseFingerprint } from '../src/test/fingerprint.js';
import { createTestApp, engines, type Member, type RequestOptions, type TestApp } from '../src/test/harness.js';
import { fillPath, operations, sample, withField, type JsonSchema, type Operation } from '../src/test/openapi-walk.js';

/**
 * Every route of /openapi.json, with every kind of caller, fed input a
 * hostile or sloppy client sends: malformed JSON, bodies of the wrong kind,
 * each field of the wrong type, unknown fields, NUL bytes, deep nesting and
 * huge strings, in the body, the query and the path. Whatever comes in:
 * never a 500, every error in the documented shape (OpenAI's under /v1,
 * Anthropic's under /v1/messages),
 * and a refused request changes nothing in the database.
 */

interface Variant {
  name: string;
  path: string;
  options: RequestOptions;
}

const HUGE = 'x'.repeat(300_000);
const LONG_ID = 'x'.repeat(5_000);
const JSON_HEADERS = { 'content-type': 'application/json' };

/** A value of another JSON type than the schema's. */
function wrongType(schema: JsonSchema | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (type === 'string' || schema?.enum || schema?.anyOf) return 12345;
  if (type === 'object') return 'not an object';
  if (type === 'array') return { not: 'an array' };
  return 'not a number or boolean';
}

function* variantsOf(op: Operation, ids: Record<string, string>): Generator<Variant> {
  const path = fillPath(op.path, ids);
  const query = Object.fromEntries(op.query.filter((q) => q.required).map((q) => [q.name, String(sample(q.schema))]));
  const body = op.body ? sample(op.body) : undefined;
  const base: RequestOptions = { query, ...(body !== undefined ? { body } : {}) };

  for (const name of op.pathParams) {
    for (const [label, value] of [['NUL', `a\u0000b`], ['too long', LONG_ID], ['traversal', '../../etc/passwd'], ['unicode', 'ünï—💥']] as const) {
      yield { name: `path ${name}: ${label}`, path: fillPath(op.path, { ...ids, [name]: value }), options: base };
    }
  }
  yield { name: 'unknown query parameter', path, options: { ...base, query: { ...query, zz_unexpected: '1' } } };
  for (const q of op.query) {
    yield { name: `query ${q.name}: NUL`, path, options: { ...base, query: { ...query, [q.name]: 'a\u0000b' } } };
    yield { name: `query ${q.name}: long`, path, options: { ...base, query: { ...query, [q.name]: LONG_ID } } };
    if (q.schema.type !== 'string' || q.schema.enum || q.schema.anyOf || q.schema.format) {
      yield { name: `query ${q.name}: wrong type`, path, options: { ...base, query: { ...query, [q.name]: 'zz-not-valid' } } };
    }
  }
  if (!op.body) return;
  for (const [label, raw] of [['malformed JSON', '{"a":'], ['array body', '[]'], ['string body', '"text"'], ['number body', '42'], ['null body', 'null']] as const) {
    yield { name: label, path, options: { query, body: raw, headers: JSON_HEADERS } };
  }
  yield { name: 'unknown field', path, options: { ...base, body: { ...(body as object), zz_unexpected: true } } };
  yield { name: 'deep nesting', path, options: { query, body: `${'{"a":'.repeat(300)}1${'}'.repeat(300)}`, headers: JSON_HEADERS } };
  for (const [name, schema] of Object.entries((op.body.properties ?? {}) as Record<string, JsonSchema>)) {
    yield { name: `${name}: wrong type`, path, options: { ...base, body: withField(body, [name], wrongType(schema)) } };
    yield { name: `${name}: NUL`, path, options: { ...base, body: withField(body, [name], schema.type === 'object' ? { k: 'a\u0000b' } : 'a\u0000b') } };
    yield { name: `${name}: huge`, path, options: { ...base, body: withField(body, [name], schema.type === 'object' ? { k: HUGE } : schema.type === 'array' ? [HUGE] : HUGE) } };
    yield { name: `${name}: deep`, path, options: { ...base, body: withField(body, [name], nestedValue(100)) } };
  }
}

function nestedValue(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function expectErrorShape(op: Operation, res: { status: number; body: any }, what: string): void {
  if (op.path.startsWith('/v1/messages')) {
    // Anthropic's shape, which Anthropic's clients parse.
    expect(Object.keys(res.body ?? {}).sort(), what).toEqual(['error', 'request_id', 'type']);
    expect(res.body.type, what).toBe('error');
    expect(Object.keys(res.body.error).sort(), what).toEqual(['message', 'type']);
    expect(typeof res.body.error.message, what).toBe('string');
  } else if (op.path.startsWith('/v1/')) {
    expect(Object.keys(res.body?.error ?? {}).sort(), what).toEqual(['code', 'message', 'param', 'type']);
    expect(typeof res.body.error.message, what).toBe('string');
    expect(typeof res.body.error.type, what).toBe('string');
  } else {
    expect(Object.keys(res.body ?? {}), what).toEqual(['error']);
    expect(Object.keys(res.body.error).sort(), what).toEqual(['code', 'details', 'message']);
    // A code of the catalog, with the status the catalog gives it.
    expect(errorCodes, what).toContain(res.body.error.code);
    expect(res.status, what).toBe(ERROR_CODES[res.body.error.code as ErrorCode]);
    expect(typeof res.body.error.message, what).toBe('string');
  }
}

describe.each(engines)('fuzzing every route of /openapi.json (%s)', (engine) => {
  let t: TestApp;
  let owner: Member;
  const credentials: Record<string, string | undefined> = {};
  const ids: Record<string, Record<string, string>> = {};
  let ops: Operation[];

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.0/8', ATRIUM_WEBHOOK_TIMEOUT_MS: '2000' } });
    owner = await t.signup('owner');
    const workspaceId = (await t.createWorkspace(owner.token, 'Fuzzed')).id;
    const developer = await t.addMember(owner.token, workspaceId, 'developer');
    const outsider = await t.signup('outsider');
    await t.createWorkspace(outsider.token, 'Elsewhere');
    const token = await t.post('/api/tokens', { token: owner.token, body: { name: 'full', workspace_id: workspaceId, scopes: [...SCOPES] } });
    const webhook = await t.post('/api/webhooks', { token: owner.token, body: { workspace_id: workspaceId, url: 'http://127.0.0.1:9/hook' } });
    const key = await t.post('/api/ai-keys', { token: owner.token, body: { workspace_id: workspaceId, provider: 'openai', key_name: 'Main', endpoint_url: 'http://127.0.0.1:9/v1', api_key: 'sk-fuzz-0123456789abcdef' } });
    const invitation = await t.post(`/api/workspaces/${workspaceId}/invitations`, { token: owner.token, body: { email: 'invited@example.com', role: 'viewer' } });
    const grant = await t.post(`/api/workspaces/${workspaceId}/permissions`, { token: owner.token, body: { resource_type: 'webhook', resource_id: webhook.body.id, user_id: developer.user.id, permission: 'read' } });
    const event = await t.post('/api/events', { token: owner.token, body: { workspace_id: workspaceId, event_type: 'custom.fuzz', payload: { n: 1 } } });
    const deliveries = await t.get(`/api/events/${event.body.id}/deliveries`, { token: owner.token });
    for (const res of [token, webhook, key, invitation, grant, event]) expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);

    credentials.anonymous = undefined;
    credentials.owner = owner.token;
    credentials.outsider = outsider.token;
    credentials['read-only token'] = await t.apiToken(owner.token, workspaceId, SCOPES.filter((s) => s.endsWith(':read')));
    credentials['full token'] = token.body.token;

    const common = { userId: developer.user.id, invitationId: invitation.body.id, token: invitation.body.token, grantId: grant.body.id, deliveryId: deliveries.body.data[0].id };
    ids['/api/workspaces'] = { ...common, id: workspaceId };
    ids['/api/webhooks'] = { ...common, id: webhook.body.id };
    ids['/api/ai-keys'] = { ...common, id: key.body.id };
    ids['/api/events'] = { ...common, id: event.body.id };
    ids['/api/tokens'] = { ...common, id: token.body.id };
    ids['/v1/models'] = { ...common, id: 'openai/gpt-4o-mini' };
    ops = await operations(t);
  });
  afterAll(() => t.close());

  const idsFor = (path: string) => Object.entries(ids).find(([prefix]) => path.startsWith(prefix))?.[1] ?? {};

  it('answers every malformed request with a 4xx in the documented shape and changes nothing', { timeout: 600_000 }, async () => {
    expect(ops.length).toBeGreaterThan(40);
    const problems: string[] = [];
    let count = 0;
    for (const op of ops) {
      for (const [who, token] of Object.entries(credentials)) {
        const before = await databaseFingerprint(t);
        let anyAccepted = false;
        for (const variant of variantsOf(op, idsFor(op.path))) {
          const res = await t.request(op.method, variant.path, { ...variant.options, token });
          count++;
          const what = `${op.method} ${op.path} as ${who}, ${variant.name} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
          // 502/504: the gateway reached for its (absent) provider; never atrium's own failure.
          const upstream = op.path.startsWith('/v1/') && (res.status === 502 || res.status === 504);
          if (res.status >= 500 && !upstream) problems.push(`server error: ${what}`);
          else if (res.status >= 400) {
            try {
              expectErrorShape(op, res, what);
            } catch {
              problems.push(`error shape: ${what}`);
            }
          } else {
            // Malformed input is refused, never half-accepted.
            anyAccepted = true;
            problems.push(`accepted: ${what}`);
          }
        }
        if (!anyAccepted && (await databaseFingerprint(t)) !== before) problems.push(`${op.method} ${op.path} as ${who}: a refused request changed the database`);
      }
    }
    expect(count).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });
});
