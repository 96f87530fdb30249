import { ANTHROPIC_VERSION, AnthropicStream, anthropicUsage, type AnthropicBlockJson, type AnthropicUsageJson } from './anthropic.js';
import { baseUrl, chatPost, joinUrl, parseJson } from './common.js';
import type { ProviderKey, UpstreamRequest, Usage } from './types.js';

/**
 * Anthropic's own Messages API, passed through: the client's body goes to
 * Anthropic as sent (only `model` becomes the key's model name), and the
 * answer comes back byte for byte; atrium only reads its usage.
 */

/** The Anthropic headers a client may choose; every other header is atrium's. */
export interface AnthropicClientHeaders {
  version?: string;
  beta?: string;
}

export type MessagesPath = 'v1/messages' | 'v1/messages/count_tokens';

/** The upstream request of a pass-through call: the key's auth, the client's API version and betas. */
export function anthropicPassthrough(key: ProviderKey, path: MessagesPath, body: Record<string, unknown>, client: AnthropicClientHeaders): UpstreamRequest {
  const url = joinUrl(baseUrl(key, 'https://api.anthropic.com'), path);
  const headers: Record<string, string> = { 'x-api-key': key.apiKey, 'anthropic-version': client.version ?? ANTHROPIC_VERSION };
  if (client.beta) headers['anthropic-beta'] = client.beta;
  return chatPost(url, headers, JSON.stringify(body), path === 'v1/messages' ? body.stream === true : undefined);
}

interface MessageJson {
  content?: unknown;
  usage?: AnthropicUsageJson;
}

/** Usage of an Anthropic Message (null when it reports none) and the characters it generated. */
export function readMessage(raw: Buffer | string): { usage: Usage | null; outputChars: number } {
  const message = parseJson(raw) as MessageJson | undefined;
  const usage = message?.usage && typeof message.usage === 'object' ? anthropicUsage(message.usage) : null;
  const blocks = Array.isArray(message?.content) ? (message.content as (AnthropicBlockJson | null)[]) : [];
  const outputChars = blocks.reduce((n, b) => n + (typeof b?.text === 'string' ? b.text.length : 0) + (b?.type === 'tool_use' ? JSON.stringify(b.input ?? {}).length : 0), 0);
  return { usage, outputChars };
}

/**
 * Anthropic's event stream, forwarded unchanged. The usage bookkeeping is
 * the translating stream's (message_start, cumulative message_delta,
 * `event: error`); only its OpenAI output is not written.
 */
export class AnthropicPassthroughStream extends AnthropicStream {
  protected override passBytes(): boolean {
    return true;
  }
}
