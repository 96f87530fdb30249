import { Type, type Static, type TSchema } from 'typebox';
import { Nullable } from '../../core/http/schemas.js';
import { PROVIDER_IDS } from '../ai-providers/providers.js';
import { CONSUMER_LEVELS } from './budgets.tables.js';
import { REPORT_GROUPS } from './budgets.repository.js';

/** `null` (no limit) or the schema, as a type list (see ai-keys.schemas.ts: unions coerce inside their first branch). */
const OrNull = <T extends TSchema & { type: string }>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });

/** Same names and bounds as an AI key's limits. */
export const LimitsBody = Type.Object({
  rate_limit_rpm: Type.Optional(OrNull(Type.Integer({ minimum: 1, maximum: 1e7, description: 'Requests per minute' }))),
  rate_limit_tpm: Type.Optional(OrNull(Type.Integer({ minimum: 1, maximum: 1e11, description: 'Tokens per minute' }))),
  usage_limit: Type.Optional(OrNull(Type.Integer({ minimum: 0, maximum: 1e12, description: 'Requests per calendar month (UTC)' }))),
  cost_limit: Type.Optional(OrNull(Type.Number({ minimum: 0, maximum: 1e9, description: 'USD per calendar month (UTC)' }))),
  allowed_models: Type.Optional(
    OrNull(
      Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\x00-\\x1f]+$' }), {
        maxItems: 200,
        uniqueItems: true,
        description: 'Models this consumer may use, as `gpt-4o-mini` or `openai/gpt-4o-mini`; null = any',
      }),
    ),
  ),
  allowed_providers: Type.Optional(OrNull(Type.Array(Type.Enum(PROVIDER_IDS), { maxItems: PROVIDER_IDS.length, uniqueItems: true, description: 'null = any' }))),
}, { description: 'Replaces the limits (an absent field is no limit)' });
export type LimitsInput = Static<typeof LimitsBody>;

export const Limits = Type.Object({
  level: Type.Enum(CONSUMER_LEVELS),
  subject_id: Type.String({ description: 'The workspace id, the member’s user id or the token id' }),
  rate_limit_rpm: Nullable(Type.Integer()),
  rate_limit_tpm: Nullable(Type.Integer()),
  usage_limit: Nullable(Type.Integer()),
  cost_limit: Nullable(Type.Number({ description: 'USD per month' })),
  allowed_models: Nullable(Type.Array(Type.String())),
  allowed_providers: Nullable(Type.Array(Type.String())),
  updated_at: Nullable(Type.String({ format: 'date-time', description: 'null: no limits set' })),
});

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (UTC)' });

export const ReportQuery = Type.Object({
  group_by: Type.Enum(REPORT_GROUPS, { default: 'day' }),
  from: Type.Optional(Day),
  to: Type.Optional(Type.String({ ...Day, description: 'Last day included, YYYY-MM-DD (UTC); default today' })),
  format: Type.Optional(Type.Enum(['json', 'csv'] as const, { description: 'csv: text/csv (also chosen by Accept: text/csv)' })),
});

const ReportRow = Type.Object({
  group: Type.String({ description: 'The token id, member user id, key id, provider/model or day' }),
  label: Nullable(Type.String({ description: 'Token or key name, member e-mail; null when gone or not applicable' })),
  requests: Type.Integer(),
  errors: Type.Integer(),
  input_tokens: Type.Integer(),
  output_tokens: Type.Integer({ description: 'Reasoning tokens included' }),
  reasoning_tokens: Type.Integer({ description: 'The part of output_tokens the model spent reasoning (thinking)' }),
  cost_micros: Type.Integer(),
  cost_usd: Type.Number(),
});

export const Report = Type.Object({
  workspace_id: Type.String(),
  group_by: Type.Enum(REPORT_GROUPS),
  from: Day,
  to: Day,
  currency: Type.Literal('USD'),
  scope: Type.Enum(['workspace', 'own'] as const, { description: 'own: the caller may see their own requests only' }),
  data: Type.Array(ReportRow),
});
