import { ChunkWriter, nowSeconds, parseJson, SSE_DONE, SseTransform, toOpenAIUsage } from './common.js';
import type { ChatRequest, OpenAIError, ProviderAdapter, ProviderKey, UpstreamRequest, Usage, UsageTransform } from './types.js';

/**
 * What every translating adapter (Anthropic, Gemini, Cohere) shares: the
 * OpenAI response and chunk shapes they produce, the JSON-in/JSON-out
 * wrapper and the end of a translated stream. Each
 * adapter keeps only what is specific to its provider.
 */

const NO_USAGE: Usage = { inputTokens: 0, outputTokens: 0 };

/** One OpenAI tool call of a translated response. */
interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** One choice of an OpenAI `chat.completion`: text (null when only tools were called) and tool calls. */
export function assistantChoice(index: number, text: string, toolCalls: ToolCall[], finishReason: string | null) {
  return {
    index,
    message: { role: 'assistant', content: text || (toolCalls.length ? null : ''), refusal: null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
    logprobs: null,
    finish_reason: finishReason,
  };
}

/** An OpenAI `chat.completion` body (usage zeros when the provider reported none). */
export function chatCompletion(id: string, model: string, choices: unknown[], usage: Usage | null): Record<string, unknown> {
  return { id, object: 'chat.completion', created: nowSeconds(), model, choices, usage: toOpenAIUsage(usage ?? NO_USAGE) };
}

/** A provider stream translated to OpenAI chunks: ends with one usage chunk and [DONE], or with an error event. */
export abstract class TranslatedStream extends SseTransform {
  protected readonly writer: ChunkWriter;
  /** The client's stream is complete: [DONE] or an error event was written. */
  protected done = false;

  constructor(model: string) {
    super();
    this.writer = new ChunkWriter(model);
  }

  /** The usage chunk and [DONE], once. */
  protected finish(): string[] {
    if (this.done) return [];
    this.done = true;
    return [this.writer.usage(this.usage ?? NO_USAGE), SSE_DONE];
  }

  /** The provider's error event: the OpenAI error event that ends the client's stream (no [DONE] after it). */
  protected fail(status: number, message: string, code: string | null): string[] {
    this.done = true;
    return [this.streamError(status, message, code)];
  }

  protected override onEnd(): string[] {
    return this.finish();
  }
}

/** A translating adapter: the provider's JSON ⇄ OpenAI's, streams through `Stream`. */
export abstract class TranslatedAdapter implements ProviderAdapter {
  abstract readonly id: string;
  readonly kind = 'translated' as const;
  /** The stream translator of this provider. */
  protected abstract readonly Stream: new (model: string) => UsageTransform;

  abstract chatRequest(key: ProviderKey, model: string, body: ChatRequest): UpstreamRequest;
  abstract testRequest(key: ProviderKey): UpstreamRequest;
  abstract error(status: number, raw: Buffer): OpenAIError;
  /** The provider's parsed 2xx body → an OpenAI `chat.completion` and its usage. */
  protected abstract fromResponse(response: unknown, model: string): { body: Record<string, unknown>; usage: Usage | null };

  chatResponse(raw: Buffer, model: string): { body: string; usage: Usage | null } {
    const response = parseJson(raw);
    if (!response) throw new Error(`${this.id} answered with a body that is not JSON`);
    const { body, usage } = this.fromResponse(response, model);
    return { body: JSON.stringify(body), usage };
  }

  chatStream(model: string): UsageTransform {
    return new this.Stream(model);
  }
}
