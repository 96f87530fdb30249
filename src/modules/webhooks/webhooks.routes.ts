import type { AppInstance } from '../../core/http/instance.js';
import { errors, list, NoContent, page } from '../../core/http/schemas.js';
import { parseTime, toIso } from '../../core/time.js';
import { auditContext } from '../identity/audit-context.js';
import { requireAuth } from '../identity/request.js';
import * as S from './webhooks.schemas.js';
import { nextCursor, presentAttempt, presentDelivery, presentPublished, presentWebhook } from './webhooks.presenters.js';
import type { WebhooksService } from './webhooks.service.js';
import type { EventPublishing } from './event-publishing.js';

const tags = ['webhooks'];

/** For POSTs whose body is optional: no body at all validates as `{}`. */
const emptyBodyIsObject = async (request: { body: unknown }) => {
  request.body ??= {};
};

export interface WebhookRouteDeps {
  webhooks: WebhooksService;
  publishing: EventPublishing;
}

export function registerWebhookRoutes(app: AppInstance, { webhooks, publishing }: WebhookRouteDeps): void {
  endpointRoutes(app, webhooks);
  deliveryRoutes(app, webhooks);
  eventRoutes(app, webhooks, publishing);
}

/** Endpoints: the event catalog, CRUD, enable/disable and secret rotation. */
function endpointRoutes(app: AppInstance, webhooks: WebhooksService): void {
  const catalog = async (request: Parameters<typeof requireAuth>[0]) => {
    requireAuth(request);
    return { data: webhooks.catalog() };
  };
  app.get('/api/webhooks/event-types', {
    schema: { tags, summary: 'Event types endpoints can subscribe to, with an example payload each', response: { 200: list(S.EventType), ...errors(401) } },
  }, catalog);
  // The original product's path for the same catalog.
  app.get('/api/webhooks/events/list', {
    schema: { tags, summary: 'Event type catalog (alias of /api/webhooks/event-types)', deprecated: true, response: { 200: list(S.EventType), ...errors(401) } },
  }, catalog);

  app.post('/api/webhooks', {
    config: { scope: 'webhooks:write' },
    schema: { tags, summary: 'Register an endpoint (admin); the signing secret is shown only in this answer', body: S.CreateWebhookBody, response: { 201: S.WebhookWithSecret, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const { endpoint, secret } = await webhooks.create(requireAuth(request), request.body, auditContext(request));
    return reply.status(201).send({ ...presentWebhook(endpoint), secret });
  });

  app.get('/api/webhooks', {
    schema: { tags, summary: "A workspace's endpoints, newest first", querystring: S.ListWebhooksQuery, response: { 200: page(S.Webhook), ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 50;
    const rows = await webhooks.list(requireAuth(request), q.workspace_id, { isActive: q.is_active, before: q.cursor, limit });
    return { data: rows.map(presentWebhook), next_cursor: nextCursor(rows, limit) };
  });

  app.get('/api/webhooks/:id', {
    schema: { tags, summary: 'One endpoint', params: S.WebhookParams, response: { 200: S.Webhook, ...errors(401, 403, 404) } },
  }, async (request) => presentWebhook(await webhooks.get(requireAuth(request), request.params.id)));

  app.patch('/api/webhooks/:id', {
    config: { scope: 'webhooks:write' },
    schema: { tags, summary: 'Change an endpoint (admin or write grant)', params: S.WebhookParams, body: S.UpdateWebhookBody, response: { 200: S.Webhook, ...errors(400, 401, 403, 404) } },
  }, async (request) => presentWebhook(await webhooks.update(requireAuth(request), request.params.id, request.body, auditContext(request))));

  app.delete('/api/webhooks/:id', {
    config: { scope: 'webhooks:write' },
    schema: { tags, summary: 'Delete an endpoint and its delivery history (admin or admin grant)', params: S.WebhookParams, response: { 204: NoContent, ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    await webhooks.delete(requireAuth(request), request.params.id, auditContext(request));
    return reply.status(204).send(null);
  });

  app.post('/api/webhooks/:id/enable', {
    config: { scope: 'webhooks:write' },
    schema: { tags, summary: 'Enable an endpoint', params: S.WebhookParams, response: { 200: S.Webhook, ...errors(401, 403, 404) } },
  }, async (request) => presentWebhook(await webhooks.setActive(requireAuth(request), request.params.id, true, auditContext(request))));

  app.post('/api/webhooks/:id/disable', {
    config: { scope: 'webhooks:write' },
    schema: { tags, summary: 'Disable an endpoint; its queued deliveries fail (recover re-queues them)', params: S.WebhookParams, response: { 200: S.Webhook, ...errors(401, 403, 404) } },
  }, async (request) => presentWebhook(await webhooks.setActive(requireAuth(request), request.params.id, false, auditContext(request))));

  app.post('/api/webhooks/:id/rotate-secret', {
    config: { scope: 'webhooks:write' },
    preValidation: emptyBodyIsObject,
    schema: { tags, summary: 'New signing secret; the previous one keeps signing during the grace period', params: S.WebhookParams, body: S.RotateBody, response: { 200: S.RotateResult, ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const r = await webhooks.rotateSecret(requireAuth(request), request.params.id, request.body.grace_period_seconds, auditContext(request));
    return { secret: r.secret, version: r.version, previous_secret_expires_at: toIso(r.previousSecretExpiresAt) };
  });
}

/** What was sent: test sends, attempt logs, deliveries, retries and recovery. */
function deliveryRoutes(app: AppInstance, webhooks: WebhooksService): void {
  app.post('/api/webhooks/:id/test', {
    config: { scope: 'webhooks:write' },
    preValidation: emptyBodyIsObject,
    schema: { tags, summary: 'Send a signed webhook.test event now and report the outcome', params: S.WebhookParams, body: S.TestBody, response: { 200: S.TestResult, ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const r = await webhooks.test(requireAuth(request), request.params.id, request.body.data);
    return {
      webhook_id: r.endpoint.id,
      event: 'webhook.test' as const,
      event_id: r.event.id,
      delivery_id: r.delivery.id,
      attempt_id: r.attempt.id,
      delivered: r.result.succeeded,
      status_code: r.result.statusCode,
      response_time_ms: r.result.durationMs,
      error_class: r.result.errorClass,
      error_message: r.result.errorMessage,
      timestamp: toIso(r.result.startedAt),
    };
  });

  app.get('/api/webhooks/:id/logs', {
    schema: { tags, summary: 'Delivery attempts, newest first', params: S.WebhookParams, querystring: S.LogsQuery, response: { 200: page(S.Attempt), ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 50;
    const rows = await webhooks.logs(requireAuth(request), request.params.id, {
      succeeded: q.status === undefined ? undefined : q.status === 'succeeded',
      eventType: q.event_type,
      since: parseTime(q.since),
      until: parseTime(q.until),
      before: q.cursor,
      limit,
    });
    return { data: rows.map(presentAttempt), next_cursor: nextCursor(rows, limit) };
  });

  app.get('/api/webhooks/:id/deliveries', {
    schema: { tags, summary: "An endpoint's deliveries, newest first", params: S.WebhookParams, querystring: S.DeliveriesQuery, response: { 200: page(S.Delivery), ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 50;
    const rows = await webhooks.deliveries(requireAuth(request), request.params.id, { status: q.status, eventType: q.event_type, before: q.cursor, limit });
    return { data: rows.map(presentDelivery), next_cursor: nextCursor(rows, limit) };
  });

  app.get('/api/webhooks/:id/deliveries/:deliveryId', {
    schema: { tags, summary: 'One delivery with all its attempts', params: S.DeliveryParams, response: { 200: S.DeliveryWithAttempts, ...errors(401, 403, 404) } },
  }, async (request) => {
    const { delivery, attempts } = await webhooks.delivery(requireAuth(request), request.params.id, request.params.deliveryId);
    return { ...presentDelivery(delivery), attempts: attempts.map(presentAttempt) };
  });

  app.post('/api/webhooks/:id/deliveries/:deliveryId/retry', {
    config: { scope: 'webhooks:write' },
    schema: { tags, summary: 'Send a finished delivery again now', params: S.DeliveryParams, response: { 202: S.Delivery, ...errors(401, 403, 404, 409) } },
  }, async (request, reply) => {
    const delivery = await webhooks.retryDelivery(requireAuth(request), request.params.id, request.params.deliveryId, auditContext(request));
    return reply.status(202).send(presentDelivery(delivery));
  });

  app.post('/api/webhooks/:id/recover', {
    config: { scope: 'webhooks:write' },
    schema: { tags, summary: 'Re-queue every failed delivery created since a time', params: S.WebhookParams, body: S.RecoverBody, response: { 202: S.RecoverResult, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    const requeued = await webhooks.recover(requireAuth(request), request.params.id, parseTime(request.body.since)!, parseTime(request.body.until), auditContext(request));
    return reply.status(202).send({ requeued });
  });
}

/** Application events published through the API. */
function eventRoutes(app: AppInstance, webhooks: WebhooksService, publishing: EventPublishing): void {
  app.post('/api/events', {
    config: { scope: 'events:write' },
    schema: {
      tags: ['events'],
      summary: "Publish an application event (custom.*) to the workspace's subscribed endpoints",
      headers: S.PublishHeaders,
      body: S.PublishBody,
      response: { 200: S.Published, 202: S.Published, ...errors(400, 401, 403, 404, 409, 413) },
    },
  }, async (request, reply) => {
    const result = await publishing.publish(requireAuth(request), request.body, request.headers['idempotency-key']);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(result.replayed ? 200 : 202).send(presentPublished(result));
  });

  app.post('/api/events/batch', {
    config: { scope: 'events:write' },
    bodyLimit: publishing.batchBodyLimit(),
    schema: {
      tags: ['events'],
      summary: `Publish 1 to ${S.MAX_BATCH_EVENTS} application events in one request, all or none, each with its own optional idempotency key`,
      body: S.PublishBatchBody,
      response: { 200: S.PublishedBatch, 202: S.PublishedBatch, ...errors(400, 401, 403, 404, 409, 413) },
    },
  }, async (request, reply) => {
    const results = await publishing.publishBatch(requireAuth(request), request.body);
    // As for one event: 202 when something was published, 200 when every event answers a repeated key.
    const replayed = results.every((r) => r.replayed);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(replayed ? 200 : 202).send({ data: results.map(presentPublished) });
  });

  app.get('/api/events/:id/deliveries', {
    schema: { tags: ['events'], summary: 'Deliveries of one event, to every endpoint', params: S.EventParams, querystring: S.DeliveriesQuery, response: { 200: page(S.Delivery), ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 50;
    const rows = await webhooks.eventDeliveries(requireAuth(request), request.params.id, { status: q.status, eventType: q.event_type, before: q.cursor, limit });
    return { data: rows.map(presentDelivery), next_cursor: nextCursor(rows, limit) };
  });
}
