import { randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser';
import type { ChatMessage, ContentPart, OpenAIError, ProviderKey, UpstreamRequest, Usage, UsageTransform } from './types.js';

/** `base` + `path`, keeping any path prefix of `base` and dropping duplicate slashes. */
export function joinUrl(base: string, path: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return url;
}

/** The base URL of a key: its own endpoint when it has one, else the provider's public API. */
export const baseUrl = (key: ProviderKey, fallback: string): string => key.endpointUrl || fallback;

/**
 * JSON as received, or undefined when it is not JSON. Callers name the provider's documented shape
 * with every field optional and still read it defensively: an upstream can send anything.
 */
export function parseJson(raw: Buffer | string): unknown {
  try {
    return JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A value from a provider's JSON as text: a string as it is, anything else as its JSON. */
export const jsonText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/** OpenAI's `type` for an HTTP status. */
export function errorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

export function openAIError(status: number, message: string, code: string | null = null, type = errorType(status)): OpenAIError {
  return { message, type, param: null, code };
}

/** The first bytes of a body that is not JSON, for an error message. */
export const snippet = (raw: Buffer): string => raw.toString('utf8', 0, 200).replace(/\s+/g, ' ').trim();

/** A chat call: a JSON body; `accept` says JSON or SSE for providers that read it (undefined: no accept header). */
export function chatPost(url: URL, headers: Record<string, string>, body: string, stream?: boolean): UpstreamRequest {
  const accept: Record<string, string> = stream === undefined ? {} : { accept: stream ? 'text/event-stream' : 'application/json' };
  return { url, method: 'POST', headers: { ...headers, 'content-type': 'application/json', ...accept }, body };
}

/** The error of a body that is not the provider's error shape: its first bytes, or the status. */
export const unparsedError = (status: number, raw: Buffer): OpenAIError => openAIError(status, snippet(raw) || `Provider answered HTTP ${status}`);

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export const randomId = (prefix: string): string => `${prefix}${randomBytes(12).toString('base64url')}`;

/** The text of an OpenAI message content (string or parts). */
export function textOf(content: ChatMessage['content']): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content
    .filter((p): p is { type: 'text'; text: string } => p.type === 'text' && typeof (p as { text?: unknown }).text === 'string')
    .map((p) => p.text)
    .join('');
}

export const partsOf = (content: ChatMessage['content']): ContentPart[] =>
  content == null ? [] : typeof content === 'string' ? [{ type: 'text', text: content }] : content;

/** `data:<mime>;base64,<data>` → its parts; undefined for other URLs. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  return match ? { mediaType: match[1], data: match[2] } : undefined;
}

/** Tool-call arguments are a JSON string in OpenAI's shape and an object elsewhere. */
export function parseArguments(args: string | undefined): Record<string, unknown> {
  if (!args) return {};
  const parsed = parseJson(args);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

export const stopList = (stop: string | string[] | null | undefined): string[] | undefined =>
  stop == null ? undefined : Array.isArray(stop) ? stop : [stop];

const sseData = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`;
export const SSE_DONE = 'data: [DONE]\n\n';

/** Builds OpenAI `chat.completion.chunk` objects for one translated stream. */
export class ChunkWriter {
  id: string;
  readonly created = nowSeconds();

  constructor(
    public model: string,
    id = randomId('chatcmpl-'),
  ) {
    this.id = id;
  }

  /** `index` is the choice (OpenAI's n; one Gemini candidate each). */
  chunk(delta: Record<string, unknown>, finishReason: string | null = null, index = 0): string {
    return sseData({
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [{ index, delta, logprobs: null, finish_reason: finishReason }],
    });
  }

  /** The final usage chunk, as OpenAI sends it with `stream_options.include_usage`. */
  usage(usage: Usage): string {
    return sseData({
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [],
      usage: toOpenAIUsage(usage),
    });
  }
}

/**
 * OpenAI's `usage`: `prompt_tokens` includes cached tokens, reported again in
 * `prompt_tokens_details.cached_tokens`; `completion_tokens` includes the
 * reasoning tokens, reported again in `completion_tokens_details.reasoning_tokens`.
 */
export function toOpenAIUsage(usage: Usage) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    ...(usage.cacheReadTokens !== undefined || usage.cacheWriteTokens !== undefined ? { prompt_tokens_details: { cached_tokens: usage.cacheReadTokens ?? 0 } } : {}),
    ...(usage.reasoningTokens !== undefined ? { completion_tokens_details: { reasoning_tokens: usage.reasoningTokens } } : {}),
  };
}

/** A token count from a provider's JSON: a finite, non-negative number, else 0. */
export const count = (value: unknown): number => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** OpenAI's `usage` as received. */
export interface OpenAIUsageJson {
  prompt_tokens?: unknown;
  completion_tokens?: unknown;
  prompt_tokens_details?: { cached_tokens?: unknown } | null;
  completion_tokens_details?: { reasoning_tokens?: unknown } | null;
}

/** Reads OpenAI-shaped `usage` (prompt/completion tokens, cached prompt tokens, reasoning completion tokens). */
export function fromOpenAIUsage(usage: OpenAIUsageJson | null | undefined): Usage | null {
  if (!usage || typeof usage !== 'object') return null;
  const input = Number(usage.prompt_tokens);
  const output = Number(usage.completion_tokens ?? 0);
  if (!Number.isFinite(input) || !Number.isFinite(output)) return null;
  const cached = usage.prompt_tokens_details?.cached_tokens;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  return {
    inputTokens: input,
    outputTokens: output,
    ...(cached != null ? { cacheReadTokens: Math.min(count(cached), input) } : {}),
    ...(reasoning != null ? { reasoningTokens: Math.min(count(reasoning), count(output)) } : {}),
  };
}

/**
 * A transform that reads server-sent events from the provider and writes
 * whatever `onEvent` returns. Subclasses translate; the pass-through one
 * writes the bytes unchanged and only watches for usage.
 */
export abstract class SseTransform extends Transform implements UsageTransform {
  usage: Usage | null = null;
  outputChars = 0;
  failure: { status: number } | null = null;
  redact?: (text: string) => string;
  private readonly decoder = new StringDecoder('utf8');
  private readonly parser: EventSourceParser;
  private out: string[] = [];

  constructor() {
    super();
    this.parser = createParser({ onEvent: (event) => this.emitAll(this.onEvent(event)) });
  }

  /**
   * The provider reported an error mid-stream: remember the status to record
   * and return the OpenAI-style error event that ends the client's stream
   * (as OpenAI does: `data: {"error": …}`, no [DONE]).
   */
  protected streamError(status: number, message: string, code: string | null): string {
    this.failure = { status };
    return sseData({ error: openAIError(status, this.redact ? this.redact(message) : message, code) });
  }

  /** Returns the output for one event (already SSE-framed), or nothing. */
  protected abstract onEvent(event: EventSourceMessage): string | string[] | void;
  /** Output once the provider's stream ended. */
  protected onEnd(): string | string[] | void {}

  private emitAll(value: string | string[] | void): void {
    if (value === undefined) return;
    if (typeof value === 'string') this.out.push(value);
    else this.out.push(...value);
  }

  protected passBytes(): boolean {
    return false;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.parser.feed(this.decoder.write(chunk));
    } catch (error) {
      return callback(error as Error);
    }
    if (this.passBytes()) {
      this.out = [];
      return callback(null, chunk);
    }
    const text = this.out.join('');
    this.out = [];
    callback(null, text.length ? text : undefined);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.parser.feed(this.decoder.end());
      this.parser.reset({ consume: true });
      this.emitAll(this.onEnd());
    } catch (error) {
      return callback(error as Error);
    }
    const text = this.passBytes() ? '' : this.out.join('');
    this.out = [];
    callback(null, text.length ? text : undefined);
  }
}
