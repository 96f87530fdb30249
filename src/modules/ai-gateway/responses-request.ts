import { Type } from 'typebox';
import { gatewayError } from './gateway.service.js';
import type { ResponsesRequest } from '../ai-providers/adapters/responses.js';
import { estimateTokens } from './tokens.js';

/**
 * Every parameter of OpenAI's Responses create request (openai SDK 6.x
 * `ResponseCreateParamsBase`), closed like the chat body: an unknown one is
 * OpenAI's 400 "Unrecognized request argument supplied". Their values pass
 * through to providers that serve the Responses API; `checkResponsesTypes`
 * checks the typed ones on the body as sent and `checkResponsesShapes` the
 * shapes the translation reads, so a malformed body is a 400 naming the
 * field, never a 500.
 */
const PASS_THROUGH_PARAMETERS = [
  'background', 'context_management', 'conversation', 'include', 'instructions', 'max_output_tokens', 'max_tool_calls',
  'metadata', 'moderation', 'parallel_tool_calls', 'previous_response_id', 'prompt', 'prompt_cache_key',
  'prompt_cache_options', 'prompt_cache_retention', 'reasoning', 'safety_identifier', 'service_tier', 'store',
  'stream_options', 'temperature', 'text', 'tool_choice', 'tools', 'top_logprobs', 'top_p', 'truncation', 'user',
] as const;

export const ResponsesBody = Type.Object(
  {
    model: Type.String({ minLength: 1, maxLength: 256, description: '`<provider>/<model>` (e.g. `openai/gpt-4o-mini`), or a model of the key named by `x-atrium-key-id`' }),
    // Items stay open: OpenAI's item types and their fields grow often; the ones atrium translates are checked below.
    input: Type.Optional(
      Type.Union([Type.String(), Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 100_000 })], {
        description: 'A string, or input items: messages (input_text / input_image parts), function_call and function_call_output',
      }),
    ),
    stream: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    ...Object.fromEntries(PASS_THROUGH_PARAMETERS.map((name) => [name, Type.Optional(Type.Unknown())])),
  },
  { additionalProperties: false, description: "An OpenAI Responses request (OpenAI's parameters only); atrium translates it for providers without a Responses API" },
);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(param: string, message: string, code = 'invalid_value'): never {
  throw gatewayError(400, message, code, { type: 'invalid_request_error', param });
}

type Kind = 'boolean' | 'integer' | 'number' | 'string' | 'object' | 'array';

/** The typed fields of the request; null means "not set" for each but model. */
const FIELD_TYPES: Record<string, Kind> = {
  model: 'string',
  instructions: 'string',
  stream: 'boolean',
  background: 'boolean',
  store: 'boolean',
  parallel_tool_calls: 'boolean',
  max_output_tokens: 'integer',
  max_tool_calls: 'integer',
  top_logprobs: 'integer',
  temperature: 'number',
  top_p: 'number',
  previous_response_id: 'string',
  prompt_cache_key: 'string',
  safety_identifier: 'string',
  service_tier: 'string',
  truncation: 'string',
  user: 'string',
  metadata: 'object',
  reasoning: 'object',
  text: 'object',
  stream_options: 'object',
  tools: 'array',
  include: 'array',
};

function hasKind(value: unknown, kind: Kind): boolean {
  if (kind === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (kind === 'object') return isObject(value);
  if (kind === 'array') return Array.isArray(value);
  return typeof value === kind;
}

/** Refuses fields of the wrong JSON type as OpenAI does (400 `invalid_type`), before schema validation. */
export function checkResponsesTypes(body: unknown): void {
  if (!isObject(body)) return; // the schema answers for a body that is not an object
  for (const [field, kind] of Object.entries(FIELD_TYPES)) {
    const value = body[field];
    if (value === undefined || (value === null && field !== 'model')) continue;
    if (!hasKind(value, kind)) {
      const article = kind === 'integer' || kind === 'array' || kind === 'object' ? 'an' : 'a';
      invalid(field, `Invalid type for '${field}': expected ${article} ${kind}.`, 'invalid_type');
    }
  }
  const input = body.input;
  if (input !== undefined && typeof input !== 'string' && !Array.isArray(input)) invalid('input', "Invalid type for 'input': expected a string or an array of input items.", 'invalid_type');
}

const need = (ok: boolean, param: string, message: string) => {
  if (!ok) invalid(param, `${param} ${message}`);
};

/** Content parts of a message item: objects with a string type; the parts atrium translates with their fields. */
function checkContent(content: unknown, at: string): void {
  if (typeof content === 'string') return;
  need(Array.isArray(content), `${at}.content`, 'must be a string or an array of content parts');
  (content as unknown[]).forEach((part, j) => {
    const param = `${at}.content[${j}]`;
    need(isObject(part) && typeof part.type === 'string', param, 'must be an object with a string "type"');
    const p = part as Record<string, unknown>;
    if (p.type === 'input_text' || p.type === 'output_text') need(typeof p.text === 'string', `${param}.text`, 'must be a string');
    if (p.type === 'input_image' && p.image_url != null) need(typeof p.image_url === 'string', `${param}.image_url`, 'must be a string (a URL or a data: URL)');
  });
}

function checkItem(item: unknown, i: number): void {
  const at = `input[${i}]`;
  need(isObject(item), at, 'must be an object');
  const it = item as Record<string, unknown>;
  need(it.type === undefined || typeof it.type === 'string', `${at}.type`, 'must be a string');
  const type = it.type ?? 'message';
  if (type === 'message') {
    need(typeof it.role === 'string', `${at}.role`, 'must be a string');
    checkContent(it.content, at);
  } else if (type === 'function_call') {
    need(typeof it.call_id === 'string', `${at}.call_id`, 'must be a string');
    need(typeof it.name === 'string', `${at}.name`, 'must be a string');
    need(typeof it.arguments === 'string', `${at}.arguments`, 'must be a JSON string');
  } else if (type === 'function_call_output') {
    need(typeof it.call_id === 'string', `${at}.call_id`, 'must be a string');
    need(typeof it.output === 'string' || Array.isArray(it.output), `${at}.output`, 'must be a string or an array of content parts');
  }
}

/** The shapes the translation reads, checked for every provider so an answer never depends on the key. */
export function checkResponsesShapes(body: ResponsesRequest): void {
  if (Array.isArray(body.input)) body.input.forEach(checkItem);
  (body.tools ?? []).forEach((tool, i) => {
    need(isObject(tool) && typeof tool.type === 'string', `tools[${i}].type`, 'must be a string');
    if (tool.type === 'function') need(typeof tool.name === 'string' && tool.name.length > 0, `tools[${i}].name`, 'must be a non-empty string');
  });
  const format = body.text?.format;
  if (format != null) need(isObject(format) && typeof format.type === 'string', 'text.format.type', 'must be a string');
}

/** Prompt tokens before the call, for the tokens-per-minute limit (images are not counted, as for chat). */
export function estimateResponsesTokens(body: ResponsesRequest): number {
  let chars = (body.instructions ?? '').length;
  const input = body.input;
  if (typeof input === 'string') chars += input.length;
  else {
    for (const item of input ?? []) {
      chars += 4 + (item.arguments?.length ?? 0) + (typeof item.output === 'string' ? item.output.length : 0);
      if (typeof item.content === 'string') chars += item.content.length;
      else for (const part of item.content ?? []) if (typeof part.text === 'string') chars += part.text.length;
    }
  }
  if (body.tools) chars += JSON.stringify(body.tools).length;
  return estimateTokens(chars);
}
