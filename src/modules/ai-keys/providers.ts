import catalog from './providers.json' with { type: 'json' };

/**
 * Typed access to the provider catalog (`providers.json`, the single price
 * file). Shared by the key store (validation, `GET /api/ai-keys/providers`)
 * and the gateway (cost of each request).
 */

export const PROVIDER_IDS = ['openai', 'anthropic', 'gemini', 'mistral', 'cohere', 'groq', 'azure_openai', 'openrouter', 'custom'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ModelInfo {
  id: string;
  /** USD per 1 million tokens, as published. */
  input_per_mtok: number;
  output_per_mtok: number;
}

export interface ProviderInfo {
  id: ProviderId;
  name: string;
  /** Human hint shown next to the key field. */
  key_format: string;
  /** What keys usually look like; a hint for clients, not enforced (formats change without notice). */
  key_pattern: string | null;
  needs_endpoint_url: boolean;
  needs_deployment_name: boolean;
  default_base_url: string | null;
  docs_url: string;
  models: ModelInfo[];
}

/** Integer micro-dollars per 1 million tokens: exact for every published price. */
export interface ModelPrice {
  inputMicrosPerMTok: number;
  outputMicrosPerMTok: number;
}

export const PRICES_CHECKED_AT: string = catalog.prices_checked_at;
export const PROVIDERS: readonly ProviderInfo[] = catalog.providers as ProviderInfo[];

const byId = new Map<string, ProviderInfo>(PROVIDERS.map((p) => [p.id, p]));
if (byId.size !== PROVIDER_IDS.length || PROVIDER_IDS.some((id) => !byId.has(id))) {
  throw new Error('providers.json and PROVIDER_IDS disagree');
}

const toMicros = (usd: number): number => Math.round(usd * 1_000_000);

const prices = new Map<string, Map<string, ModelPrice>>(
  PROVIDERS.map((p) => [
    p.id,
    new Map(p.models.map((m) => [m.id.toLowerCase(), { inputMicrosPerMTok: toMicros(m.input_per_mtok), outputMicrosPerMTok: toMicros(m.output_per_mtok) }])),
  ]),
);

export function isProviderId(id: string): id is ProviderId {
  return byId.has(id);
}

export function providerInfo(id: ProviderId): ProviderInfo {
  return byId.get(id)!;
}

/**
 * Version suffixes providers append to a catalog model id: dated snapshots
 * (`-2024-07-18`, `-20241022`, `-2411`), revisions (`-001`) and aliases
 * (`-latest`). Anything else (`gpt-4o-audio-preview`) is a different model
 * with a different price, so it stays unpriced rather than priced wrong.
 */
const VERSION_SUFFIX = /^-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|\d{3}|latest)$/;

/**
 * The price of `model` at `provider`, or undefined when the catalog does not
 * know it (the gateway then serves the request and records it "unpriced").
 * Accepts the names providers answer with: `models/gemini-2.5-flash`,
 * `gpt-4o-mini-2024-07-18`, `claude-3-5-haiku-latest`.
 */
export function priceFor(provider: string, model: string): ModelPrice | undefined {
  const table = prices.get(provider);
  if (!table) return undefined;
  const name = model.trim().toLowerCase().replace(/^models\//, '');
  const exact = table.get(name);
  if (exact) return exact;
  let best: { id: string; price: ModelPrice } | undefined;
  for (const [id, price] of table) {
    if (name.startsWith(id) && VERSION_SUFFIX.test(name.slice(id.length)) && (!best || id.length > best.id.length)) best = { id, price };
  }
  return best?.price;
}

/** Cost of one request in integer micro-dollars (rounded to the nearest micro-dollar). */
export function costMicros(price: ModelPrice, inputTokens: number, outputTokens: number): number {
  return Math.round((inputTokens * price.inputMicrosPerMTok + outputTokens * price.outputMicrosPerMTok) / 1_000_000);
}
