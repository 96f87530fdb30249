import type { EventSourceMessage } from 'eventsource-parser';
import {
  baseUrl,
  chatPost,
  errorType,
  joinUrl,
  jsonText,
  openAIError,
  parseJson,
  partsOf,
  snippet,
  stopList,
  textOf,
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

const COHERE_BASE = 'https://api.cohere.com';

/**
 * Cohere's native v2 Chat API, translated rather than sent to its OpenAI
 * compatibility endpoint: v2 reports `billed_units` (what Cohere charges) on
 * plain and streamed responses alike, so costs are exact. v2 messages are
 * close to OpenAI's: roles and tool calls map one to one.
 */
export function toCohereRequest(body: ChatRequest, model: string): Record<string, unknown> {
  if (body.n != null && body.n !== 1) throw new TranslationError('n > 1 is not supported by cohere', 'n');
  const messages = body.messages.map((m, i) => {
    const param = `messages.${i}`;
    switch (m.role) {
      case 'system':
      case 'developer':
        return { role: 'system', content: textOf(m.content) };
      case 'user': {
        const parts = partsOf(m.content).map((part, j) => {
          if (part.type === 'text') return { type: 'text', text: (part as { text: string }).text };
          if (part.type === 'image_url') return { type: 'image_url', image_url: { url: (part as { image_url?: { url?: string } }).image_url?.url ?? '' } };
          throw new TranslationError(`Content part type "${part.type}" is not supported by cohere`, `${param}.content.${j}.type`);
        });
        return { role: 'user', content: typeof m.content === 'string' ? m.content : parts };
      }
      case 'assistant': {
        const out: Record<string, unknown> = { role: 'assistant' };
        const text = textOf(m.content);
        if (text) out.content = text;
        if (m.tool_calls?.length) {
          out.tool_calls = m.tool_calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.function?.name, arguments: c.function?.arguments ?? '{}' } }));
        }
        return out;
      }
      case 'tool':
        return { role: 'tool', tool_call_id: m.tool_call_id, content: textOf(m.content) };
      default:
        throw new TranslationError(`Message role "${m.role}" is not supported by cohere`, `${param}.role`);
    }
  });
  const out: Record<string, unknown> = { model, messages };
  if (body.stream) out.stream = true;
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens != null) out.max_tokens = maxTokens;
  if (body.temperature != null) out.temperature = body.temperature;
  if (body.top_p != null) out.p = body.top_p;
  const stop = stopList(body.stop);
  if (stop) out.stop_sequences = stop;
  if (body.seed != null) out.seed = body.seed;
  if (body.presence_penalty != null) out.presence_penalty = body.presence_penalty;
  if (body.frequency_penalty != null) out.frequency_penalty = body.frequency_penalty;
  if (body.tools?.length) out.tools = body.tools.map((t) => ({ type: 'function', function: t.function }));
  if (body.tool_choice === 'required') out.tool_choice = 'REQUIRED';
  if (body.tool_choice === 'none') out.tool_choice = 'NONE';
  const format = body.response_format?.type;
  if (format === 'json_object') out.response_format = { type: 'json_object' };
  if (format === 'json_schema') out.response_format = { type: 'json_object', json_schema: body.response_format?.json_schema?.schema };
  return out;
}

const FINISH: Record<string, string> = { COMPLETE: 'stop', STOP_SEQUENCE: 'stop', MAX_TOKENS: 'length', TOOL_CALL: 'tool_calls' };
const finishReason = (reason: unknown): string => FINISH[jsonText(reason)] ?? 'stop';

/** Cohere's JSON as received (parseJson): the fields read here, each optional. */
interface CohereUnitsJson {
  input_tokens?: unknown;
  output_tokens?: unknown;
}
interface CohereUsageJson {
  billed_units?: CohereUnitsJson;
  tokens?: CohereUnitsJson;
}
interface CohereToolCallJson {
  id?: string;
  function?: { name?: string; arguments?: string };
}
interface CohereResponseJson {
  id?: string;
  message?: { content?: unknown; tool_calls?: unknown };
  finish_reason?: unknown;
  usage?: CohereUsageJson;
}
interface CohereEventJson {
  type?: string;
  id?: string;
  delta?: {
    message?: { content?: { text?: unknown }; tool_calls?: CohereToolCallJson };
    usage?: CohereUsageJson;
    finish_reason?: unknown;
  };
}

/** Billed units are what Cohere charges; `tokens` (with its own prompt template) is the fallback. */
function cohereUsage(usage: CohereUsageJson | undefined): Usage | null {
  const units = usage?.billed_units ?? usage?.tokens;
  if (!units) return null;
  return { inputTokens: Number(units.input_tokens ?? 0), outputTokens: Number(units.output_tokens ?? 0) };
}

export function fromCohereResponse(response: CohereResponseJson | undefined, model: string): { body: Record<string, unknown>; usage: Usage | null } {
  const content: { type?: string; text?: unknown }[] = Array.isArray(response?.message?.content) ? (response.message.content as { type?: string; text?: unknown }[]) : [];
  const text = content.filter((c) => c.type === 'text').map((c) => c.text).join('');
  const toolCalls: CohereToolCallJson[] = Array.isArray(response?.message?.tool_calls) ? (response.message.tool_calls as CohereToolCallJson[]) : [];
  const usage = cohereUsage(response?.usage);
  const calls = toolCalls.map((c) => ({ id: c.id ?? '', type: 'function' as const, function: { name: c.function?.name ?? '', arguments: c.function?.arguments ?? '{}' } }));
  return { usage, body: chatCompletion(response?.id ?? 'chatcmpl-cohere', model, [assistantChoice(0, text, calls, finishReason(response?.finish_reason))], usage) };
}

/** Cohere v2 stream events (message-start, content-delta, tool-call-*, message-end) → OpenAI chunks. */
class CohereStream extends TranslatedStream {
  private toolCalls = -1;

  protected override onEvent(event: EventSourceMessage): string | string[] | void {
    const data = parseJson(event.data) as CohereEventJson | undefined;
    if (!data) return;
    const message = data.delta?.message;
    switch (data.type ?? event.event) {
      case 'message-start':
        if (data.id) this.writer.id = data.id;
        return this.writer.chunk({ role: 'assistant', content: '' });
      case 'content-delta': {
        const text = message?.content?.text;
        if (typeof text !== 'string' || !text) return;
        this.outputChars += text.length;
        return this.writer.chunk({ content: text });
      }
      case 'tool-call-start': {
        const call: CohereToolCallJson = message?.tool_calls ?? {};
        this.toolCalls += 1;
        const args = call.function?.arguments ?? '';
        this.outputChars += args.length;
        return this.writer.chunk({ tool_calls: [{ index: this.toolCalls, id: call.id, type: 'function', function: { name: call.function?.name, arguments: args } }] });
      }
      case 'tool-call-delta': {
        const args = message?.tool_calls?.function?.arguments ?? '';
        this.outputChars += args.length;
        return this.writer.chunk({ tool_calls: [{ index: Math.max(this.toolCalls, 0), function: { arguments: args } }] });
      }
      case 'message-end': {
        const usage = cohereUsage(data.delta?.usage);
        if (usage) this.usage = usage;
        return [this.writer.chunk({}, finishReason(data.delta?.finish_reason)), ...this.finish()];
      }
      default:
        return;
    }
  }
}

function cohereError(status: number, raw: Buffer): OpenAIError {
  const body = parseJson(raw) as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : snippet(raw) || `Provider answered HTTP ${status}`;
  return openAIError(status, message, status === 401 ? 'invalid_api_key' : null, errorType(status));
}

export class CohereAdapter extends TranslatedAdapter {
  readonly id = 'cohere';
  protected readonly Stream = CohereStream;

  private headers(key: ProviderKey): Record<string, string> {
    return { authorization: `Bearer ${key.apiKey}` };
  }

  chatRequest(key: ProviderKey, model: string, body: ChatRequest): UpstreamRequest {
    return chatPost(joinUrl(baseUrl(key, COHERE_BASE), 'v2/chat'), this.headers(key), JSON.stringify(toCohereRequest(body, model)), Boolean(body.stream));
  }

  protected fromResponse(response: unknown, model: string) {
    return fromCohereResponse(response as CohereResponseJson, model);
  }

  error(status: number, raw: Buffer): OpenAIError {
    return cohereError(status, raw);
  }

  testRequest(key: ProviderKey): UpstreamRequest {
    const url = joinUrl(baseUrl(key, COHERE_BASE), 'v1/models');
    url.searchParams.set('page_size', '1');
    return { url, method: 'GET', headers: this.headers(key) };
  }
}
