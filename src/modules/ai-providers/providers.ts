import catalog from './providers.json' with { type: 'json' };

/**
 * Typed access to the provider catalog (`providers.json`, the single price
 * file). Shared by the key store (validation, `GET /api/ai-keys/providers`)
 * and the gateway (cost of each request); depends on no other module.
 */

export const PROVIDER_IDS = ['openai', 'anthropic', 'gemini', 'mistral', 'cohere', 'groq', 'azure_openai', 'openrouter', 'custom'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

interface ModelInfo {
  id: string;
  /** USD per 1 million tokens, as published. */
  input_per_mtok: number;
  output_per_mtok: number;
  /** USD per 1 million cached input tokens read (absent: billed as input). */
  cache_read_per_mtok?: number;
  /** USD per 1 million input tokens written to the cache (Anthropic; absent: billed as input). */
  cache_write_per_mtok?: number;
  /** USD per 1 million reasoning (thinking) tokens, when priced apart from output (absent: billed as output). */
  reasoning_per_mtok?: number;
  /** The most output tokens one request can produce (the gateway reserves their cost before the call). */
  max_output_tokens?: number;
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
  cacheReadMicrosPerMTok?: number;
  cacheWriteMicrosPerMTok?: number;
  reasoningMicrosPerMTok?: number;
  /** The model's output limit, when the catalog lists it. */
  maxOutputTokens?: number;
}

/**
 * Token counts of one request, as the gateway records them: `input` counts
 * every prompt token (OpenAI's `prompt_tokens`), cached ones included;
 * `cacheRead` and `cacheWrite` are the parts of `input` read from and
 * written to the provider's prompt cache; `reasoning` is the part of
 * `output` spent thinking (never counted on top of it).
 */
export interface TokenCounts {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
  reasoning?: number;
}

export const PRICES_CHECKED_AT: string = catalog.prices_checked_at;
export const PROVIDERS: readonly ProviderInfo[] = catalog.providers as ProviderInfo[];

const byId = new Map<string, ProviderInfo>(PROVIDERS.map((p) => [p.id, p]));
if (byId.size !== PROVIDER_IDS.length || PROVIDER_IDS.some((id) => !byId.has(id))) {
  throw new Error('providers.json and PROVIDER_IDS disagree');
}

const toMicros = (usd: number): number => Math.round(usd * 1_000_000);

/** A price-file model entry → its integer price; optional rates stay absent when the file has none. */
export function modelPrice(m: ModelInfo): ModelPrice {
  return {
    inputMicrosPerMTok: toMicros(m.input_per_mtok),
    outputMicrosPerMTok: toMicros(m.output_per_mtok),
    ...(m.cache_read_per_mtok !== undefined ? { cacheReadMicrosPerMTok: toMicros(m.cache_read_per_mtok) } : {}),
    ...(m.cache_write_per_mtok !== undefined ? { cacheWriteMicrosPerMTok: toMicros(m.cache_write_per_mtok) } : {}),
    ...(m.reasoning_per_mtok !== undefined ? { reasoningMicrosPerMTok: toMicros(m.reasoning_per_mtok) } : {}),
    ...(m.max_output_tokens !== undefined ? { maxOutputTokens: m.max_output_tokens } : {}),
  };
}

const prices = new Map<string, Map<string, ModelPrice>>(PROVIDERS.map((p) => [p.id, new Map(p.models.map((m) => [m.id.toLowerCase(), modelPrice(m)]))]));

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

/**
 * Cost of one request in integer micro-dollars (rounded to the nearest
 * micro-dollar): the one price formula. Cached prompt tokens are billed at
 * the model's cache rates, the rest of the prompt at the input rate;
 * reasoning tokens, a part of the output, at the reasoning rate when the
 * model has one, the rest of the output at the output rate.
 */
export function costMicros(price: ModelPrice, tokens: TokenCounts): number {
  const read = Math.max(0, tokens.cacheRead ?? 0);
  const write = Math.max(0, tokens.cacheWrite ?? 0);
  const uncached = Math.max(0, tokens.input - read - write);
  const output = Math.max(0, tokens.output);
  const reasoning = Math.min(output, Math.max(0, tokens.reasoning ?? 0));
  const micros =
    uncached * price.inputMicrosPerMTok +
    read * (price.cacheReadMicrosPerMTok ?? price.inputMicrosPerMTok) +
    write * (price.cacheWriteMicrosPerMTok ?? price.inputMicrosPerMTok) +
    (output - reasoning) * price.outputMicrosPerMTok +
    reasoning * (price.reasoningMicrosPerMTok ?? price.outputMicrosPerMTok);
  return Math.round(micros / 1_000_000);
}
