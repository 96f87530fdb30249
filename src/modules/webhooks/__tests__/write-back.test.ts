import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/harness.js';
import { endpointFor, publish, Receiver, waitFor, webhookApp } from './helpers.js';

describe.each(engines)('writing attempt results back (%s)', (engine) => {
  it('records a response body with NUL bytes (stripped) and finishes the delivery', async () => {
    const t = await webhookApp(engine);
    const r = await Receiver.start(() => ({ status: 200, body: 'ok\u0000after\u0000nul' }));
    try {
      const owner = await t.signup('owner');
      const ws = (await t.createWorkspace(owner.token)).id;
      const ep = await endpointFor(t, owner.token, ws, r);
      await publish(t, owner.token, ws);
      const attempt = await waitFor(async () => (await t.get(`/api/webhooks/${ep.id}/logs`, { token: owner.token })).body.data[0], 'the attempt row');
      expect(attempt).toMatchObject({ succeeded: true, response_body: 'okafternul' });
      const [delivery] = (await t.get(`/api/webhooks/${ep.id}/deliveries`, { token: owner.token })).body.data;
      expect(delivery.status).toBe('succeeded');
    } finally {
      await t.close();
      await r.close();
    }
  });

  it('one attempt row the database refuses neither blocks the batch nor loses its delivery', async () => {
    const t = await webhookApp(engine);
    // The receiver answers one delivery with a body the database is made to refuse (a real
    // constraint, standing for any value a database cannot store), the others normally.
    const r = await Receiver.start((req) => ({ status: 200, body: req.body.includes('"poison":true') ? 'refuse-me' : 'ok' }));
    if (engine === 'postgres') {
      await sql`alter table webhook_attempts add constraint refuse_me check (response_body is null or response_body not like '%refuse-me%') not valid`.execute(t.db);
    } else {
      await sql`create trigger refuse_me before insert on webhook_attempts when new.response_body like '%refuse-me%' begin select raise(abort, 'refused'); end`.execute(t.db);
    }
    try {
      const owner = await t.signup('owner');
      const ws = (await t.createWorkspace(owner.token)).id;
      const ep = await endpointFor(t, owner.token, ws, r);
      const events = await Promise.all(Array.from({ length: 10 }, (_, i) => publish(t, owner.token, ws, 'custom.thing', { i, poison: i === 3 })));
      const poisoned = events[3].id;
      // Every delivery finishes, the refused one included (its outcome is written without its attempt row).
      const rows = await waitFor(async () => {
        const data = (await t.get(`/api/webhooks/${ep.id}/deliveries`, { token: owner.token })).body.data as { status: string; event_id: string }[];
        return data.length === 10 && data.every((d) => d.status === 'succeeded') ? data : null;
      }, 'every delivery to succeed');
      expect(rows.find((d) => d.event_id === poisoned)).toBeDefined();
      const logs = (await t.get(`/api/webhooks/${ep.id}/logs`, { token: owner.token, query: { limit: '100' } })).body.data as { event_id: string }[];
      expect(logs).toHaveLength(9);
      expect(logs.some((a) => a.event_id === poisoned)).toBe(false);
      // Sent once: not again after a lost result's lease expired.
      expect(r.requests.filter((q) => q.headers['webhook-id'] === poisoned)).toHaveLength(1);
      expect(r.requests).toHaveLength(10);
      const metrics = await t.get('/metrics');
      expect(String(metrics.body)).toMatch(/^atrium_webhook_attempt_rows_dropped_total 1$/m);

      // The worker goes on: a later event is delivered and logged.
      const later = await publish(t, owner.token, ws, 'custom.thing', { later: true });
      await waitFor(async () => ((await t.get(`/api/webhooks/${ep.id}/logs`, { token: owner.token })).body.data as { event_id: string }[]).some((a) => a.event_id === later.id), 'a later attempt row');
    } finally {
      await t.close();
      await r.close();
    }
  }, 60_000);
});
