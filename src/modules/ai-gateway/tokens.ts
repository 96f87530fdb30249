import type { ChatRequest } from '../ai-providers/adapters/types.js';

/**
 * A rough token count (≈ 4 characters per token) used before a call, for
 * the tokens-per-minute limit, and after one whose provider reported no
 * usage (such rows are flagged `estimated`).
 */
export const estimateTokens = (chars: number): number => Math.ceil(chars / 4);

export function estimatePromptTokens(body: ChatRequest): number {
  let chars = 0;
  for (const m of body.messages) {
    chars += 4; // role and framing
    if (typeof m.content === 'string') chars += m.content.length;
    else if (Array.isArray(m.content)) {
      for (const part of m.content) if (part.type === 'text' && typeof part.text === 'string') chars += part.text.length;
    }
    for (const call of m.tool_calls ?? []) chars += (call.function?.name?.length ?? 0) + (call.function?.arguments?.length ?? 0);
  }
  if (body.tools) chars += JSON.stringify(body.tools).length;
  return estimateTokens(chars);
}
