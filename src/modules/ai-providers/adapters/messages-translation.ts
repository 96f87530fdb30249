import type { TransformCallback } from 'node:stream';
import type { EventSourceMessage } from 'eventsource-parser';
import { jsonText, parseArguments, parseJson, randomId, SseTransform } from './common.js';
import { TranslationError, type ChatMessage, type ChatRequest, type ContentPart, type Usage, type UsageTransform } from './types.js';

/**
 * Anthropic's Messages API spoken to a provider that has only a chat
 * adapter: the Anthropic request becomes the gateway's OpenAI `ChatRequest`
 * (which that provider's adapter then sends in its own protocol), and the
 * OpenAI answer becomes an Anthropic `Message`. What has no OpenAI
 * equivalent and changes only how the model works (`top_k`, `thinking`,
 * `service_tier`, `cache_control`, `metadata`, `output_config.effort`) is
 * left out; what would change the answer's meaning (documents, server
 * tools, structured output formats) is a 400 naming the field.
 */

type Block = Record<string, unknown>;

/** The request fields read here, as the schema and `checkMessagesRequest` leave them. */
export interface MessagesRequest {
  model: string;
  max_tokens: number;
  messages: Array<{ role: string; content: string | Block[] }>;
  system?: string | Block[];
  stop_sequences?: string[];
  stream?: boolean;
  temperature?: number;
  top_p?: number;
  tools?: Block[];
  tool_choice?: { type?: string; name?: string; disable_parallel_tool_use?: boolean };
  output_config?: { format?: unknown };
  output_format?: unknown;
  [key: string]: unknown;
}

/** A token-count request: the prompt parts of a Messages request. */
export type CountTokensRequest = Pick<MessagesRequest, 'model' | 'messages' | 'system' | 'tools' | 'tool_choice'> & Record<string, unknown>;

const blocksOf = (content: string | Block[] | undefined): Block[] => (content === undefined ? [] : typeof content === 'string' ? [{ type: 'text', text: content }] : content);

/** The text of blocks that may hold only text (system prompts, tool results). */
function textOnly(content: unknown, param: string): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return (content as Block[])
    .map((block, i) => {
      if (block.type !== 'text') throw new TranslationError(`Content block type "${jsonText(block.type)}" is not supported here when the key's provider is not Anthropic`, `${param}.${i}.type`);
      return block.text as string;
    })
    .join('');
}

/** An Anthropic image source as an OpenAI image URL (a data URL for base64 images). */
function imagePart(block: Block, param: string): ContentPart {
  const source = (block.source ?? {}) as { type?: string; media_type?: string; data?: string; url?: string };
  if (source.type === 'base64') return { type: 'image_url', image_url: { url: `data:${source.media_type};base64,${source.data}` } };
  if (source.type === 'url') return { type: 'image_url', image_url: { url: source.url ?? '' } };
  throw new TranslationError(`Image source type "${jsonText(source.type)}" is not supported when the key's provider is not Anthropic`, `${param}.source.type`);
}

/** One user turn: its tool results first (OpenAI wants them right after the assistant's calls), then its text and images. */
function userMessages(content: string | Block[], param: string): ChatMessage[] {
  const tools: ChatMessage[] = [];
  const parts: ContentPart[] = [];
  blocksOf(content).forEach((block, i) => {
    const at = `${param}.content.${i}`;
    if (block.type === 'text') parts.push({ type: 'text', text: block.text as string });
    else if (block.type === 'image') parts.push(imagePart(block, at));
    else if (block.type === 'tool_result') {
      const text = textOnly(block.content, `${at}.content`);
      tools.push({ role: 'tool', tool_call_id: block.tool_use_id as string, content: block.is_error === true ? `Error: ${text}` : text });
    } else throw new TranslationError(`Content block type "${jsonText(block.type)}" is not supported when the key's provider is not Anthropic`, `${at}.type`);
  });
  if (parts.length === 0) return tools;
  const onlyText = parts.every((p) => p.type === 'text');
  return [...tools, { role: 'user', content: onlyText ? parts.map((p) => (p as { text: string }).text).join('') : parts }];
}

/** One assistant turn: text and tool calls; earlier thinking stays with Anthropic. */
function assistantMessage(content: string | Block[], param: string): ChatMessage {
  let text = '';
  const calls: NonNullable<ChatMessage['tool_calls']> = [];
  blocksOf(content).forEach((block, i) => {
    if (block.type === 'text') text += block.text as string;
    else if (block.type === 'tool_use') calls.push({ id: block.id as string, type: 'function', function: { name: block.name as string, arguments: JSON.stringify(block.input ?? {}) } });
    else if (block.type !== 'thinking' && block.type !== 'redacted_thinking') {
      throw new TranslationError(`Content block type "${jsonText(block.type)}" is not supported when the key's provider is not Anthropic`, `${param}.content.${i}.type`);
    }
  });
  return { role: 'assistant', content: text || null, ...(calls.length ? { tool_calls: calls } : {}) };
}

function chatTools(tools: Block[]): ChatRequest['tools'] {
  return tools.map((tool, i) => {
    if (tool.type !== undefined && tool.type !== null && tool.type !== 'custom') {
      throw new TranslationError(`Tool type "${jsonText(tool.type)}" is an Anthropic server tool: it needs an Anthropic key`, `tools.${i}.type`);
    }
    const description = typeof tool.description === 'string' ? { description: tool.description } : {};
    return { type: 'function', function: { name: tool.name as string, ...description, parameters: tool.input_schema ?? { type: 'object', properties: {} } } };
  });
}

function chatToolChoice(choice: NonNullable<MessagesRequest['tool_choice']>): unknown {
  switch (choice.type) {
    case 'any':
      return 'required';
    case 'tool':
      return { type: 'function', function: { name: choice.name } };
    case 'none':
      return 'none';
    default:
      return 'auto';
  }
}

/**
 * Anthropic Messages request → OpenAI chat request. `tokensField` is where
 * the provider reads the output limit (OpenAI's newer models refuse
 * `max_tokens`; other OpenAI-compatible servers know only it).
 */
export function toChatRequest(body: MessagesRequest, tokensField: 'max_tokens' | 'max_completion_tokens'): ChatRequest {
  if (body.output_config?.format != null) throw new TranslationError('output_config.format needs an Anthropic key', 'output_config.format');
  if (body.output_format != null) throw new TranslationError('output_format needs an Anthropic key', 'output_format');
  const messages: ChatMessage[] = [];
  const system = textOnly(body.system, 'system');
  if (system) messages.push({ role: 'system', content: system });
  body.messages.forEach((m, i) => {
    const param = `messages.${i}`;
    if (m.role === 'user') messages.push(...userMessages(m.content, param));
    else if (m.role === 'assistant') messages.push(assistantMessage(m.content, param));
    else if (m.role === 'system') messages.push({ role: 'system', content: textOnly(m.content, `${param}.content`) });
    else throw new TranslationError(`Message role "${m.role}" is not supported`, `${param}.role`);
  });
  const out: ChatRequest = { model: body.model, messages, [tokensField]: body.max_tokens };
  if (body.stream === true) out.stream = true;
  if (body.temperature != null) out.temperature = body.temperature;
  if (body.top_p != null) out.top_p = body.top_p;
  if (body.stop_sequences?.length) out.stop = body.stop_sequences;
  if (body.tools?.length) {
    out.tools = chatTools(body.tools);
    if (body.tool_choice) out.tool_choice = chatToolChoice(body.tool_choice);
    if (body.tool_choice?.disable_parallel_tool_use === true) out.parallel_tool_calls = false;
  }
  return out;
}

const STOP_REASON: Record<string, string> = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use', function_call: 'tool_use', content_filter: 'refusal' };
const stopReason = (finish: unknown): string => STOP_REASON[jsonText(finish)] ?? 'end_turn';

/** Anthropic's usage object: `input_tokens` excludes the prompt tokens read from or written to the cache. */
function anthropicUsageJson(usage: Usage | null) {
  const read = usage?.cacheReadTokens ?? 0;
  const write = usage?.cacheWriteTokens ?? 0;
  return {
    input_tokens: Math.max(0, (usage?.inputTokens ?? 0) - read - write),
    output_tokens: usage?.outputTokens ?? 0,
    cache_creation_input_tokens: write,
    cache_read_input_tokens: read,
    cache_creation: null,
    server_tool_use: null,
    service_tier: null,
  };
}

/** An Anthropic `Message` with no content yet (message_start), or the whole answer. */
function messageShell(id: string, model: string, content: Block[], stop: string | null, usage: Usage | null): Record<string, unknown> {
  return { id, type: 'message', role: 'assistant', model, content, stop_reason: stop, stop_sequence: null, usage: anthropicUsageJson(usage) };
}

const messageId = (): string => randomId('msg_');

interface CompletionJson {
  choices?: Array<{ message?: { content?: unknown; tool_calls?: Array<{ id?: unknown; function?: { name?: unknown; arguments?: unknown } }> }; finish_reason?: unknown }>;
}

/** OpenAI `chat.completion` (as the chat adapter returns it) → Anthropic `Message`. */
export function toAnthropicMessage(completion: Buffer | string, model: string, usage: Usage | null): Record<string, unknown> {
  const choice = (parseJson(completion) as CompletionJson | undefined)?.choices?.[0];
  if (!choice) throw new Error('the provider answered without a choice');
  const content: Block[] = [];
  const text = choice.message?.content;
  if (typeof text === 'string' && text) content.push({ type: 'text', text, citations: null });
  for (const call of choice.message?.tool_calls ?? []) {
    const args = typeof call.function?.arguments === 'string' ? call.function.arguments : undefined;
    content.push({ type: 'tool_use', id: jsonText(call.id ?? randomId('toolu_')), name: jsonText(call.function?.name ?? ''), input: parseArguments(args) });
  }
  return messageShell(messageId(), model, content, stopReason(choice.finish_reason), usage);
}

interface ChunkJson {
  error?: { message?: unknown; type?: unknown };
  choices?: Array<{ delta?: { content?: unknown; tool_calls?: Array<{ index?: unknown; id?: unknown; function?: { name?: unknown; arguments?: unknown } }> }; finish_reason?: unknown }>;
}

const event = (name: string, data: Record<string, unknown>): string => `event: ${name}\ndata: ${JSON.stringify({ type: name, ...data })}\n\n`;

/**
 * OpenAI chunks → Anthropic's event stream. The provider's bytes go through
 * its chat adapter's own stream first (translated providers → OpenAI
 * chunks; OpenAI-compatible ones unchanged), whose usage, generated
 * characters and failure are this stream's. Each text run and each tool
 * call is one content block; the usage comes with `message_delta`, once
 * the provider has reported it (OpenAI sends it after the last choice).
 */
export class AnthropicEventStream extends SseTransform {
  private readonly id = messageId();
  private started = false;
  private ended = false;
  private blocks = 0;
  private open: { kind: 'text' } | { kind: 'tool'; tool: number } | null = null;
  private readonly toolBlocks = new Map<number, number>();
  private stop: string | null = null;

  constructor(
    private readonly inner: UsageTransform,
    private readonly model: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    this.inner.redact = this.redact;
    // SseTransform answers synchronously: its output is parsed here before the callback returns.
    this.inner._transform(chunk, encoding, (error, out?: string | Buffer) => {
      this.sync();
      if (error) return callback(error);
      if (out === undefined) return callback();
      super._transform(Buffer.from(out), encoding, callback);
    });
  }

  override _flush(callback: TransformCallback): void {
    this.inner._flush((error, out?: string | Buffer) => {
      this.sync();
      if (error) return callback(error);
      if (out === undefined) return super._flush(callback);
      super._transform(Buffer.from(out), 'utf8', (e, text?: string) => {
        if (e) return callback(e);
        super._flush((e2, rest?: string) => callback(e2, (text ?? '') + (rest ?? '') || undefined));
      });
    });
  }

  private sync(): void {
    this.usage = this.inner.usage;
    this.outputChars = this.inner.outputChars;
    if (this.inner.failure) this.failure = this.inner.failure;
  }

  protected override onEvent(message: EventSourceMessage): string[] | void {
    if (this.ended) return;
    if (message.data === '[DONE]') return this.finishMessage();
    const chunk = parseJson(message.data) as ChunkJson | undefined;
    if (!chunk) return;
    const out = this.start();
    if (chunk.error && typeof chunk.error === 'object') {
      this.ended = true;
      const status = this.failure?.status ?? 502;
      const type = errorTypeFor(status);
      out.push(event('error', { error: { type, message: jsonText(chunk.error.message ?? 'Provider stream error') } }));
      return out;
    }
    const choice = chunk.choices?.[0];
    if (!choice) return out;
    const text = choice.delta?.content;
    if (typeof text === 'string' && text) {
      if (this.open?.kind !== 'text') out.push(...this.openBlock({ kind: 'text' }, { type: 'text', text: '', citations: null }));
      out.push(event('content_block_delta', { index: this.blocks - 1, delta: { type: 'text_delta', text } }));
    }
    for (const call of choice.delta?.tool_calls ?? []) out.push(...this.toolDelta(call));
    if (choice.finish_reason != null) this.stop = stopReason(choice.finish_reason);
    return out;
  }

  private toolDelta(call: NonNullable<NonNullable<NonNullable<ChunkJson['choices']>[number]['delta']>['tool_calls']>[number]): string[] {
    const out: string[] = [];
    const tool = typeof call.index === 'number' ? call.index : 0;
    if (!this.toolBlocks.has(tool)) {
      out.push(...this.openBlock({ kind: 'tool', tool }, { type: 'tool_use', id: jsonText(call.id ?? randomId('toolu_')), name: jsonText(call.function?.name ?? ''), input: {} }));
      this.toolBlocks.set(tool, this.blocks - 1);
    }
    const args = call.function?.arguments;
    if (typeof args === 'string' && args) out.push(event('content_block_delta', { index: this.toolBlocks.get(tool), delta: { type: 'input_json_delta', partial_json: args } }));
    return out;
  }

  private start(): string[] {
    if (this.started) return [];
    this.started = true;
    return [event('message_start', { message: messageShell(this.id, this.model, [], null, null) })];
  }

  private openBlock(kind: NonNullable<AnthropicEventStream['open']>, block: Block): string[] {
    const out = this.closeBlock();
    this.open = kind;
    out.push(event('content_block_start', { index: this.blocks, content_block: block }));
    this.blocks += 1;
    return out;
  }

  private closeBlock(): string[] {
    if (!this.open) return [];
    this.open = null;
    return [event('content_block_stop', { index: this.blocks - 1 })];
  }

  /** The last events, once: the usage is complete when the provider's stream is. */
  private finishMessage(): string[] {
    if (this.ended) return [];
    this.ended = true;
    const usage = anthropicUsageJson(this.inner.usage);
    return [
      ...this.start(),
      ...this.closeBlock(),
      event('message_delta', { delta: { stop_reason: this.stop ?? 'end_turn', stop_sequence: null }, usage }),
      event('message_stop', {}),
    ];
  }

  protected override onEnd(): string[] {
    return this.finishMessage();
  }
}

/** Anthropic's error type for an HTTP status, as its API pairs them. */
export function errorTypeFor(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 402) return 'billing_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  if (status === 504) return 'timeout_error';
  if (status === 529 || status === 503) return 'overloaded_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}
