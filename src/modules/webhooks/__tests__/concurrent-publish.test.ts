import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestApp } from '../../../test/harness.js';
import { webhookApp } from './helpers.js';

/**
 * Concurrent publishes share their lookups on PostgreSQL (sessions, API
 * tokens, roles, Idempotency-Keys: one query for the requests of a moment)
 * and their transaction (group commit): every caller must still get the
 * answer of its own credentials, workspace and key.
 */
const slug = (who: string) => who.replaceAll(' ', '-');

describe.each(engines)('concurrent publishes by different callers (%s)', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await webhookApp(engine, { worker: false });
  });
  afterAll(() => t.close());

  it('answers each request for its own caller, workspace and key', async () => {
    const owner = await t.signup('owner');
    const ws = (await t.createWorkspace(owner.token, 'One')).id;
    const viewer = await t.addMember(owner.token, ws, 'viewer');
    const developer = await t.addMember(owner.token, ws, 'developer');
    const outsider = await t.signup('outsider');
    const otherWs = (await t.createWorkspace(outsider.token, 'Two')).id;
    const publisher = await t.apiToken(developer.token, ws, ['events:write']);
    const created = await t.post('/api/tokens', { token: owner.token, body: { name: 'revoked', workspace_id: ws, scopes: ['events:write'] } });
    const revoked = created.body.token as string;
    expect((await t.delete(`/api/tokens/${created.body.id}`, { token: owner.token })).status).toBe(204);
    const loggedOut = await t.signup('gone');
    await t.post(`/api/workspaces/${ws}/invitations`, { token: owner.token, body: { email: loggedOut.user.email, role: 'developer' } });
    expect((await t.post('/api/auth/logout', { token: loggedOut.token })).status).toBe(204);

    const callers: [string, string, string, number][] = [
      ['owner', owner.token, ws, 202],
      ['developer', developer.token, ws, 202],
      ['developer token', publisher, ws, 202],
      ['viewer', viewer.token, ws, 403],
      ['outsider', outsider.token, ws, 404],
      ['outsider in their own workspace', outsider.token, otherWs, 202],
      ['token for another workspace', publisher, otherWs, 404],
      ['revoked token', revoked, ws, 401],
      ['logged out', loggedOut.token, ws, 401],
      ['unknown token', 'atr_not-a-token', ws, 401],
    ];
    const requests = Array.from({ length: 4 }, (_, round) =>
      callers.map(([who, token, workspaceId, status]) => ({ who, status, workspaceId, run: t.post('/api/events', { token, headers: { 'idempotency-key': `${slug(who)}-${round % 2}` }, body: { workspace_id: workspaceId, event_type: 'custom.who', payload: { who, round: round % 2 } } }) })),
    ).flat();
    const answers = await Promise.all(requests.map(async (r) => ({ ...r, res: await r.run })));
    for (const { who, status, workspaceId, res } of answers) {
      expect(res.status === 200 ? 202 : res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(status);
      if (status === 202) expect(res.body).toMatchObject({ workspace_id: workspaceId, event_type: 'custom.who' });
    }
    // Each accepted caller's two keys were published once each, and the repeats of a key answered that event.
    const accepted = answers.filter((a) => a.status === 202);
    const ids = new Map<string, string>();
    for (const { res, who } of accepted) {
      const key = `${res.body.workspace_id}/${res.body.idempotency_key}`;
      expect(res.body.idempotency_key.startsWith(slug(who)), who).toBe(true);
      expect(ids.get(key) ?? res.body.id, who).toBe(res.body.id);
      ids.set(key, res.body.id);
    }
    expect(ids.size).toBe(8);
    expect(accepted.filter((a) => !a.res.body.replayed)).toHaveLength(8);
    const stored = await t.db.selectFrom('events').select(['id', 'payload']).where('type', '=', 'custom.who').execute();
    expect(new Set(stored.map((s) => s.id))).toEqual(new Set(ids.values()));
  });
});
