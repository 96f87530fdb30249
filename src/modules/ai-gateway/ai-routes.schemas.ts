import { Type, type Static } from 'typebox';
import { IsoTime, Nullable } from '../../core/http/schemas.js';

/** Letters, digits, `.`, `_`, `:`, `-`: never `/`, so a route name cannot be taken for `<provider>/<model>`. */
const RouteName = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
  description: 'Used as `model` in /v1 requests (e.g. `smart`); unique in the workspace; no `/`',
});
const Strategy = Type.Union([Type.Literal('fallback'), Type.Literal('weighted')], {
  description: 'fallback: targets in order; weighted: one target picked by weight, the others (in order) as fallbacks',
});

const Target = Type.Object(
  {
    key_id: Type.String({ minLength: 1, maxLength: 64, description: 'An AI key of the same workspace' }),
    model: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: "The provider's model name (or an alias of the key's model_preferences)" }),
    weight: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, default: 1, description: 'weighted: relative share of first picks (0: fallback only)' })),
  },
  { additionalProperties: false },
);
const Targets = Type.Array(Target, { minItems: 1, maxItems: 10 });

const MaxRetries = Type.Integer({ minimum: 0, maximum: 5, description: 'Retries of one target on 429, 5xx, timeout or connection error before the next target (default 1)' });
const BackoffMs = Type.Integer({ minimum: 0, maximum: 10_000, description: 'First wait between two tries of a target, doubled each time (default 200); a Retry-After up to 10 s wins' });
const BreakerFailures = Type.Integer({ minimum: 1, maximum: 100, description: 'Consecutive retryable failures of a key before it is skipped (default 5)' });
const BreakerCooldown = Type.Integer({ minimum: 1, maximum: 3600, description: 'Seconds a tripped key is skipped before one trial request (default 30)' });

export const CreateAiRouteBody = Type.Object(
  {
    workspace_id: Type.String({ minLength: 1, maxLength: 64 }),
    name: RouteName,
    strategy: Type.Optional(Strategy),
    targets: Targets,
    max_retries: Type.Optional(MaxRetries),
    backoff_ms: Type.Optional(BackoffMs),
    breaker_failures: Type.Optional(BreakerFailures),
    breaker_cooldown_seconds: Type.Optional(BreakerCooldown),
  },
  { additionalProperties: false },
);
export type CreateAiRouteInput = Static<typeof CreateAiRouteBody>;

export const UpdateAiRouteBody = Type.Object(
  {
    name: Type.Optional(RouteName),
    strategy: Type.Optional(Strategy),
    targets: Type.Optional(Targets),
    max_retries: Type.Optional(MaxRetries),
    backoff_ms: Type.Optional(BackoffMs),
    breaker_failures: Type.Optional(BreakerFailures),
    breaker_cooldown_seconds: Type.Optional(BreakerCooldown),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAiRouteInput = Static<typeof UpdateAiRouteBody>;

export const AiRouteParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export const ListAiRoutesQuery = Type.Object({ workspace_id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const AiRoute = Type.Object({
  id: Type.String(),
  workspace_id: Type.String(),
  name: Type.String(),
  strategy: Strategy,
  targets: Type.Array(Type.Object({ key_id: Type.String(), model: Type.String(), weight: Type.Integer() })),
  max_retries: Type.Integer(),
  backoff_ms: Type.Integer(),
  breaker_failures: Type.Integer(),
  breaker_cooldown_seconds: Type.Integer(),
  created_by: Nullable(Type.String()),
  created_at: IsoTime,
  updated_at: IsoTime,
});
