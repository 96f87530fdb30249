import { Type } from 'typebox';
import { gatewayError } from './gateway.service.js';
import type { ChatRequest } from '../ai-providers/adapters/types.js';

/**
 * Every parameter of OpenAI's Chat Completions request. The body is closed
 * like every other: an unknown parameter is a 400 naming it, as OpenAI
 * answers ("Unrecognized request argument supplied"). The values of those
 * atrium does not read pass to OpenAI-compatible providers untouched, so
 * the schema does not restate their shapes. `checkChatTypes` checks the
 * typed ones on the body as sent (`"stream": "true"` or `"n": "2"` is a 400
 * as at OpenAI); `checkChatRequest` then checks the shapes the translators
 * read, so a malformed body is a 400 naming the field, never a 500.
 */
const PASS_THROUGH_PARAMETERS = [
  'audio', 'frequency_penalty', 'function_call', 'functions', 'logit_bias', 'logprobs', 'max_completion_tokens',
  'max_tokens', 'metadata', 'modalities', 'n', 'parallel_tool_calls', 'prediction', 'presence_penalty',
  'prompt_cache_key', 'reasoning_effort', 'response_format', 'safety_identifier', 'seed', 'service_tier', 'stop',
  'store', 'stream_options', 'temperature', 'tool_choice', 'tools', 'top_logprobs', 'top_p', 'user', 'verbosity',
  'web_search_options',
] as const;

export const ChatCompletionBody = Type.Object(
  {
    model: Type.String({ minLength: 1, maxLength: 256, description: '`<provider>/<model>` (e.g. `openai/gpt-4o-mini`), a route of the workspace (e.g. `smart`), or a model of the key named by `x-atrium-key-id`' }),
    // Message objects stay open: content parts and message fields differ by model and grow often.
    messages: Type.Array(Type.Object({ role: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: true }), { minItems: 1, maxItems: 100_000 }),
    stream: Type.Optional(Type.Boolean()),
    ...Object.fromEntries(PASS_THROUGH_PARAMETERS.map((name) => [name, Type.Optional(Type.Unknown())])),
  },
  { additionalProperties: false, description: "An OpenAI chat completion request (OpenAI's parameters only); atrium translates it for other providers" },
);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(param: string, message: string): never {
  throw gatewayError(400, `${param} ${message}`, 'invalid_value', { type: 'invalid_request_error', param });
}

type Kind = 'boolean' | 'integer' | 'number' | 'string' | 'object' | 'array';

/** The typed scalar fields of OpenAI's chat request; null means "not set" for each, as at OpenAI. */
const FIELD_TYPES: Record<string, Kind> = {
  model: 'string',
  messages: 'array',
  stream: 'boolean',
  n: 'integer',
  max_tokens: 'integer',
  max_completion_tokens: 'integer',
  seed: 'integer',
  top_logprobs: 'integer',
  temperature: 'number',
  top_p: 'number',
  presence_penalty: 'number',
  frequency_penalty: 'number',
  logprobs: 'boolean',
  parallel_tool_calls: 'boolean',
  store: 'boolean',
  user: 'string',
  stream_options: 'object',
  response_format: 'object',
  logit_bias: 'object',
  metadata: 'object',
  tools: 'array',
};

/** What OpenAI calls a JSON value's type in its messages. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function hasKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    default:
      return typeof value === kind;
  }
}

/**
 * Refuses fields of the wrong JSON type as OpenAI does (400
 * `invalid_type`), on the body exactly as the client sent it. Runs before
 * schema validation, which might otherwise coerce "true" to true.
 */
export function checkChatTypes(body: unknown): void {
  if (!isObject(body)) return; // the schema answers for a body that is not an object
  for (const [field, kind] of Object.entries(FIELD_TYPES)) {
    const value = body[field];
    if (value === undefined || (value === null && field !== 'model' && field !== 'messages')) continue;
    if (!hasKind(value, kind)) {
      const expected = kind === 'integer' || kind === 'array' || kind === 'object' ? `an ${kind}` : `a ${kind}`;
      throw gatewayError(400, `Invalid type for '${field}': expected ${expected}, but got ${kindOf(value)} instead.`, 'invalid_type', { type: 'invalid_request_error', param: field });
    }
  }
}

export function checkChatRequest(body: ChatRequest): void {
  body.messages.forEach((m, i) => {
    const at = `messages[${i}]`;
    const content = m.content;
    if (content !== undefined && content !== null && typeof content !== 'string') {
      if (!Array.isArray(content)) invalid(`${at}.content`, 'must be a string, an array of content parts or null');
      content.forEach((part, j) => {
        if (!isObject(part) || typeof part.type !== 'string') invalid(`${at}.content[${j}]`, 'must be an object with a string "type"');
        if (part.type === 'text' && typeof part.text !== 'string') invalid(`${at}.content[${j}].text`, 'must be a string');
        if (part.type === 'image_url' && (!isObject(part.image_url) || typeof part.image_url.url !== 'string')) {
          invalid(`${at}.content[${j}].image_url.url`, 'must be a string');
        }
      });
    }
    if (m.tool_calls !== undefined && m.tool_calls !== null) {
      if (!Array.isArray(m.tool_calls)) invalid(`${at}.tool_calls`, 'must be an array');
      m.tool_calls.forEach((call, j) => {
        if (!isObject(call) || !isObject(call.function) || typeof call.function.name !== 'string') {
          invalid(`${at}.tool_calls[${j}].function.name`, 'must be a string');
        }
        if (call.function.arguments !== undefined && typeof call.function.arguments !== 'string') {
          invalid(`${at}.tool_calls[${j}].function.arguments`, 'must be a JSON string');
        }
      });
    }
    if (m.tool_call_id !== undefined && typeof m.tool_call_id !== 'string') invalid(`${at}.tool_call_id`, 'must be a string');
  });
  if (body.tools !== undefined && body.tools !== null) {
    if (!Array.isArray(body.tools)) invalid('tools', 'must be an array');
    body.tools.forEach((tool, i) => {
      if (!isObject(tool) || !isObject(tool.function) || typeof tool.function.name !== 'string') invalid(`tools[${i}].function.name`, 'must be a string');
    });
  }
  const stop = body.stop;
  if (stop !== undefined && stop !== null && typeof stop !== 'string' && !(Array.isArray(stop) && stop.every((s) => typeof s === 'string'))) {
    invalid('stop', 'must be a string or an array of strings');
  }
  if (body.response_format !== undefined && body.response_format !== null && (!isObject(body.response_format) || typeof body.response_format.type !== 'string')) {
    invalid('response_format.type', 'must be a string');
  }
}
