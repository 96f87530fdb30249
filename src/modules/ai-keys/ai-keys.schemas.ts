import { Type, type Static, type TSchema } from 'typebox';
import { IsoTime, Nullable } from '../../core/http/schemas.js';
import { PROVIDER_IDS } from '../ai-providers/providers.js';

/**
 * `null` (clear the value) or the schema, as a JSON Schema type list. Not a
 * union: with the app's coerceTypes, a union coerces inside its first branch
 * (`null` → 0 through an integer branch, 0 → null through a null branch);
 * a type list keeps a value that already matches one of its types.
 */
const OrNull = <T extends TSchema & { type: string }>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });

const ProviderSchema = Type.Enum(PROVIDER_IDS, { description: 'See GET /api/ai-keys/providers' });
const KeyName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
/** Printable ASCII without spaces: keys travel in HTTP headers, where anything else breaks or injects. */
const ApiKey = Type.String({
  minLength: 1,
  maxLength: 4096,
  pattern: '^[\\x21-\\x7E]+$',
  description: 'The provider key; write-only, never returned (printable characters, no spaces)',
});
const EndpointUrl = Type.String({ minLength: 1, maxLength: 2048, description: 'Base URL (required for azure_openai and custom); passes the outbound SSRF guard' });
const DeploymentName = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._-]+$', description: 'Azure OpenAI deployment' });
const ModelPreferences = Type.Record(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' }), Type.String({ maxLength: 200 }), {
  maxProperties: 32,
  description: 'Free-form model choices, e.g. {"default": "gpt-4o-mini"}',
});
const UsageLimit = Type.Integer({ minimum: 0, maximum: 1e12, description: 'Requests per calendar month (UTC)' });
const CostLimit = Type.Number({ minimum: 0, maximum: 1e9, description: 'USD per calendar month (UTC)' });
const Rpm = Type.Integer({ minimum: 1, maximum: 1e7, description: 'Requests per minute' });
const Tpm = Type.Integer({ minimum: 1, maximum: 1e11, description: 'Tokens per minute' });
const RotateAfterDays = Type.Integer({ minimum: 1, maximum: 3650, description: 'Raise ai_key.rotation_due this many days after the last rotation' });

export const CreateAiKeyBody = Type.Object({
  workspace_id: Type.String({ minLength: 1, maxLength: 64 }),
  provider: ProviderSchema,
  key_name: KeyName,
  api_key: Type.Optional(ApiKey),
  endpoint_url: Type.Optional(OrNull(EndpointUrl)),
  deployment_name: Type.Optional(OrNull(DeploymentName)),
  model_preferences: Type.Optional(OrNull(ModelPreferences)),
  is_default: Type.Optional(Type.Boolean({ description: 'Default: true for the first key of its provider in the workspace' })),
  is_active: Type.Optional(Type.Boolean({ default: true })),
  usage_limit: Type.Optional(OrNull(UsageLimit)),
  cost_limit: Type.Optional(OrNull(CostLimit)),
  rate_limit_rpm: Type.Optional(OrNull(Rpm)),
  rate_limit_tpm: Type.Optional(OrNull(Tpm)),
  rotate_after_days: Type.Optional(OrNull(RotateAfterDays)),
});
export type CreateAiKeyInput = Static<typeof CreateAiKeyBody>;

export const UpdateAiKeyBody = Type.Object(
  {
    key_name: Type.Optional(KeyName),
    api_key: Type.Optional(ApiKey),
    endpoint_url: Type.Optional(OrNull(EndpointUrl)),
    deployment_name: Type.Optional(OrNull(DeploymentName)),
    model_preferences: Type.Optional(OrNull(ModelPreferences)),
    is_default: Type.Optional(Type.Boolean()),
    is_active: Type.Optional(Type.Boolean()),
    usage_limit: Type.Optional(OrNull(UsageLimit)),
    cost_limit: Type.Optional(OrNull(CostLimit)),
    rate_limit_rpm: Type.Optional(OrNull(Rpm)),
    rate_limit_tpm: Type.Optional(OrNull(Tpm)),
    rotate_after_days: Type.Optional(OrNull(RotateAfterDays)),
  },
  { minProperties: 1 },
);
export type UpdateAiKeyInput = Static<typeof UpdateAiKeyBody>;

export const RotateAiKeyBody = Type.Object({
  api_key: ApiKey,
  grace_period_seconds: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 7 * 86_400, default: 0, description: 'How long the replaced key stays usable as a fallback (at most 7 days)' }),
  ),
});
export type RotateAiKeyInput = Static<typeof RotateAiKeyBody>;

export const AiKeyParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ListAiKeysQuery = Type.Object({
  workspace_id: Type.String({ minLength: 1, maxLength: 64 }),
  provider: Type.Optional(ProviderSchema),
  is_active: Type.Optional(Type.Boolean()),
});

export const AiKey = Type.Object({
  id: Type.String(),
  workspace_id: Type.String(),
  provider: ProviderSchema,
  provider_name: Type.String(),
  key_name: Type.String(),
  key_preview: Nullable(Type.String({ description: 'Last 4 characters of the key; null for a keyless custom server' })),
  endpoint_url: Nullable(Type.String()),
  deployment_name: Nullable(Type.String()),
  model_preferences: Type.Record(Type.String(), Type.String()),
  is_default: Type.Boolean(),
  is_active: Type.Boolean(),
  usage_limit: Nullable(Type.Integer()),
  cost_limit: Nullable(Type.Number({ description: 'USD per month' })),
  rate_limit_rpm: Nullable(Type.Integer()),
  rate_limit_tpm: Nullable(Type.Integer()),
  rotate_after_days: Nullable(Type.Integer()),
  last_rotated_at: IsoTime,
  rotation_due_at: Nullable(IsoTime),
  previous_key_preview: Nullable(Type.String({ description: 'The key replaced by the last rotation, while its grace period lasts' })),
  previous_key_expires_at: Nullable(IsoTime),
  last_tested_at: Nullable(IsoTime),
  last_test_status: Nullable(Type.String()),
  usage_this_month: Type.Integer({ description: 'Requests this calendar month (UTC)' }),
  cost_this_month: Type.Number({ description: 'USD this calendar month (UTC)' }),
  last_used: Nullable(IsoTime),
  created_by: Nullable(Type.String()),
  created_at: IsoTime,
  updated_at: IsoTime,
});

export const KeyTestResponse = Type.Object({
  ok: Type.Boolean(),
  status: Type.Union(
    [Type.Literal('ok'), Type.Literal('invalid_key'), Type.Literal('rate_limited'), Type.Literal('unreachable'), Type.Literal('provider_error')],
    { description: 'ok | invalid_key | rate_limited | unreachable | provider_error' },
  ),
  http_status: Nullable(Type.Integer({ description: "The provider's HTTP status, null when it was not reached" })),
  latency_ms: Type.Integer(),
  message: Type.String(),
});

const Provider = Type.Object({
  id: ProviderSchema,
  name: Type.String(),
  key_format: Type.String(),
  key_pattern: Nullable(Type.String({ description: 'What keys usually look like (a hint, not enforced)' })),
  needs_endpoint_url: Type.Boolean(),
  needs_deployment_name: Type.Boolean(),
  default_base_url: Nullable(Type.String()),
  docs_url: Type.String(),
  models: Type.Array(
    Type.Object({
      id: Type.String(),
      input_per_mtok: Type.Number({ description: 'USD per 1M input tokens' }),
      output_per_mtok: Type.Number({ description: 'USD per 1M output tokens' }),
      cache_read_per_mtok: Type.Optional(Type.Number({ description: 'USD per 1M cached input tokens read (absent: billed as input)' })),
      cache_write_per_mtok: Type.Optional(Type.Number({ description: 'USD per 1M input tokens written to the prompt cache (absent: billed as input)' })),
    }),
  ),
});

export const ProviderList = Type.Object({
  data: Type.Array(Provider),
  prices_checked_at: Type.String({ description: 'When the prices were last compared with the providers’ price lists' }),
});
