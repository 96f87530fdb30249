import { Type } from 'typebox';
import { gatewayError } from './gateway.service.js';
import type { ChatRequest } from './providers/types.js';

/**
 * Every parameter of OpenAI's Chat Completions request. The body is closed
 * like every other: an unknown parameter is a 400 naming it, as OpenAI
 * answers ("Unrecognized request argument supplied"). The values of those
 * atrium does not read pass to OpenAI-compatible providers untouched, so
 * the schema does not restate their shapes; `checkChatRequest` checks the
 * ones the translators read, so a malformed body is a 400 naming the field,
 * never a 500.
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
    model: Type.String({ minLength: 1, maxLength: 256, description: '`<provider>/<model>` (e.g. `openai/gpt-4o-mini`), or a model of the key named by `x-atrium-key-id`' }),
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
  for (const field of ['max_tokens', 'max_completion_tokens', 'n', 'temperature', 'top_p', 'seed', 'presence_penalty', 'frequency_penalty'] as const) {
    const value = body[field];
    if (value !== undefined && value !== null && (typeof value !== 'number' || !Number.isFinite(value))) invalid(field, 'must be a number');
  }
  if (body.stream_options !== undefined && body.stream_options !== null && !isObject(body.stream_options)) invalid('stream_options', 'must be an object');
  if (body.response_format !== undefined && body.response_format !== null && (!isObject(body.response_format) || typeof body.response_format.type !== 'string')) {
    invalid('response_format.type', 'must be a string');
  }
}
