import { Type, type TSchema } from 'typebox';
import type { MessagesRequest } from '../ai-providers/adapters/messages-translation.js';
import { gatewayError } from './gateway.service.js';
import { estimateTokens } from './tokens.js';

/**
 * Anthropic's Messages request (`POST /v1/messages`) and token-count request
 * (`/v1/messages/count_tokens`), every parameter of the API as of version
 * 2026-10-21 with its betas, plus those older versions still take
 * (`temperature`, `top_p`, `top_k`). Closed like the chat body: an unknown
 * parameter is a 400 naming it, as Anthropic answers ("Extra inputs are not
 * permitted"). Parameters atrium does not read go to Anthropic untouched,
 * so the schema does not restate their shapes; the ones the translation
 * reads are typed, and `checkMessagesRequest` checks the content blocks it
 * reads, so a malformed body is a 400 naming the field, never a 500.
 */
const PASS_THROUGH_PARAMETERS = [
  'billing_policy', 'cache_control', 'compaction', 'container', 'context_management', 'diagnostics', 'fallback_credit_token',
  'fallbacks', 'inference_geo', 'mcp_servers', 'output_config', 'output_format', 'speed', 'thread',
] as const;
const COUNT_PASS_THROUGH_PARAMETERS = ['billing_policy', 'cache_control', 'compaction', 'context_management', 'mcp_servers', 'output_config', 'output_format', 'speed'] as const;

// Blocks stay open: Anthropic has some twenty block types and adds more often.
const Block = Type.Object({ type: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: true });
const Blocks = Type.Array(Block, { maxItems: 100_000 });
const Content = Type.Union([Type.String(), Blocks]);

const common = {
  model: Type.String({ minLength: 1, maxLength: 256, description: 'A model of the workspace\'s Anthropic key (`claude-sonnet-4-5`), `anthropic/<model>`, `<provider>/<model>` (translated), or a model of the key named by `x-atrium-key-id`' }),
  messages: Type.Array(Type.Object({ role: Type.String({ minLength: 1, maxLength: 64 }), content: Content }), { minItems: 1, maxItems: 100_000 }),
  system: Type.Optional(Type.Union([Type.String(), Blocks])),
  tools: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: true }), { maxItems: 10_000 })),
  tool_choice: Type.Optional(Type.Object({ type: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: true })),
  thinking: Type.Optional(Type.Object({ type: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: true })),
};

const passThrough = (names: readonly string[]): Record<string, TSchema> => Object.fromEntries(names.map((name) => [name, Type.Optional(Type.Unknown())]));

export const MessagesBody = Type.Object(
  {
    ...common,
    max_tokens: Type.Integer({ minimum: 0 }),
    stream: Type.Optional(Type.Boolean()),
    stop_sequences: Type.Optional(Type.Array(Type.String(), { maxItems: 10_000 })),
    temperature: Type.Optional(Type.Number()),
    top_p: Type.Optional(Type.Number()),
    top_k: Type.Optional(Type.Integer({ minimum: 0 })),
    metadata: Type.Optional(Type.Object({ user_id: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])) })),
    service_tier: Type.Optional(Type.String({ maxLength: 64 })),
    ...passThrough(PASS_THROUGH_PARAMETERS),
  },
  { additionalProperties: false, description: "An Anthropic Messages request (Anthropic's parameters only); atrium translates it for other providers" },
);

export const CountTokensBody = Type.Object(
  { ...common, ...passThrough(COUNT_PASS_THROUGH_PARAMETERS) },
  { additionalProperties: false, description: 'An Anthropic token-count request' },
);

/** The headers of Anthropic's clients that atrium reads (besides `x-api-key`/`Authorization`). */
export const AnthropicHeaders = Type.Object({
  'x-atrium-key-id': Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Use this AI key instead of the one the model names' })),
  'anthropic-version': Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Sent to Anthropic as given (default 2023-06-01)' })),
  'anthropic-beta': Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._, -]{1,1024}$', description: 'Sent to Anthropic as given' })),
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(param: string, message: string): never {
  throw gatewayError(400, `${param}: ${message}`, 'invalid_value', { type: 'invalid_request_error', param });
}

/** The fields of each block type that atrium reads (to translate or to count). */
function checkBlock(block: Record<string, unknown>, at: string): void {
  if (block.type === 'text' && typeof block.text !== 'string') invalid(`${at}.text`, 'Input should be a valid string');
  if (block.type === 'image' && !isObject(block.source)) invalid(`${at}.source`, 'Input should be an object');
  if (block.type === 'tool_use') {
    if (typeof block.id !== 'string') invalid(`${at}.id`, 'Input should be a valid string');
    if (typeof block.name !== 'string') invalid(`${at}.name`, 'Input should be a valid string');
  }
  if (block.type === 'tool_result') {
    if (typeof block.tool_use_id !== 'string') invalid(`${at}.tool_use_id`, 'Input should be a valid string');
    const content = block.content;
    if (content != null && typeof content !== 'string') {
      if (!Array.isArray(content)) invalid(`${at}.content`, 'Input should be a valid string or list');
      content.forEach((inner, i) => {
        if (!isObject(inner) || typeof inner.type !== 'string') invalid(`${at}.content.${i}`, 'Input should be an object with a string "type"');
        checkBlock(inner, `${at}.content.${i}`);
      });
    }
  }
}

export function checkMessagesRequest(body: Pick<MessagesRequest, 'messages' | 'system'>): void {
  body.messages.forEach((m, i) => {
    if (Array.isArray(m.content)) m.content.forEach((block, j) => checkBlock(block, `messages.${i}.content.${j}`));
  });
  if (Array.isArray(body.system)) body.system.forEach((block, j) => checkBlock(block, `system.${j}`));
}

/** Characters of text a block holds (text, tool input, tool results). */
function blockChars(block: Record<string, unknown>): number {
  if (typeof block.text === 'string') return block.text.length;
  if (block.type === 'tool_use') return JSON.stringify(block.input ?? {}).length;
  if (typeof block.content === 'string') return block.content.length;
  if (Array.isArray(block.content)) return (block.content as Record<string, unknown>[]).reduce((n, b) => n + blockChars(b), 0);
  return 0;
}

const contentChars = (content: string | Record<string, unknown>[] | undefined): number =>
  content === undefined ? 0 : typeof content === 'string' ? content.length : content.reduce((n, b) => n + blockChars(b), 0);

/**
 * Prompt tokens of a Messages request before the call (≈ 4 characters a
 * token): for the tokens-per-minute limit, and as count_tokens' answer
 * when the key's provider has no token counter of Anthropic's.
 */
export function estimateMessagesTokens(body: Pick<MessagesRequest, 'messages' | 'system' | 'tools'>): number {
  let chars = contentChars(body.system);
  for (const m of body.messages) chars += 4 + contentChars(m.content);
  if (body.tools) chars += JSON.stringify(body.tools).length;
  return estimateTokens(chars);
}
