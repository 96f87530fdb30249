import { Type } from 'typebox';
import { IsoTime, Nullable } from '../../core/http/schemas.js';
import { DELIVERY_STATUSES } from './webhooks.tables.js';

const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'http(s) URL of the receiver; private addresses are refused unless allow-listed by the operator' });
const EventTypes = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  maxItems: 100,
  description: 'Event types or category wildcards ("member.*"); empty = every event',
});
const Headers = Type.Record(Type.String(), Type.String(), { maxProperties: 20, description: 'Extra request headers sent with every delivery' });
const Description = Type.String({ maxLength: 500 });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 }));
const CursorParam = Type.Optional(Type.String({ maxLength: 64, description: 'next_cursor of the previous page' }));

export const WebhookParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const DeliveryParams = Type.Object({ id: Type.String({ maxLength: 64 }), deliveryId: Type.String({ maxLength: 64 }) });
export const EventParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const Webhook = Type.Object({
  id: Type.String(),
  workspace_id: Type.String(),
  url: Type.String(),
  description: Nullable(Type.String()),
  event_types: Type.Array(Type.String()),
  headers: Type.Record(Type.String(), Type.String(), { description: 'Values of credential-like headers are shown as [redacted]' }),
  is_active: Type.Boolean(),
  disabled_reason: Nullable(Type.Union([Type.Literal('manual'), Type.Literal('gone'), Type.Literal('failing')])),
  disabled_message: Nullable(Type.String()),
  disabled_at: Nullable(IsoTime),
  failure_count: Type.Integer({ description: 'Failed attempts since the last success' }),
  failing_since: Nullable(IsoTime),
  last_success_at: Nullable(IsoTime),
  last_failure_at: Nullable(IsoTime),
  created_by: Nullable(Type.String()),
  created_at: IsoTime,
  updated_at: IsoTime,
});

export const WebhookWithSecret = Type.Intersect([
  Webhook,
  Type.Object({ secret: Type.String({ description: 'Signing secret (whsec_…); shown only now' }) }),
]);

export const CreateWebhookBody = Type.Object({
  workspace_id: Type.String({ minLength: 1, maxLength: 64 }),
  url: Url,
  description: Type.Optional(Description),
  event_types: Type.Optional(EventTypes),
  is_active: Type.Optional(Type.Boolean()),
  headers: Type.Optional(Headers),
});

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(Url),
    description: Type.Optional(Nullable(Description)),
    event_types: Type.Optional(EventTypes),
    is_active: Type.Optional(Type.Boolean()),
    headers: Type.Optional(Nullable(Headers)),
  },
  { minProperties: 1 },
);

export const ListWebhooksQuery = Type.Object({
  workspace_id: Type.String({ minLength: 1, maxLength: 64 }),
  is_active: Type.Optional(Type.Boolean()),
  cursor: CursorParam,
  limit: Limit,
});

export const TestBody = Type.Object({
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Extra data to include in the test event' })),
});

export const TestResult = Type.Object({
  webhook_id: Type.String(),
  event: Type.Literal('webhook.test'),
  event_id: Type.String(),
  delivery_id: Type.String(),
  attempt_id: Type.String(),
  delivered: Type.Boolean(),
  status_code: Nullable(Type.Integer()),
  response_time_ms: Type.Integer(),
  error_class: Nullable(Type.String()),
  error_message: Nullable(Type.String()),
  timestamp: IsoTime,
});

export const Attempt = Type.Object({
  id: Type.String(),
  delivery_id: Type.String(),
  webhook_id: Type.String(),
  event_id: Type.String(),
  event_type: Type.String(),
  attempt_number: Type.Integer(),
  trigger: Type.String(),
  url: Type.String(),
  request_headers: Type.Record(Type.String(), Type.String()),
  status_code: Nullable(Type.Integer()),
  response_body: Nullable(Type.String({ description: 'First 4 KiB' })),
  duration_ms: Type.Integer(),
  error_class: Nullable(Type.String()),
  error_message: Nullable(Type.String()),
  succeeded: Type.Boolean(),
  next_attempt_at: Nullable(IsoTime),
  created_at: IsoTime,
});

export const LogsQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('succeeded'), Type.Literal('failed')])),
  event_type: Type.Optional(Type.String({ maxLength: 100 })),
  since: Type.Optional(IsoTime),
  until: Type.Optional(IsoTime),
  cursor: CursorParam,
  limit: Limit,
});

const DeliveryStatusSchema = Type.Enum(DELIVERY_STATUSES);

export const Delivery = Type.Object({
  id: Type.String(),
  webhook_id: Type.String(),
  event_id: Type.String(),
  event_type: Type.String(),
  status: DeliveryStatusSchema,
  attempt_count: Type.Integer(),
  next_attempt_at: Nullable(IsoTime),
  last_status_code: Nullable(Type.Integer()),
  last_error_class: Nullable(Type.String()),
  last_attempt_at: Nullable(IsoTime),
  completed_at: Nullable(IsoTime),
  created_at: IsoTime,
});

export const DeliveryWithAttempts = Type.Intersect([Delivery, Type.Object({ attempts: Type.Array(Attempt) })]);

export const DeliveriesQuery = Type.Object({
  status: Type.Optional(DeliveryStatusSchema),
  event_type: Type.Optional(Type.String({ maxLength: 100 })),
  cursor: CursorParam,
  limit: Limit,
});

export const RecoverBody = Type.Object({
  since: IsoTime,
  until: Type.Optional(IsoTime),
});
export const RecoverResult = Type.Object({ requeued: Type.Integer() });

export const RotateBody = Type.Object({
  grace_period_seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 7 * 86_400, description: 'How long the previous secret keeps signing (default 24 h)' })),
});
export const RotateResult = Type.Object({
  secret: Type.String({ description: 'The new signing secret; shown only now' }),
  version: Type.Integer(),
  previous_secret_expires_at: IsoTime,
});

export const EventType = Type.Object({
  type: Type.String(),
  description: Type.String(),
  example: Type.Record(Type.String(), Type.Unknown()),
});

const EventTypeName = Type.String({ minLength: 1, maxLength: 200, description: 'custom.<name>, e.g. custom.order.paid' });
const Payload = Type.Record(Type.String(), Type.Unknown(), { description: 'The event data receivers get' });
const IdempotencyKey = (description: string) => Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$', description });

export const PublishBody = Type.Object({
  workspace_id: Type.String({ minLength: 1, maxLength: 64 }),
  event_type: EventTypeName,
  payload: Payload,
});
export const PublishHeaders = Type.Object({
  'idempotency-key': Type.Optional(IdempotencyKey('A repeated key with the same event answers the first result instead of publishing again')),
});

/** Events one batch request may carry. */
export const MAX_BATCH_EVENTS = 100;
export const PublishBatchBody = Type.Object({
  workspace_id: Type.String({ minLength: 1, maxLength: 64 }),
  events: Type.Array(
    Type.Object({
      event_type: EventTypeName,
      payload: Payload,
      idempotency_key: Type.Optional(IdempotencyKey("This event's Idempotency-Key: a repeated key with the same event (in this batch or an earlier request) answers the first result")),
    }),
    { minItems: 1, maxItems: MAX_BATCH_EVENTS, description: `1 to ${MAX_BATCH_EVENTS} events, published all together or not at all` },
  ),
});
export const Published = Type.Object({
  id: Type.String(),
  workspace_id: Type.String(),
  event_type: Type.String(),
  deliveries: Type.Integer({ description: 'Endpoints the event was queued for' }),
  idempotency_key: Nullable(Type.String()),
  replayed: Type.Boolean({ description: 'true when this answers a repeated Idempotency-Key' }),
  created_at: IsoTime,
});
export const PublishedBatch = Type.Object({
  data: Type.Array(Published, { description: 'One result per event, in the order sent' }),
});
