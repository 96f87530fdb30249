import type { EventSourceMessage } from 'eventsource-parser';
import { baseUrl, chatPost, errorType, fromOpenAIUsage, joinUrl, jsonText, openAIError, parseJson, SseTransform, unparsedError, type OpenAIUsageJson } from './common.js';
import type { ChatRequest, OpenAIError, ProviderAdapter, ProviderKey, UpstreamRequest, Usage, UsageTransform } from './types.js';

/**
 * Providers that speak OpenAI's chat API: bodies go through unchanged except
 * for the model name and `stream_options.include_usage`, and responses come
 * back byte for byte. Usage is read from the last chunk (OpenAI, Groq,
 * OpenRouter, vLLM, Ollama with `include_usage`; Mistral always sends it).
 */
export interface OpenAICompatibleOptions {
  id: string;
  /** Base URL including the version segment; custom providers have none and need endpoint_url. */
  defaultBaseUrl: string | null;
  /**
   * Whether to add `stream_options: {include_usage: true}`. Mistral rejects
   * unknown fields and always reports usage in the last chunk, so not there.
   */
  streamOptions: boolean;
  /** Path of the key test, relative to the base URL. */
  testPath?: string;
}

/** Chat body for an OpenAI-compatible upstream: the provider's model name, usage forced on streams. */
export function passthroughBody(body: ChatRequest, model: string, streamOptions: boolean): string {
  const out: ChatRequest = { ...body, model };
  if (body.stream === true && streamOptions) {
    const given = body.stream_options && typeof body.stream_options === 'object' ? body.stream_options : {};
    out.stream_options = { ...given, include_usage: true };
  }
  return JSON.stringify(out);
}

/** OpenAI-style JSON as received (parseJson): the fields read here, each optional. */
interface OpenAIErrorJson {
  message?: unknown;
  type?: unknown;
  param?: unknown;
  code?: unknown;
}
interface CompatibleErrorBodyJson extends OpenAIErrorJson {
  error?: unknown;
  detail?: unknown;
}
interface OpenAIChunkJson {
  error?: unknown;
  usage?: OpenAIUsageJson;
  x_groq?: { usage?: OpenAIUsageJson };
  choices?: { delta?: { content?: unknown } }[];
}

/** Reads OpenAI-style errors, and the looser shapes of compatible servers (Mistral, vLLM, Ollama). */
export function openAICompatibleError(status: number, raw: Buffer): OpenAIError {
  const body = parseJson(raw) as CompatibleErrorBodyJson | undefined;
  const error = body?.error;
  if (error && typeof error === 'object') {
    const e = error as OpenAIErrorJson;
    return {
      message: typeof e.message === 'string' ? e.message : JSON.stringify(e.message ?? e),
      type: typeof e.type === 'string' ? e.type : errorType(status),
      param: typeof e.param === 'string' ? e.param : null,
      code: e.code == null ? null : jsonText(e.code),
    };
  }
  if (typeof error === 'string') return openAIError(status, error);
  if (body && typeof body === 'object' && body.message !== undefined) {
    const message = typeof body.message === 'string' ? body.message : JSON.stringify(body.message);
    return { message, type: typeof body.type === 'string' ? body.type : errorType(status), param: typeof body.param === 'string' ? body.param : null, code: body.code == null ? null : jsonText(body.code) };
  }
  if (body && typeof body.detail === 'string') return openAIError(status, body.detail);
  return unparsedError(status, raw);
}

/** Passes SSE bytes through untouched, reading usage from the chunk that carries it. */
export class PassthroughStream extends SseTransform {
  protected override passBytes(): boolean {
    return true;
  }

  protected override onEvent(event: EventSourceMessage): void {
    if (event.data === '[DONE]') return;
    const chunk = parseJson(event.data) as OpenAIChunkJson | undefined;
    if (!chunk) return;
    if (chunk.error && typeof chunk.error === 'object') {
      // OpenAI and OpenRouter end a failed stream with `data: {"error": …}`; the bytes go through as they are.
      const code = Number((chunk.error as { code?: unknown }).code);
      this.failure = { status: code >= 400 && code < 600 ? code : 502 };
      return;
    }
    const usage = fromOpenAIUsage(chunk.usage ?? chunk.x_groq?.usage);
    if (usage) this.usage = usage;
    const content = chunk.choices?.[0]?.delta?.content;
    if (typeof content === 'string') this.outputChars += content.length;
  }
}

function readOpenAIResponse(raw: Buffer): Usage | null {
  return fromOpenAIUsage((parseJson(raw) as { usage?: OpenAIUsageJson } | undefined)?.usage);
}

export class OpenAICompatibleAdapter implements ProviderAdapter {
  readonly kind = 'passthrough' as const;
  readonly id: string;

  constructor(private readonly options: OpenAICompatibleOptions) {
    this.id = options.id;
  }

  protected base(key: ProviderKey): string {
    const base = baseUrl(key, this.options.defaultBaseUrl ?? '');
    if (!base) throw new Error(`${this.id} keys need an endpoint_url`);
    return base;
  }

  /** A custom server (Ollama, LM Studio) may need no key at all. */
  protected headers(key: ProviderKey): Record<string, string> {
    return key.apiKey ? { authorization: `Bearer ${key.apiKey}` } : {};
  }

  chatRequest(key: ProviderKey, model: string, body: ChatRequest): UpstreamRequest {
    return chatPost(joinUrl(this.base(key), 'chat/completions'), this.headers(key), passthroughBody(body, model, this.options.streamOptions), Boolean(body.stream));
  }

  chatResponse(raw: Buffer): { body: Buffer; usage: Usage | null } {
    return { body: raw, usage: readOpenAIResponse(raw) };
  }

  chatStream(): UsageTransform {
    return new PassthroughStream();
  }

  error(status: number, raw: Buffer): OpenAIError {
    return openAICompatibleError(status, raw);
  }

  testRequest(key: ProviderKey): UpstreamRequest {
    return { url: joinUrl(this.base(key), this.options.testPath ?? 'models'), method: 'GET', headers: this.headers(key) };
  }
}
