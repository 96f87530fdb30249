import type { EventSourceMessage } from 'eventsource-parser';
import {
  baseUrl,
  chatPost,
  count,
  errorType,
  joinUrl,
  jsonText,
  openAIError,
  parseArguments,
  parseDataUrl,
  parseJson,
  partsOf,
  stopList,
  textOf,
  unparsedError,
} from './common.js';
import {
  TranslationError,
  type ChatRequest,
  type OpenAIError,
  type ProviderKey,
  type UpstreamRequest,
  type Usage,
} from './types.js';
import { assistantChoice, chatCompletion, TranslatedAdapter, TranslatedStream } from './translated.js';

export const ANTHROPIC_VERSION = '2023-06-01';
/** Anthropic requires max_tokens; OpenAI does not. Used when the client sends none. */
const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

type Block = Record<string, unknown>;

/** Anthropic's JSON as received (parseJson): the fields read here, each optional. */
export interface AnthropicUsageJson {
  input_tokens?: unknown;
  output_tokens?: unknown;
  cache_read_input_tokens?: unknown;
  cache_creation_input_tokens?: unknown;
}
export interface AnthropicBlockJson {
  type?: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
}
interface AnthropicMessageJson {
  id?: string;
  model?: string;
  content?: unknown;
  stop_reason?: unknown;
  usage?: AnthropicUsageJson;
}
interface AnthropicErrorJson {
  type?: unknown;
  message?: unknown;
}
interface AnthropicEventJson {
  type?: string;
  index?: number;
  message?: AnthropicMessageJson;
  content_block?: AnthropicBlockJson;
  delta?: { type?: string; text?: string; partial_json?: string; stop_reason?: unknown };
  usage?: AnthropicUsageJson;
  error?: AnthropicErrorJson;
}

function contentBlocks(content: ChatRequest['messages'][number]['content'], param: string): Block[] {
  return partsOf(content).flatMap((part, i): Block[] => {
    if (part.type === 'text') {
      const text = (part as { text: string }).text;
      return text ? [{ type: 'text', text }] : [];
    }
    if (part.type === 'image_url') {
      const url = (part as { image_url?: { url?: string } }).image_url?.url ?? '';
      const data = parseDataUrl(url);
      return [{ type: 'image', source: data ? { type: 'base64', media_type: data.mediaType, data: data.data } : { type: 'url', url } }];
    }
    throw new TranslationError(`Content part type "${part.type}" is not supported by anthropic`, `${param}.content.${i}.type`);
  });
}

const TOOL_CHOICE: Record<string, unknown> = { auto: { type: 'auto' }, required: { type: 'any' }, none: { type: 'none' } };

/** OpenAI chat request → Anthropic Messages request. */
export function toAnthropicRequest(body: ChatRequest, model: string): Record<string, unknown> {
  if (body.n != null && body.n !== 1) throw new TranslationError('n > 1 is not supported by anthropic', 'n');
  const system: string[] = [];
  const messages: Array<{ role: 'user' | 'assistant'; content: Block[] }> = [];
  const push = (role: 'user' | 'assistant', blocks: Block[]) => {
    const last = messages.at(-1);
    if (last && last.role === role) last.content.push(...blocks);
    else messages.push({ role, content: blocks });
  };
  body.messages.forEach((m, i) => {
    const param = `messages.${i}`;
    switch (m.role) {
      case 'system':
      case 'developer':
        system.push(textOf(m.content));
        break;
      case 'user':
        push('user', contentBlocks(m.content, param));
        break;
      case 'assistant': {
        const blocks = contentBlocks(m.content, param);
        for (const call of m.tool_calls ?? []) {
          blocks.push({ type: 'tool_use', id: call.id, name: call.function?.name, input: parseArguments(call.function?.arguments) });
        }
        push('assistant', blocks);
        break;
      }
      case 'tool':
        push('user', [{ type: 'tool_result', tool_use_id: m.tool_call_id, content: textOf(m.content) }]);
        break;
      default:
        throw new TranslationError(`Message role "${m.role}" is not supported by anthropic`, `${param}.role`);
    }
  });

  const out: Record<string, unknown> = {
    model,
    messages,
    max_tokens: body.max_completion_tokens ?? body.max_tokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
  };
  const systemText = system.filter(Boolean).join('\n\n');
  if (systemText) out.system = systemText;
  if (body.temperature != null) out.temperature = body.temperature;
  if (body.top_p != null) out.top_p = body.top_p;
  const stop = stopList(body.stop);
  if (stop) out.stop_sequences = stop;
  if (body.stream) out.stream = true;
  if (typeof body.user === 'string') out.metadata = { user_id: body.user };
  if (body.tools?.length) {
    out.tools = body.tools.map((t) => ({
      name: t.function.name,
      ...(t.function.description ? { description: t.function.description } : {}),
      input_schema: t.function.parameters ?? { type: 'object', properties: {} },
    }));
  }
  const choice = body.tool_choice;
  if (typeof choice === 'string' && TOOL_CHOICE[choice]) out.tool_choice = TOOL_CHOICE[choice];
  else if (choice && typeof choice === 'object') {
    const name = (choice as { function?: { name?: string } }).function?.name;
    if (name) out.tool_choice = { type: 'tool', name };
  }
  return out;
}

/** Anthropic error types and the HTTP status Anthropic gives each (for errors that arrive inside a stream). */
const ANTHROPIC_ERROR_STATUS: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

const FINISH: Record<string, string> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};
const finishReason = (reason: unknown): string => FINISH[jsonText(reason)] ?? 'stop';

/**
 * Anthropic's `input_tokens` excludes the prompt tokens read from or written
 * to the cache; atrium's (and OpenAI's) input count includes them, with the
 * cache parts kept apart so they are billed at the cache rates.
 */
export function anthropicUsage(usage: AnthropicUsageJson | undefined): Usage {
  const read = count(usage?.cache_read_input_tokens);
  const write = count(usage?.cache_creation_input_tokens);
  const cache = usage?.cache_read_input_tokens != null || usage?.cache_creation_input_tokens != null ? { cacheReadTokens: read, cacheWriteTokens: write } : {};
  return { inputTokens: count(usage?.input_tokens) + read + write, outputTokens: count(usage?.output_tokens), ...cache };
}

/** Anthropic message → OpenAI chat.completion. */
export function fromAnthropicResponse(message: AnthropicMessageJson | undefined, model: string): { body: Record<string, unknown>; usage: Usage } {
  const blocks: AnthropicBlockJson[] = Array.isArray(message?.content) ? (message.content as AnthropicBlockJson[]) : [];
  const text = blocks.filter((b) => b.type === 'text').map((b) => b.text).join('');
  const toolCalls = blocks
    .filter((b) => b.type === 'tool_use')
    .map((b) => ({ id: b.id ?? '', type: 'function' as const, function: { name: b.name ?? '', arguments: JSON.stringify(b.input ?? {}) } }));
  const usage = anthropicUsage(message?.usage);
  const choice = assistantChoice(0, text, toolCalls, finishReason(message?.stop_reason));
  return { usage, body: chatCompletion(message?.id ?? 'chatcmpl-anthropic', message?.model ?? model, [choice], usage) };
}

/** Anthropic streaming events → OpenAI chunks, ending with a usage chunk and [DONE]. */
export class AnthropicStream extends TranslatedStream {
  private readonly toolIndex = new Map<number, number>();
  private input: Usage = { inputTokens: 0, outputTokens: 0 };
  private output = 0;

  protected override onEvent(event: EventSourceMessage): string | string[] | void {
    const data = parseJson(event.data) as AnthropicEventJson | undefined;
    if (!data) return;
    switch (data.type) {
      case 'message_start': {
        if (data.message?.id) this.writer.id = data.message.id;
        if (data.message?.model) this.writer.model = data.message.model;
        const usage = anthropicUsage(data.message?.usage);
        this.input = usage;
        this.output = usage.outputTokens;
        this.usage = usage;
        return this.writer.chunk({ role: 'assistant', content: '' });
      }
      case 'content_block_start': {
        const block = data.content_block;
        if (block?.type === 'tool_use') {
          const index = this.toolIndex.size;
          this.toolIndex.set(data.index ?? 0, index);
          return this.writer.chunk({ tool_calls: [{ index, id: block.id, type: 'function', function: { name: block.name, arguments: '' } }] });
        }
        if (block?.type === 'text' && block.text) {
          this.outputChars += block.text.length;
          return this.writer.chunk({ content: block.text });
        }
        return;
      }
      case 'content_block_delta': {
        const delta = data.delta;
        if (delta?.type === 'text_delta') {
          const text = delta.text ?? '';
          this.outputChars += text.length;
          return this.writer.chunk({ content: text });
        }
        if (delta?.type === 'input_json_delta') {
          const index = this.toolIndex.get(data.index ?? 0) ?? 0;
          this.outputChars += (delta.partial_json ?? '').length;
          return this.writer.chunk({ tool_calls: [{ index, function: { arguments: delta.partial_json } }] });
        }
        return;
      }
      case 'message_delta': {
        // Counts here are cumulative; input and cache counts only appear in newer API versions.
        if (data.usage?.input_tokens != null) {
          const later = anthropicUsage(data.usage);
          if (later.inputTokens >= this.input.inputTokens) this.input = later;
        }
        if (data.usage?.output_tokens != null) this.output = Math.max(this.output, count(data.usage.output_tokens));
        this.usage = this.totals();
        return data.delta?.stop_reason ? this.writer.chunk({}, finishReason(data.delta.stop_reason)) : undefined;
      }
      case 'message_stop':
        return this.finish();
      case 'error': {
        const error: AnthropicErrorJson = data.error ?? {};
        const type = typeof error.type === 'string' ? error.type : null;
        return this.fail(ANTHROPIC_ERROR_STATUS[type ?? ''] ?? 502, jsonText(error.message ?? 'Provider stream error'), type);
      }
      default:
        return;
    }
  }

  private totals(): Usage {
    return { ...this.input, outputTokens: this.output };
  }

  /** The usage chunk carries the cumulative counts of the whole stream. */
  protected override finish(): string[] {
    if (!this.done) this.usage = this.totals();
    return super.finish();
  }
}

function anthropicError(status: number, raw: Buffer): OpenAIError {
  const body = parseJson(raw) as { error?: AnthropicErrorJson } | undefined;
  const error = body?.error;
  if (error && typeof error === 'object') {
    const code = typeof error.type === 'string' ? error.type : null;
    return openAIError(status, jsonText(error.message ?? code ?? `HTTP ${status}`), status === 401 ? 'invalid_api_key' : code, errorType(status));
  }
  return unparsedError(status, raw);
}

export class AnthropicAdapter extends TranslatedAdapter {
  readonly id = 'anthropic';
  protected readonly Stream = AnthropicStream;

  private headers(key: ProviderKey): Record<string, string> {
    return { 'x-api-key': key.apiKey, 'anthropic-version': ANTHROPIC_VERSION };
  }

  chatRequest(key: ProviderKey, model: string, body: ChatRequest): UpstreamRequest {
    const url = joinUrl(baseUrl(key, 'https://api.anthropic.com'), 'v1/messages');
    return chatPost(url, this.headers(key), JSON.stringify(toAnthropicRequest(body, model)), Boolean(body.stream));
  }

  protected fromResponse(message: unknown, model: string) {
    return fromAnthropicResponse(message as AnthropicMessageJson, model);
  }

  error(status: number, raw: Buffer): OpenAIError {
    return anthropicError(status, raw);
  }

  testRequest(key: ProviderKey): UpstreamRequest {
    return { url: joinUrl(baseUrl(key, 'https://api.anthropic.com'), 'v1/models'), method: 'GET', headers: this.headers(key) };
  }
}
