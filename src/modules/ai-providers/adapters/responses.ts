import type { EventSourceMessage } from 'eventsource-parser';
import { baseUrl, chatPost, count, joinUrl, parseJson, SseTransform } from './common.js';
import type { ProviderKey, UpstreamRequest, Usage, UsageTransform } from './types.js';

/**
 * OpenAI's Responses API (`POST /v1/responses`) for providers that serve it
 * themselves: the body goes through with the provider's model name, and
 * the answer (JSON or SSE) comes back byte for byte. Other providers are
 * translated through their chat adapter (responses-translate.ts).
 */

/** A Responses request after validation: the fields atrium reads are typed, the rest passes through. */
export interface ResponsesRequest {
  model: string;
  input?: string | ResponsesInputItem[];
  instructions?: string | null;
  tools?: ResponsesTool[] | null;
  tool_choice?: unknown;
  max_output_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  stream?: boolean | null;
  parallel_tool_calls?: boolean | null;
  metadata?: Record<string, unknown> | null;
  text?: { format?: { type: string; name?: string; schema?: unknown; strict?: boolean | null; description?: string } | null } | null;
  user?: string | null;
  [key: string]: unknown;
}

/** One input item: a message (with or without `type`), a function call or its output, or another item type. */
export interface ResponsesInputItem {
  type?: string;
  role?: string;
  content?: string | Array<{ type: string; [key: string]: unknown }>;
  call_id?: string;
  name?: string;
  arguments?: string;
  output?: string | Array<{ type: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

interface ResponsesTool {
  type: string;
  name?: string;
  description?: string | null;
  parameters?: unknown;
  strict?: boolean | null;
  [key: string]: unknown;
}

/** Azure's v1 API serves the Responses API under `/openai/v1/responses`, the deployment named in `model`. */
const AZURE_V1_PATH = 'openai/v1/responses';

/** Where each pass-through provider serves the Responses API, relative to its chat base URL. */
const PASSTHROUGH_BASES: Record<string, string | null> = {
  openai: 'https://api.openai.com/v1',
  openrouter: 'https://openrouter.ai/api/v1',
  // The key's own OpenAI-compatible server (vLLM, Ollama, LM Studio serve /v1/responses).
  custom: null,
};

/** Providers whose Responses API atrium forwards to unchanged. */
const RESPONSES_PASSTHROUGH = [...Object.keys(PASSTHROUGH_BASES), 'azure_openai'];

export const isResponsesPassthrough = (provider: string): boolean => RESPONSES_PASSTHROUGH.includes(provider);

/** The upstream request of a pass-through provider: the client's body with the provider's model name. */
export function responsesRequest(key: ProviderKey, model: string, body: ResponsesRequest): UpstreamRequest {
  if (key.provider === 'azure_openai') {
    if (!key.endpointUrl) throw new Error('azure_openai keys need an endpoint_url');
    const endpoint = new URL(key.endpointUrl);
    // The v1 API takes no api-version: one pinned on the endpoint is for the deployment routes of chat.
    endpoint.search = '';
    const deployment = key.deploymentName || model;
    return chatPost(joinUrl(endpoint.toString(), AZURE_V1_PATH), { 'api-key': key.apiKey }, JSON.stringify({ ...body, model: deployment }), Boolean(body.stream));
  }
  const base = baseUrl(key, PASSTHROUGH_BASES[key.provider] ?? '');
  if (!base) throw new Error(`${key.provider} keys need an endpoint_url`);
  const headers: Record<string, string> = key.apiKey ? { authorization: `Bearer ${key.apiKey}` } : {};
  return chatPost(joinUrl(base, 'responses'), headers, JSON.stringify({ ...body, model }), Boolean(body.stream));
}

/** The Responses API's `usage` as received. */
interface ResponsesUsageJson {
  input_tokens?: unknown;
  output_tokens?: unknown;
  input_tokens_details?: { cached_tokens?: unknown } | null;
  output_tokens_details?: { reasoning_tokens?: unknown } | null;
}

/**
 * Reads a Responses `usage`: `input_tokens` includes the cached tokens
 * (detailed beside it) and `output_tokens` the reasoning tokens, which are
 * billed as output.
 */
function fromResponsesUsage(usage: ResponsesUsageJson | null | undefined): Usage | null {
  if (!usage || typeof usage !== 'object') return null;
  const input = Number(usage.input_tokens);
  const output = Number(usage.output_tokens ?? 0);
  if (!Number.isFinite(input) || !Number.isFinite(output)) return null;
  const cached = usage.input_tokens_details?.cached_tokens;
  const reasoning = usage.output_tokens_details?.reasoning_tokens;
  return {
    inputTokens: count(input),
    outputTokens: count(output),
    ...(cached != null ? { cacheReadTokens: Math.min(count(cached), count(input)) } : {}),
    ...(reasoning != null ? { reasoningTokens: Math.min(count(reasoning), count(output)) } : {}),
  };
}

/** The Responses `usage` of atrium's counts (translated answers). */
export function toResponsesUsage(usage: Usage) {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: usage.cacheReadTokens ?? 0 },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

interface ResponseJson {
  usage?: ResponsesUsageJson;
  output?: unknown;
}

/** A 2xx JSON answer of a pass-through provider: the bytes as they came, and its usage. */
export function responsesResponse(raw: Buffer): { body: Buffer; usage: Usage | null } {
  return { body: raw, usage: fromResponsesUsage((parseJson(raw) as ResponseJson | undefined)?.usage) };
}

/** Characters of generated text in a Responses body, to estimate output tokens when no usage came. */
export function outputTextChars(body: Buffer | string): number {
  const output = (parseJson(body) as ResponseJson | undefined)?.output;
  if (!Array.isArray(output)) return 0;
  let chars = 0;
  for (const item of output as Array<{ content?: unknown; arguments?: unknown } | null>) {
    if (typeof item?.arguments === 'string') chars += item.arguments.length;
    if (!Array.isArray(item?.content)) continue;
    for (const part of item.content as Array<{ text?: unknown } | null>) if (typeof part?.text === 'string') chars += part.text.length;
  }
  return chars;
}

/** An HTTP-like status for a Responses error code, for the usage row of a stream that failed. */
function failureStatus(code: unknown): number {
  if (code === 'rate_limit_exceeded') return 429;
  if (typeof code === 'string' && /invalid|unsupported|not_found|too_large|context_length/.test(code)) return 400;
  return 502;
}

interface ResponsesEventJson {
  type?: string;
  delta?: unknown;
  code?: unknown;
  response?: { usage?: ResponsesUsageJson; error?: { code?: unknown } | null };
}

/**
 * Passes a Responses SSE stream through untouched, reading the usage from
 * the final `response.completed` (or `.incomplete`/`.failed`) event.
 */
class ResponsesPassthroughStream extends SseTransform {
  protected override passBytes(): boolean {
    return true;
  }

  protected override onEvent(event: EventSourceMessage): void {
    const data = parseJson(event.data) as ResponsesEventJson | undefined;
    if (!data || typeof data !== 'object') return;
    switch (data.type) {
      case 'response.output_text.delta':
      case 'response.function_call_arguments.delta':
        if (typeof data.delta === 'string') this.outputChars += data.delta.length;
        return;
      case 'response.completed':
      case 'response.incomplete':
        this.usage = fromResponsesUsage(data.response?.usage) ?? this.usage;
        return;
      case 'response.failed':
        this.usage = fromResponsesUsage(data.response?.usage) ?? this.usage;
        this.failure ??= { status: failureStatus(data.response?.error?.code) };
        return;
      case 'error':
        this.failure = { status: failureStatus(data.code) };
        return;
      default:
        return;
    }
  }
}

export const responsesPassthroughStream = (): UsageTransform => new ResponsesPassthroughStream();
