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
  randomId,
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

export const GEMINI_BASE = 'https://generativelanguage.googleapis.com';

type Part = Record<string, unknown>;

/** Gemini accepts an OpenAPI subset for function parameters: drop the JSON Schema keys it rejects. */
function geminiSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(geminiSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$schema' || k === 'additionalProperties' || k === 'strict') continue;
    out[k] = geminiSchema(v);
  }
  return out;
}

function userParts(content: ChatRequest['messages'][number]['content'], param: string): Part[] {
  return partsOf(content).flatMap((part, i): Part[] => {
    if (part.type === 'text') {
      const text = (part as { text: string }).text;
      return text ? [{ text }] : [];
    }
    if (part.type === 'image_url') {
      const url = (part as { image_url?: { url?: string } }).image_url?.url ?? '';
      const data = parseDataUrl(url);
      return [data ? { inlineData: { mimeType: data.mediaType, data: data.data } } : { fileData: { fileUri: url } }];
    }
    throw new TranslationError(`Content part type "${part.type}" is not supported by gemini`, `${param}.content.${i}.type`);
  });
}

/** OpenAI sampling, length, stop and JSON-mode options → Gemini's generationConfig. */
function toGenerationConfig(body: ChatRequest): Record<string, unknown> {
  const generationConfig: Record<string, unknown> = {};
  if (body.temperature != null) generationConfig.temperature = body.temperature;
  if (body.top_p != null) generationConfig.topP = body.top_p;
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens != null) generationConfig.maxOutputTokens = maxTokens;
  const stop = stopList(body.stop);
  if (stop) generationConfig.stopSequences = stop;
  if (body.n != null) generationConfig.candidateCount = body.n;
  if (body.seed != null) generationConfig.seed = body.seed;
  if (body.presence_penalty != null) generationConfig.presencePenalty = body.presence_penalty;
  if (body.frequency_penalty != null) generationConfig.frequencyPenalty = body.frequency_penalty;
  const format = body.response_format?.type;
  if (format === 'json_object' || format === 'json_schema') generationConfig.responseMimeType = 'application/json';
  if (format === 'json_schema' && body.response_format?.json_schema?.schema) {
    generationConfig.responseSchema = geminiSchema(body.response_format.json_schema.schema);
  }
  return generationConfig;
}

/** OpenAI chat request → Gemini generateContent request. */
export function toGeminiRequest(body: ChatRequest): Record<string, unknown> {
  const system: string[] = [];
  const contents: Array<{ role: 'user' | 'model'; parts: Part[] }> = [];
  const toolNames = new Map<string, string>();
  const push = (role: 'user' | 'model', parts: Part[]) => {
    const last = contents.at(-1);
    if (last && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };
  body.messages.forEach((m, i) => {
    const param = `messages.${i}`;
    switch (m.role) {
      case 'system':
      case 'developer':
        system.push(textOf(m.content));
        break;
      case 'user':
        push('user', userParts(m.content, param));
        break;
      case 'assistant': {
        const parts: Part[] = [];
        const text = textOf(m.content);
        if (text) parts.push({ text });
        for (const call of m.tool_calls ?? []) {
          toolNames.set(call.id, call.function?.name);
          parts.push({ functionCall: { name: call.function?.name, args: parseArguments(call.function?.arguments) } });
        }
        push('model', parts);
        break;
      }
      case 'tool': {
        const text = textOf(m.content);
        const parsed = parseJson(text);
        const name = toolNames.get(m.tool_call_id ?? '') ?? m.name ?? 'tool';
        push('user', [{ functionResponse: { name, response: parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : { content: text } } }]);
        break;
      }
      default:
        throw new TranslationError(`Message role "${m.role}" is not supported by gemini`, `${param}.role`);
    }
  });

  const generationConfig = toGenerationConfig(body);
  const out: Record<string, unknown> = { contents };
  const systemText = system.filter(Boolean).join('\n\n');
  if (systemText) out.systemInstruction = { parts: [{ text: systemText }] };
  if (Object.keys(generationConfig).length) out.generationConfig = generationConfig;
  if (body.tools?.length) {
    out.tools = [
      {
        functionDeclarations: body.tools.map((t) => ({
          name: t.function.name,
          ...(t.function.description ? { description: t.function.description } : {}),
          ...(t.function.parameters ? { parameters: geminiSchema(t.function.parameters) } : {}),
        })),
      },
    ];
  }
  const choice = body.tool_choice;
  const mode = typeof choice === 'string' ? ({ auto: 'AUTO', required: 'ANY', none: 'NONE' } as Record<string, string>)[choice] : undefined;
  if (mode) out.toolConfig = { functionCallingConfig: { mode } };
  else if (choice && typeof choice === 'object') {
    const name = (choice as { function?: { name?: string } }).function?.name;
    if (name) out.toolConfig = { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [name] } };
  }
  return out;
}

const FILTERED = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY']);

function finishReason(reason: unknown, hasToolCalls: boolean): string | null {
  if (reason == null) return null;
  if (reason === 'MAX_TOKENS') return 'length';
  if (FILTERED.has(jsonText(reason))) return 'content_filter';
  return hasToolCalls ? 'tool_calls' : 'stop';
}

/** Gemini's JSON as received (parseJson): the fields read here, each optional. */
interface GeminiUsageJson {
  promptTokenCount?: unknown;
  candidatesTokenCount?: unknown;
  thoughtsTokenCount?: unknown;
  cachedContentTokenCount?: unknown;
}
interface GeminiPartJson {
  text?: unknown;
  thought?: unknown;
  functionCall?: { name?: string; args?: unknown };
}
interface GeminiCandidateJson {
  index?: unknown;
  content?: { parts?: unknown };
  finishReason?: unknown;
}
interface GeminiErrorJson {
  code?: unknown;
  message?: unknown;
  status?: string;
  details?: unknown;
}
interface GeminiResponseJson {
  responseId?: string;
  modelVersion?: string;
  candidates?: unknown;
  usageMetadata?: GeminiUsageJson;
  promptFeedback?: unknown;
  error?: GeminiErrorJson;
}

function geminiUsage(meta: GeminiUsageJson | undefined): Usage | null {
  if (!meta || typeof meta !== 'object') return null;
  // Thinking tokens are billed as output but counted apart from candidatesTokenCount:
  // atrium's output includes them (as OpenAI's does). Cached tokens are part of promptTokenCount.
  const input = count(meta.promptTokenCount);
  const thoughts = count(meta.thoughtsTokenCount);
  return {
    inputTokens: input,
    outputTokens: count(meta.candidatesTokenCount) + thoughts,
    ...(meta.thoughtsTokenCount != null ? { reasoningTokens: thoughts } : {}),
    ...(meta.cachedContentTokenCount != null ? { cacheReadTokens: Math.min(count(meta.cachedContentTokenCount), input) } : {}),
  };
}

/** The text and tool calls of one candidate (thought summaries left out). */
function candidateParts(candidate: GeminiCandidateJson | undefined): { text: string; toolCalls: Array<{ name: string; args: unknown }> } {
  const parts: GeminiPartJson[] = Array.isArray(candidate?.content?.parts) ? (candidate.content.parts as GeminiPartJson[]) : [];
  return {
    text: parts.flatMap((p) => (typeof p.text === 'string' && !p.thought ? [p.text] : [])).join(''),
    toolCalls: parts.flatMap((p) => (p.functionCall ? [{ name: p.functionCall.name ?? '', args: p.functionCall.args ?? {} }] : [])),
  };
}

/** Gemini GenerateContentResponse → OpenAI chat.completion. */
export function fromGeminiResponse(response: GeminiResponseJson | undefined, model: string): { body: Record<string, unknown>; usage: Usage | null } {
  const candidates: GeminiCandidateJson[] = Array.isArray(response?.candidates) ? (response.candidates as GeminiCandidateJson[]) : [];
  const usage = geminiUsage(response?.usageMetadata);
  const choices = candidates.map((candidate, i) => {
    const { text, toolCalls } = candidateParts(candidate);
    const calls = toolCalls.map((c) => ({ id: randomId('call_'), type: 'function' as const, function: { name: c.name, arguments: JSON.stringify(c.args) } }));
    return assistantChoice(typeof candidate.index === 'number' ? candidate.index : i, text, calls, finishReason(candidate.finishReason ?? 'STOP', calls.length > 0));
  });
  // No candidate: the prompt itself was blocked (promptFeedback.blockReason).
  if (choices.length === 0) choices.push(assistantChoice(0, '', [], 'content_filter'));
  return { usage, body: chatCompletion(response?.responseId ?? randomId('chatcmpl-'), response?.modelVersion ?? model, choices, usage) };
}

/** Gemini SSE (`alt=sse`: one GenerateContentResponse per event) → OpenAI chunks. */
export class GeminiStream extends TranslatedStream {
  private started = false;
  /** Per candidate (choice index): whether its role chunk was sent, and its tool calls so far. */
  private readonly choices = new Map<number, { toolCalls: number }>();

  protected override onEvent(event: EventSourceMessage): string[] | void {
    const data = parseJson(event.data) as GeminiResponseJson | undefined;
    if (!data) return;
    if (data.error) {
      const code = Number(data.error.code);
      return this.fail(code >= 400 && code < 600 ? code : 502, jsonText(data.error.message ?? 'Provider stream error'), data.error.status ?? null);
    }
    const out: string[] = [];
    if (!this.started) {
      this.started = true;
      if (data.responseId) this.writer.id = data.responseId;
      if (data.modelVersion) this.writer.model = data.modelVersion;
    }
    const usage = geminiUsage(data.usageMetadata);
    if (usage) this.usage = usage;
    // With candidateCount (OpenAI's n) > 1 an event carries pieces of several candidates, each with its index.
    const candidates: GeminiCandidateJson[] = Array.isArray(data.candidates) ? (data.candidates as GeminiCandidateJson[]) : [];
    candidates.forEach((candidate, i) => {
      const index = typeof candidate?.index === 'number' && Number.isInteger(candidate.index) ? candidate.index : i;
      let choice = this.choices.get(index);
      if (!choice) {
        choice = { toolCalls: 0 };
        this.choices.set(index, choice);
        out.push(this.writer.chunk({ role: 'assistant', content: '' }, null, index));
      }
      const { text, toolCalls } = candidateParts(candidate);
      if (text) {
        this.outputChars += text.length;
        out.push(this.writer.chunk({ content: text }, null, index));
      }
      for (const call of toolCalls) {
        const args = JSON.stringify(call.args);
        this.outputChars += args.length;
        out.push(this.writer.chunk({ tool_calls: [{ index: choice.toolCalls++, id: randomId('call_'), type: 'function', function: { name: call.name, arguments: args } }] }, null, index));
      }
      if (candidate?.finishReason) out.push(this.writer.chunk({}, finishReason(candidate.finishReason, choice.toolCalls > 0), index));
    });
    // A blocked prompt streams no candidate at all: the client still gets its role chunk.
    if (candidates.length === 0 && this.choices.size === 0) {
      this.choices.set(0, { toolCalls: 0 });
      out.push(this.writer.chunk({ role: 'assistant', content: '' }));
    }
    return out;
  }
}

interface GeminiDetailJson {
  '@type'?: string;
  reason?: string;
  retryDelay?: unknown;
}

/** The `error` of a Gemini error body: `{error}`, or an array holding one. */
function geminiErrorJson(raw: Buffer): GeminiErrorJson | undefined {
  const body = parseJson(raw) as { error?: GeminiErrorJson } | { error?: GeminiErrorJson }[] | null | undefined;
  return (Array.isArray(body) ? body[0] : body)?.error;
}

/**
 * Gemini's 429 says when to retry in the body, not a header: a
 * `google.rpc.RetryInfo` detail with `retryDelay` like "30s" or "1.5s".
 * Returns whole seconds for a Retry-After header.
 */
export function geminiRetryAfter(raw: Buffer): string | undefined {
  const error = geminiErrorJson(raw);
  const details: GeminiDetailJson[] = Array.isArray(error?.details) ? (error.details as GeminiDetailJson[]) : [];
  const delay = details.find((d) => d?.['@type'] === 'type.googleapis.com/google.rpc.RetryInfo')?.retryDelay;
  const match = typeof delay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(delay.trim()) : null;
  if (!match) return undefined;
  return String(Math.max(1, Math.ceil(Number(match[1]))));
}

export function geminiError(status: number, raw: Buffer): OpenAIError {
  const error = geminiErrorJson(raw);
  if (error && typeof error === 'object') {
    const reason = Array.isArray(error.details) ? (error.details as GeminiDetailJson[]).find((d) => d?.reason)?.reason : undefined;
    const invalidKey = reason === 'API_KEY_INVALID' || error.status === 'UNAUTHENTICATED';
    return openAIError(
      status,
      jsonText(error.message ?? `HTTP ${status}`),
      invalidKey ? 'invalid_api_key' : (reason ?? error.status ?? null),
      invalidKey ? 'authentication_error' : errorType(status),
    );
  }
  return unparsedError(status, raw);
}

export const modelPath = (model: string) => `v1beta/models/${encodeURIComponent(model.replace(/^models\//, ''))}`;

/** Google Gemini (Generative Language API): `x-goog-api-key`, generateContent / streamGenerateContent?alt=sse. */
export class GeminiAdapter extends TranslatedAdapter {
  readonly id = 'gemini';
  protected readonly Stream = GeminiStream;

  chatRequest(key: ProviderKey, model: string, body: ChatRequest): UpstreamRequest {
    const base = baseUrl(key, GEMINI_BASE);
    const url = joinUrl(base, `${modelPath(model)}:${body.stream ? 'streamGenerateContent' : 'generateContent'}`);
    if (body.stream) url.searchParams.set('alt', 'sse');
    // Gemini picks JSON or SSE from the path and `alt`, not from an accept header.
    return chatPost(url, { 'x-goog-api-key': key.apiKey }, JSON.stringify(toGeminiRequest(body)));
  }

  protected fromResponse(response: unknown, model: string) {
    return fromGeminiResponse(response as GeminiResponseJson, model);
  }

  error(status: number, raw: Buffer): OpenAIError {
    return geminiError(status, raw);
  }

  retryAfter(status: number, raw: Buffer): string | undefined {
    return status === 429 || status === 503 ? geminiRetryAfter(raw) : undefined;
  }

  testRequest(key: ProviderKey): UpstreamRequest {
    const url = joinUrl(baseUrl(key, GEMINI_BASE), 'v1beta/models');
    url.searchParams.set('pageSize', '1');
    return { url, method: 'GET', headers: { 'x-goog-api-key': key.apiKey } };
  }

  /** Gemini answers 400 INVALID_ARGUMENT (reason API_KEY_INVALID) for a wrong key. */
  isInvalidKey(status: number, raw: Buffer): boolean {
    return geminiError(status, raw).code === 'invalid_api_key';
  }
}
