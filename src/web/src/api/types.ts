/**
 * The API shapes the console uses, derived from the generated OpenAPI types
 * (`schema.gen.ts`, written by `npm run gen:api-types` from the route schemas in
 * src/modules), so they cannot drift from what the server sends. Each name is
 * the 2xx JSON body of one route, or a part of one.
 */
import type { Role } from '../../../modules/policy/policy';
import type { paths } from './schema.gen';

export type { Role };

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Success<R> = R[Extract<keyof R, 200 | 201 | 202>];

/** The JSON body of a successful answer to `method path`, e.g. `ResponseOf<'/api/webhooks/{id}', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends Method> = Json<Success<Operation<P, M>['responses']>>;

/** One item of a `{ data: [...] }` answer. */
type Item<T> = T extends { data: (infer I)[] } ? I : never;

// Envelopes: lists are `{ data }`; paginated lists add `next_cursor`.

export interface List<T> {
  data: T[];
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

// — identity, workspaces, members —

export type User = ResponseOf<'/api/auth/me', 'get'>['user'];

export type Workspace = ResponseOf<'/api/workspaces/{id}', 'get'>;

export type Member = Item<ResponseOf<'/api/workspaces/{id}/members', 'get'>>;

export type Invitation = Item<ResponseOf<'/api/workspaces/{id}/invitations', 'get'>>;

/** A new or resent invitation: the only answers that carry the token and the link. */
export type InvitationWithLink = ResponseOf<'/api/workspaces/{id}/invitations', 'post'>;

/** What the invitee sees before accepting (no sign-in needed). */
export type InvitationPreview = ResponseOf<'/api/invitations/{token}', 'get'>;

export type ApiToken = Item<ResponseOf<'/api/tokens', 'get'>>;

/** A new API token: the only answer that carries the secret. */
export type CreatedApiToken = ResponseOf<'/api/tokens', 'post'>;

export type ActivityEntry = Item<ResponseOf<'/api/workspaces/{id}/activity', 'get'>>;

// — webhooks —

export type Webhook = ResponseOf<'/api/webhooks/{id}', 'get'>;

/** A new endpoint: the only answer that carries the signing secret. */
export type WebhookWithSecret = ResponseOf<'/api/webhooks', 'post'>;

export type EventTypeInfo = Item<ResponseOf<'/api/webhooks/event-types', 'get'>>;

export type WebhookTestResult = ResponseOf<'/api/webhooks/{id}/test', 'post'>;

export type Attempt = Item<ResponseOf<'/api/webhooks/{id}/logs', 'get'>>;

export type Delivery = Item<ResponseOf<'/api/webhooks/{id}/deliveries', 'get'>>;

export type DeliveryStatus = Delivery['status'];

export type DeliveryWithAttempts = ResponseOf<'/api/webhooks/{id}/deliveries/{deliveryId}', 'get'>;

export type RotateSecretResult = ResponseOf<'/api/webhooks/{id}/rotate-secret', 'post'>;

/** `POST /api/events`: an application event queued for the subscribed endpoints. */
export type PublishedEvent = ResponseOf<'/api/events', 'post'>;

// — AI keys —

export type AiKey = ResponseOf<'/api/ai-keys/{id}', 'get'>;

export type ProviderInfo = Item<ResponseOf<'/api/ai-keys/providers', 'get'>>;

export type KeyTestResult = ResponseOf<'/api/ai-keys/{id}/test', 'post'>;

export type UsageReport = ResponseOf<'/api/ai-keys/{id}/usage', 'get'>;

export type AiRoute = ResponseOf<'/api/ai-routes/{id}', 'get'>;

// — permissions —

/** A member's right on one resource, on top of their role. */
export type Grant = Item<ResponseOf<'/api/workspaces/{id}/permissions', 'get'>>;

export type GrantPermission = Grant['permission'];
