import { AzureOpenAIAdapter } from './azure.js';
import { COHERE_BASE } from './cohere.js';
import { baseUrl, chatPost, count, fromOpenAIUsage, joinUrl, parseJson, type OpenAIUsageJson } from './common.js';
import { GEMINI_BASE, modelPath } from './gemini.js';
import { TranslationError, type ProviderKey, type UpstreamRequest, type Usage } from './types.js';

/** An OpenAI embeddings request after validation (`POST /v1/embeddings`). */
export interface EmbeddingsRequest {
  model: string;
  /** One text, several texts, one list of token ids, or several. */
  input: string | string[] | number[] | number[][];
  encoding_format?: 'float' | 'base64' | null;
  dimensions?: number | null;
  user?: string | null;
}

/**
 * How one provider computes embeddings: a pure request builder and a
 * response translator to OpenAI's `list` of `embedding` objects. Errors use
 * the provider's chat adapter (`error`, `retryAfter`): a provider answers
 * both APIs in the same error shape.
 */
export interface EmbeddingsAdapter {
  /** The upstream call; throws TranslationError for input the provider cannot take. */
  request(key: ProviderKey, model: string, body: EmbeddingsRequest): UpstreamRequest;
  /** A 2xx body → the OpenAI embeddings response bytes, and its usage (input tokens only). */
  response(raw: Buffer, model: string, body: EmbeddingsRequest): { body: Buffer | string; usage: Usage | null };
}

/** The texts of an input, for providers that take text only (token ids are OpenAI's tokenizer's). */
function textsOf(body: EmbeddingsRequest, provider: string, max: number): string[] {
  const input = body.input;
  const texts = typeof input === 'string' ? [input] : input;
  if (!texts.every((t): t is string => typeof t === 'string')) {
    throw new TranslationError(`${provider} embeds text only: send input as a string or an array of strings (token ids are not supported)`, 'input');
  }
  // Above this the provider refuses the whole call; atrium says so before anything is consumed.
  if (texts.length > max) throw new TranslationError(`${provider} embeds at most ${max} inputs per request (${texts.length} sent)`, 'input');
  return texts;
}

/** A float vector as OpenAI's base64 encoding: the float32 values, little-endian, base64. */
function floatsToBase64(values: number[]): string {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  return bytes.toString('base64');
}

/** OpenAI's embeddings response from plain float vectors, encoded as the client asked. */
function embeddingList(vectors: number[][], model: string, body: EmbeddingsRequest, usage: Usage | null): string {
  const base64 = body.encoding_format === 'base64';
  const prompt = usage?.inputTokens ?? 0;
  return JSON.stringify({
    object: 'list',
    data: vectors.map((values, index) => ({ object: 'embedding', index, embedding: base64 ? floatsToBase64(values) : values })),
    model,
    usage: { prompt_tokens: prompt, total_tokens: prompt },
  });
}

/** The provider's vectors: one array of finite numbers per input, or the body is unreadable. */
function vectors(list: unknown, expected: number, provider: string): number[][] {
  if (!Array.isArray(list) || list.length !== expected || !list.every((v) => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)))) {
    throw new Error(`${provider} answered without one embedding per input`);
  }
  return list as number[][];
}

/** The providers' JSON as received (parseJson): the fields read here, each optional. */
interface OpenAIEmbeddingsJson {
  usage?: OpenAIUsageJson | null;
}
interface GeminiEmbeddingsJson {
  embeddings?: Array<{ values?: unknown } | null>;
}
interface CohereEmbeddingsJson {
  embeddings?: { float?: unknown } | null;
  meta?: { billed_units?: { input_tokens?: unknown } | null } | null;
}

const openAIResponse = (raw: Buffer) => ({ body: raw, usage: fromOpenAIUsage((parseJson(raw) as OpenAIEmbeddingsJson | undefined)?.usage) });
const bearer = (key: ProviderKey): Record<string, string> => (key.apiKey ? { authorization: `Bearer ${key.apiKey}` } : {});

/**
 * Providers that speak OpenAI's `/embeddings`: the body goes through with
 * the provider's model name and the response comes back byte for byte
 * (base64 included: the provider encodes it). `shape` adapts the body for
 * providers whose parameters differ (Mistral).
 */
class PassthroughEmbeddings implements EmbeddingsAdapter {
  constructor(
    private readonly id: string,
    private readonly defaultBaseUrl: string | null,
    private readonly shape: (body: EmbeddingsRequest, model: string) => Record<string, unknown> = (body, model) => ({ ...body, model }),
  ) {}

  request(key: ProviderKey, model: string, body: EmbeddingsRequest): UpstreamRequest {
    const base = baseUrl(key, this.defaultBaseUrl ?? '');
    if (!base) throw new Error(`${this.id} keys need an endpoint_url`);
    return chatPost(joinUrl(base, 'embeddings'), bearer(key), JSON.stringify(this.shape(body, model)), false);
  }

  response(raw: Buffer) {
    return openAIResponse(raw);
  }
}

/**
 * Mistral's `/v1/embeddings` takes `input` (text only), `encoding_format` and
 * `output_dimension` instead of `dimensions`, and refuses fields it does not
 * know (so `user` is left out).
 */
function mistralBody(body: EmbeddingsRequest, model: string): Record<string, unknown> {
  textsOf(body, 'mistral', Number.MAX_SAFE_INTEGER);
  return {
    model,
    input: body.input,
    ...(body.encoding_format != null ? { encoding_format: body.encoding_format } : {}),
    ...(body.dimensions != null ? { output_dimension: body.dimensions } : {}),
  };
}

/** Azure OpenAI: `{endpoint}/openai/deployments/{deployment}/embeddings`; the key's deployment wins, as for chat. */
class AzureEmbeddings implements EmbeddingsAdapter {
  private readonly azure = new AzureOpenAIAdapter();

  request(key: ProviderKey, model: string, body: EmbeddingsRequest): UpstreamRequest {
    const deployment = key.deploymentName || model;
    const url = this.azure.url(key, `openai/deployments/${encodeURIComponent(deployment)}/embeddings`);
    return chatPost(url, { 'api-key': key.apiKey }, JSON.stringify({ ...body, model }), false);
  }

  response(raw: Buffer) {
    return openAIResponse(raw);
  }
}

/** Gemini's batchEmbedContents takes at most 100 requests. */
const GEMINI_MAX_INPUTS = 100;

/**
 * Gemini: `POST /v1beta/models/{model}:batchEmbedContents` with one
 * EmbedContentRequest per input (`dimensions` → `outputDimensionality`);
 * the answer's `embeddings[].values` are the vectors. Gemini reports no
 * token counts for embeddings, so the usage row is estimated.
 */
class GeminiEmbeddings implements EmbeddingsAdapter {
  request(key: ProviderKey, model: string, body: EmbeddingsRequest): UpstreamRequest {
    const texts = textsOf(body, 'gemini', GEMINI_MAX_INPUTS);
    const name = `models/${model.replace(/^models\//, '')}`;
    const requests = texts.map((text) => ({
      model: name,
      content: { parts: [{ text }] },
      ...(body.dimensions != null ? { outputDimensionality: body.dimensions } : {}),
    }));
    const url = joinUrl(baseUrl(key, GEMINI_BASE), `${modelPath(model)}:batchEmbedContents`);
    return chatPost(url, { 'x-goog-api-key': key.apiKey }, JSON.stringify({ requests }));
  }

  response(raw: Buffer, model: string, body: EmbeddingsRequest) {
    const parsed = parseJson(raw) as GeminiEmbeddingsJson | undefined;
    const list = Array.isArray(parsed?.embeddings) ? parsed.embeddings : [];
    const expected = typeof body.input === 'string' ? 1 : body.input.length;
    return { body: embeddingList(vectors(list.map((e) => e?.values), expected, 'gemini'), model, body, null), usage: null };
  }
}

/** Cohere's v2 Embed takes at most 96 texts. */
const COHERE_MAX_INPUTS = 96;

/**
 * Cohere: native `POST /v2/embed` with `texts`, `embedding_types: ["float"]`
 * (atrium encodes base64 itself, as OpenAI does) and `dimensions` →
 * `output_dimension`. OpenAI's API has no input type: atrium sends
 * `search_document`, the input type for text that is stored and searched,
 * which v3+ models require. `meta.billed_units.input_tokens` is what Cohere charges.
 */
class CohereEmbeddings implements EmbeddingsAdapter {
  request(key: ProviderKey, model: string, body: EmbeddingsRequest): UpstreamRequest {
    const texts = textsOf(body, 'cohere', COHERE_MAX_INPUTS);
    const out = {
      model,
      texts,
      input_type: 'search_document',
      embedding_types: ['float'],
      ...(body.dimensions != null ? { output_dimension: body.dimensions } : {}),
    };
    return chatPost(joinUrl(baseUrl(key, COHERE_BASE), 'v2/embed'), { authorization: `Bearer ${key.apiKey}` }, JSON.stringify(out), false);
  }

  response(raw: Buffer, model: string, body: EmbeddingsRequest) {
    const parsed = parseJson(raw) as CohereEmbeddingsJson | undefined;
    const expected = typeof body.input === 'string' ? 1 : body.input.length;
    const units = parsed?.meta?.billed_units;
    const usage: Usage | null = units && units.input_tokens != null ? { inputTokens: count(units.input_tokens), outputTokens: 0 } : null;
    return { body: embeddingList(vectors(parsed?.embeddings?.float, expected, 'cohere'), model, body, usage), usage };
  }
}

/** Anthropic and Groq have no embeddings API: they are absent, and the gateway answers 400 before any call. */
const EMBEDDINGS: Record<string, EmbeddingsAdapter> = {
  openai: new PassthroughEmbeddings('openai', 'https://api.openai.com/v1'),
  openrouter: new PassthroughEmbeddings('openrouter', 'https://openrouter.ai/api/v1'),
  custom: new PassthroughEmbeddings('custom', null),
  mistral: new PassthroughEmbeddings('mistral', 'https://api.mistral.ai/v1', mistralBody),
  azure_openai: new AzureEmbeddings(),
  gemini: new GeminiEmbeddings(),
  cohere: new CohereEmbeddings(),
};

/** Every provider with an embeddings API. */
export const EMBEDDING_PROVIDERS = Object.keys(EMBEDDINGS);

export function embeddingsAdapterFor(provider: string): EmbeddingsAdapter | undefined {
  return Object.hasOwn(EMBEDDINGS, provider) ? EMBEDDINGS[provider] : undefined;
}
