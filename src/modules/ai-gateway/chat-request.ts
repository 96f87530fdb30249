import { Type } from 'typebox';
import { gatewayError } from './gateway.service.js';
import type { ChatRequest } from './providers/types.js';

/**
 * The route schema checks only the top level (model, messages, stream):
 * everything else passes through to OpenAI-compatible providers untouched,
 * and the shared validator's type coercion must not rewrite message
 * contents. `checkChatRequest` then checks the shapes the translators read,
 * so a malformed body is a 400 naming the field, never a 500.
 */
export const ChatCompletionBody = Type.Object(
  {
    model: Type.String({ minLength: 1, maxLength: 256, description: '`<provider>/<model>` (e.g. `openai/gpt-4o-mini`), or a model of the key named by `x-atrium-key-id`' }),
    messages: Type.Array(Type.Object({ role: Type.String({ minLength: 1, maxLength: 64 }) }), { minItems: 1, maxItems: 100_000 }),
    stream: Type.Optional(Type.Boolean()),
  },
  { description: 'An OpenAI chat completion request; other fields are passed to the provider (or translated)' },
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
