import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createParser, type EventSourceParser } from 'eventsource-parser';
import { jsonText, nowSeconds, parseJson, randomId } from './common.js';
import type { ResponsesRequest } from './responses.js';
import { messageItem, responseObject, statusOf, type OutputItem } from './responses-translate.js';
import type { Usage, UsageTransform } from './types.js';

/** A chat.completion.chunk as atrium's translating adapters write it. */
interface ChunkJson {
  model?: string;
  error?: { message?: unknown; code?: unknown; type?: unknown };
  choices?: Array<{
    delta?: { content?: unknown; tool_calls?: Array<{ index?: number; id?: string; function?: { name?: string; arguments?: string } }> };
    finish_reason?: unknown;
  }>;
}

type FunctionItem = Extract<OutputItem, { type: 'function_call' }>;

/**
 * A provider's stream, translated to OpenAI chat chunks by its chat
 * adapter (`inner`), then to the Responses API's events: `response.created`,
 * `response.in_progress`, output items with their content parts and deltas,
 * and `response.completed` (or `.incomplete`) with the usage; every event
 * numbered by `sequence_number`, as the SDK's stream helpers expect. An
 * error chunk ends it with `error` and `response.failed`.
 */
export class ResponsesFromChatStream extends Transform implements UsageTransform {
  private readonly decoder = new StringDecoder('utf8');
  private readonly parser: EventSourceParser;
  private readonly id = randomId('resp_');
  private readonly createdAt = nowSeconds();
  private readonly output: OutputItem[] = [];
  /** The message item being written, and its text so far. */
  private message: { index: number; id: string; text: string } | null = null;
  /** Function-call items by the chat tool-call index. */
  private readonly calls = new Map<number, { index: number; item: FunctionItem }>();
  private sequence = 0;
  private started = false;
  private ended = false;
  private finishReason: unknown = null;

  constructor(
    private readonly inner: UsageTransform,
    private readonly body: ResponsesRequest,
    private model: string,
  ) {
    super();
    this.parser = createParser({ onEvent: (event) => this.onChunk(event.data) });
    inner.on('data', (chunk: Buffer) => this.parser.feed(this.decoder.write(chunk)));
    inner.on('error', (error) => this.destroy(error));
  }

  get usage(): Usage | null {
    return this.inner.usage;
  }
  get outputChars(): number {
    return this.inner.outputChars;
  }
  get failure(): { status: number } | null {
    return this.inner.failure;
  }
  set redact(redact: ((text: string) => string) | undefined) {
    this.inner.redact = redact;
  }
  get redact(): ((text: string) => string) | undefined {
    return this.inner.redact;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.inner.write(chunk, (error) => callback(error ?? null));
  }

  override _flush(callback: TransformCallback): void {
    this.inner.once('end', () => {
      try {
        this.parser.feed(this.decoder.end());
        this.complete();
        callback();
      } catch (error) {
        callback(error as Error);
      }
    });
    this.inner.end();
  }

  /** A client that went away (or a failed upstream) ends the chat translation too. */
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner.destroy();
    callback(error);
  }

  private send(type: string, fields: Record<string, unknown>): void {
    const event = { type, ...fields, sequence_number: this.sequence++ };
    this.push(`event: ${type}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  private snapshot(status: string, extra: { incomplete?: { reason: string } | null; error?: { code: string; message: string } } = {}): Record<string, unknown> {
    const usage = status === 'in_progress' ? null : (this.inner.usage ?? { inputTokens: 0, outputTokens: 0 });
    return responseObject(this.body, { id: this.id, createdAt: this.createdAt, model: this.model, status, output: this.output, usage, ...extra });
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.send('response.created', { response: this.snapshot('in_progress') });
    this.send('response.in_progress', { response: this.snapshot('in_progress') });
  }

  private onChunk(data: string): void {
    if (this.ended || data === '[DONE]') return;
    const chunk = parseJson(data) as ChunkJson | undefined;
    if (!chunk || typeof chunk !== 'object') return;
    if (typeof chunk.model === 'string' && chunk.model) this.model = chunk.model;
    this.start();
    if (chunk.error) return this.fail(chunk.error);
    const choice = chunk.choices?.[0];
    if (!choice) return;
    const content = choice.delta?.content;
    if (typeof content === 'string' && content) this.text(content);
    for (const call of choice.delta?.tool_calls ?? []) this.toolCall(call);
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
  }

  private text(delta: string): void {
    if (!this.message) {
      const item = messageItem('', 'in_progress');
      const index = this.output.push({ ...item, content: [] }) - 1;
      this.message = { index, id: item.id, text: '' };
      this.send('response.output_item.added', { output_index: index, item: { ...item, content: [] } });
      this.send('response.content_part.added', { item_id: item.id, output_index: index, content_index: 0, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } });
    }
    this.message.text += delta;
    this.send('response.output_text.delta', { item_id: this.message.id, output_index: this.message.index, content_index: 0, delta, logprobs: [] });
  }

  private closeMessage(): void {
    const message = this.message;
    if (!message) return;
    this.message = null;
    const part = { type: 'output_text', text: message.text, annotations: [], logprobs: [] };
    const at = { item_id: message.id, output_index: message.index, content_index: 0 };
    this.send('response.output_text.done', { ...at, text: message.text, logprobs: [] });
    this.send('response.content_part.done', { ...at, part });
    const item = messageItem(message.text, 'completed', message.id);
    this.output[message.index] = item;
    this.send('response.output_item.done', { output_index: message.index, item });
  }

  private toolCall(call: NonNullable<NonNullable<NonNullable<ChunkJson['choices']>[number]['delta']>['tool_calls']>[number]): void {
    const key = call.index ?? 0;
    let open = this.calls.get(key);
    if (!open) {
      this.closeMessage();
      const item: FunctionItem = { id: randomId('fc_'), type: 'function_call', status: 'in_progress', call_id: call.id ?? randomId('call_'), name: call.function?.name ?? '', arguments: '' };
      open = { index: this.output.push(item) - 1, item };
      this.calls.set(key, open);
      this.send('response.output_item.added', { output_index: open.index, item: { ...item } });
    }
    const delta = call.function?.arguments;
    if (typeof delta === 'string' && delta) {
      open.item.arguments += delta;
      this.send('response.function_call_arguments.delta', { item_id: open.item.id, output_index: open.index, delta });
    }
  }

  private closeCalls(): void {
    for (const { index, item } of this.calls.values()) {
      this.send('response.function_call_arguments.done', { item_id: item.id, output_index: index, name: item.name, arguments: item.arguments });
      item.status = 'completed';
      this.send('response.output_item.done', { output_index: index, item: { ...item } });
    }
    this.calls.clear();
  }

  /** The end of the provider's stream: every open item done, then the final response with its usage. */
  private complete(): void {
    if (this.ended) return;
    this.start();
    this.ended = true;
    this.closeMessage();
    this.closeCalls();
    const { status, incomplete_details } = statusOf(this.finishReason);
    const response = { ...this.snapshot(status, { incomplete: incomplete_details }), completed_at: status === 'completed' ? nowSeconds() : null };
    this.send(status === 'completed' ? 'response.completed' : 'response.incomplete', { response });
  }

  /** The provider failed mid-stream (the chat adapter's error chunk): OpenAI's `error` event, then `response.failed`. */
  private fail(error: NonNullable<ChunkJson['error']>): void {
    this.ended = true;
    const message = jsonText(error.message ?? 'Provider stream error');
    const code = error.code == null ? 'server_error' : jsonText(error.code);
    this.send('error', { code, message, param: null });
    this.send('response.failed', { response: this.snapshot('failed', { error: { code, message } }) });
  }
}
