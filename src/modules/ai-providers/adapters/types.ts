import type { Transform } from 'node:stream';

/** What an adapter needs to call a provider: the decrypted key and where to reach it. */
export interface ProviderKey {
  provider: string;
  apiKey: string;
  endpointUrl: string | null;
  deploymentName: string | null;
}

/**
 * Token counts of one call. `inputTokens` counts every prompt token (as
 * OpenAI's `prompt_tokens` does); the cache counts, when the provider reports
 * them, are the parts of it read from / written to its prompt cache.
 * `reasoningTokens` is the part of `outputTokens` the model spent thinking
 * (every adapter counts it inside the output, as OpenAI does).
 */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
}

/** The body of an OpenAI error response: `{"error": {...}}`. */
export interface OpenAIError {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** An OpenAI chat request after validation: the fields atrium reads are typed, the rest passes through. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: Record<string, unknown> | null;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  n?: number | null;
  stop?: string | string[] | null;
  tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: unknown } }>;
  tool_choice?: unknown;
  response_format?: { type: string; json_schema?: { schema?: unknown } } | null;
  user?: string;
  seed?: number | null;
  presence_penalty?: number | null;
  frequency_penalty?: number | null;
  [key: string]: unknown;
}

export interface ChatMessage {
  role: string;
  content?: string | ContentPart[] | null;
  name?: string;
  tool_calls?: Array<{ id: string; type?: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
  [key: string]: unknown;
}

export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: string } }
  | { type: string; [key: string]: unknown };

/** One HTTP request to a provider. */
export interface UpstreamRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/**
 * A stream transform from the provider's bytes to OpenAI SSE bytes. After it
 * ends, `usage` holds the provider's figures (null if none arrived) and
 * `outputChars` the generated text seen, to estimate when usage is missing.
 */
export interface UsageTransform extends Transform {
  usage: Usage | null;
  outputChars: number;
  /**
   * Set when the provider ended the stream with an error event (HTTP 200
   * already sent): the status to record for the request. Its usage is then
   * estimated, never exact.
   */
  failure: { status: number } | null;
  /** Removes the provider key from error text atrium writes into the stream. */
  redact?: (text: string) => string;
}

/** Whether the adapter passes OpenAI bodies through or translates them. */
type AdapterKind = 'passthrough' | 'translated';

export interface ProviderAdapter {
  readonly id: string;
  readonly kind: AdapterKind;
  /** The request for a chat completion; `model` is the provider's own model name. */
  chatRequest(key: ProviderKey, model: string, body: ChatRequest): UpstreamRequest;
  /** A 2xx non-streaming body → the OpenAI `chat.completion` bytes to return, and its usage. */
  chatResponse(raw: Buffer, model: string): { body: Buffer | string; usage: Usage | null };
  /** A transform for a 2xx streaming body. */
  chatStream(model: string): UsageTransform;
  /** A non-2xx body → the OpenAI error fields. */
  error(status: number, raw: Buffer): OpenAIError;
  /** Seconds to wait, for providers that say so in the error body rather than a Retry-After header. */
  retryAfter?(status: number, raw: Buffer): string | undefined;
  /** The cheapest authenticated call that proves a key works (list models). */
  testRequest(key: ProviderKey): UpstreamRequest;
  /** Whether a failed test response means "this key is invalid" (beyond 401/403). */
  isInvalidKey?(status: number, raw: Buffer): boolean;
}

/** A client mistake found while translating a request (e.g. an unsupported content part). */
export class TranslationError extends Error {
  constructor(
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'TranslationError';
  }
}
