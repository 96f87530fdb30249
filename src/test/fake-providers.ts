/**
 * Fake AI providers for tests: real HTTP servers on 127.0.0.1 that speak each
 * provider's wire protocol closely enough to prove atrium's adapters —
 * authentication headers, paths, JSON and SSE bodies with usage, and the
 * provider's own error shapes for 401, 429 (with retry-after) and 5xx.
 *
 *   const fake = await startFakeProvider('anthropic', { apiKey: 'sk-ant-test' });
 *   // store a key with endpoint_url: fake.endpointUrl, api_key: 'sk-ant-test'
 *   fake.failNext({ status: 429, retryAfter: 7 });
 *   fake.reply = { text: 'Hi', inputTokens: 3, outputTokens: 1 };
 *   fake.requests.at(-1)  // what atrium sent
 *   await fake.close();
 *
 * Anthropic's `/v1/messages/count_tokens` answers `{input_tokens}` with the
 * reply's `inputTokens`; its `/v1/messages` refuses a body without
 * `max_tokens`, as Anthropic does.
 *
 * Embeddings (OpenAI, Mistral and Azure `/embeddings`, Gemini
 * `batchEmbedContents`/`embedContent`, Cohere `/v2/embed`) answer
 * `fakeEmbedding(text, dimensions)` for each input, so tests know the vectors.
 *
 * The Responses API (OpenAI `/v1/responses`, Azure's v1 `/openai/v1/responses`)
 * answers a `response` object or its SSE events, as OpenAI sends them.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `openai` also serves OpenAI-compatible providers (groq, openrouter, custom); `mistral` is OpenAI-like with Mistral's quirks. */
export type FakeProviderKind = 'openai' | 'mistral' | 'azure' | 'anthropic' | 'gemini' | 'cohere';

export interface FakeReply {
  text?: string;
  inputTokens?: number;
  outputTokens?: number;
  /** Answer with a tool call instead of text. */
  toolCall?: { name: string; arguments: Record<string, unknown> };
  /** OpenAI-style fakes only: report no usage at all (like some self-hosted servers). */
  omitUsage?: boolean;
  /**
   * Prompt tokens read from the provider's cache, reported as each provider
   * does: OpenAI `prompt_tokens_details.cached_tokens` and Gemini
   * `cachedContentTokenCount` count them inside `inputTokens`; Anthropic's
   * `cache_read_input_tokens` comes on top of `input_tokens` (= `inputTokens`).
   */
  cacheReadTokens?: number;
  /** Anthropic only: `cache_creation_input_tokens`, on top of `input_tokens`. */
  cacheWriteTokens?: number;
  /**
   * Reasoning (thinking) tokens, reported as each provider does: OpenAI's
   * `completion_tokens_details.reasoning_tokens` and the Responses API's
   * `output_tokens_details.reasoning_tokens` count them inside `outputTokens`;
   * Gemini's `thoughtsTokenCount` comes on top of `candidatesTokenCount`
   * (= `outputTokens`). Anthropic counts thinking inside `output_tokens` with
   * no separate figure: ignored there.
   */
  reasoningTokens?: number;
  /**
   * Streams only: after the text, end with the provider's in-stream error
   * (Anthropic `event: error`, Gemini and OpenAI `data: {"error": …}`)
   * instead of finishing normally. `type` is Anthropic's error type
   * (default overloaded_error); `code` the HTTP-like code Gemini/OpenAI give.
   */
  streamError?: { type?: string; code?: number; message?: string };
}

export interface FakeFailure {
  status: number;
  /** Seconds, sent as `retry-after`. */
  retryAfter?: number;
  message?: string;
  /** How many requests fail (default 1). */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: any;
}

export interface FakeProviderOptions {
  /** Keys the fake accepts (default: `test-key-<kind>`). */
  apiKey?: string | string[];
  reply?: FakeReply;
  /** Keep requests and responses for assertions (default true; benchmarks turn it off). */
  record?: boolean;
}

const DEFAULT_REPLY = { text: 'Hello from the fake provider!', inputTokens: 10, outputTokens: 5 };

/** Dimensions of a fake embedding when the request names none. */
const FAKE_EMBEDDING_DIMENSIONS = 8;

/**
 * The fake vector of a text: multiples of 1/256 (exact in float32, so a
 * base64 round trip compares equal), different for each text.
 */
export function fakeEmbedding(text: string, dimensions = FAKE_EMBEDDING_DIMENSIONS): number[] {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return Array.from({ length: dimensions }, (_, i) => (((h >>> (i % 24)) + i * 37) % 512) / 256 - 1);
}

function float32Base64(values: number[]): string {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  return bytes.toString('base64');
}

export class FakeProvider {
  readonly requests: RecordedRequest[] = [];
  /** The exact bytes of each chat response sent (JSON or the whole SSE stream), to prove pass-through. */
  readonly responses: string[] = [];
  readonly keys: Set<string>;
  reply: FakeReply;
  private failures: FakeFailure[] = [];
  private gate: Promise<void> | null = null;
  private server!: Server;
  private readonly record: boolean;
  origin = '';

  constructor(
    readonly kind: FakeProviderKind,
    options: FakeProviderOptions = {},
  ) {
    const keys = options.apiKey ?? `test-key-${kind}`;
    this.keys = new Set(Array.isArray(keys) ? keys : [keys]);
    this.reply = options.reply ?? {};
    this.record = options.record ?? true;
  }

  /** What to store as the key's `endpoint_url`: OpenAI-style bases include `/v1`. */
  get endpointUrl(): string {
    return this.kind === 'openai' || this.kind === 'mistral' ? `${this.origin}/v1` : this.origin;
  }

  /** Accept exactly these keys from now on (e.g. after a rotation at the provider). */
  acceptKeys(...keys: string[]): void {
    this.keys.clear();
    for (const k of keys) this.keys.add(k);
  }

  failNext(failure: FakeFailure): void {
    for (let i = 0; i < (failure.times ?? 1); i++) this.failures.push(failure);
  }

  /**
   * Holds responses until the returned function is called: JSON responses
   * wait before answering, streams after their first event.
   */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }

  /** Chat requests received (key tests excluded). */
  chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST');
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.gate = null;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- request handling ---------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: any = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return this.error(res, 400, 'Could not parse the JSON body of your request.');
      }
    }
    if (this.record) this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body });

    const route = this.route(req.method ?? 'GET', url);
    if (!route) return this.error(res, 404, `Unknown route ${req.method} ${url.pathname}`);
    const problem = this.checkRequest(req, url);
    if (problem) return this.error(res, problem.status, problem.message, problem.kind);
    const failure = this.failures.shift();
    if (failure) return this.error(res, failure.status, failure.message, undefined, failure.retryAfter);
    if (route === 'models') return this.json(res, 200, this.models());
    if (route === 'embeddings') return this.embeddings(res, body ?? {}, url);
    if (route === 'responses') return this.responsesApi(res, body ?? {});
    if (route === 'count_tokens') return this.json(res, 200, { input_tokens: this.replyFor().inputTokens });
    if (this.kind === 'anthropic' && typeof body?.max_tokens !== 'number') return this.error(res, 400, 'max_tokens: Field required');
    return this.chat(res, body ?? {}, url);
  }

  private route(method: string, url: URL): 'models' | 'chat' | 'embeddings' | 'responses' | 'count_tokens' | undefined {
    const p = url.pathname;
    switch (this.kind) {
      case 'openai':
      case 'mistral':
        if (method === 'GET' && (p === '/v1/models' || p === '/v1/key')) return 'models';
        if (method === 'POST' && p === '/v1/chat/completions') return 'chat';
        if (method === 'POST' && p === '/v1/embeddings') return 'embeddings';
        if (method === 'POST' && p === '/v1/responses' && this.kind === 'openai') return 'responses';
        return;
      case 'azure':
        if (method === 'GET' && p === '/openai/models') return 'models';
        if (method === 'POST' && /^\/openai\/deployments\/[^/]+\/chat\/completions$/.test(p)) return 'chat';
        if (method === 'POST' && /^\/openai\/deployments\/[^/]+\/embeddings$/.test(p)) return 'embeddings';
        if (method === 'POST' && p === '/openai/v1/responses') return 'responses';
        return;
      case 'anthropic':
        if (method === 'GET' && p === '/v1/models') return 'models';
        if (method === 'POST' && p === '/v1/messages') return 'chat';
        if (method === 'POST' && p === '/v1/messages/count_tokens') return 'count_tokens';
        return;
      case 'gemini':
        if (method === 'GET' && p === '/v1beta/models') return 'models';
        if (method === 'POST' && /^\/v1beta\/models\/[^/:]+:(generateContent|streamGenerateContent)$/.test(p)) return 'chat';
        if (method === 'POST' && /^\/v1beta\/models\/[^/:]+:(embedContent|batchEmbedContents)$/.test(p)) return 'embeddings';
        return;
      case 'cohere':
        if (method === 'GET' && p === '/v1/models') return 'models';
        if (method === 'POST' && p === '/v2/chat') return 'chat';
        if (method === 'POST' && p === '/v2/embed') return 'embeddings';
        return;
    }
  }

  /** Authentication and protocol checks, in the order the real provider makes them. */
  private checkRequest(req: IncomingMessage, url: URL): { status: number; message?: string; kind?: string } | undefined {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    switch (this.kind) {
      case 'openai':
      case 'mistral':
      case 'cohere':
        return bearer && this.keys.has(bearer) ? undefined : { status: 401, kind: 'auth' };
      case 'azure':
        // The v1 API (/openai/v1/…) takes no api-version; the deployment routes need one.
        if (!url.pathname.startsWith('/openai/v1/') && !url.searchParams.get('api-version')) return { status: 404, message: 'Resource not found' };
        return this.keys.has(String(req.headers['api-key'])) ? undefined : { status: 401, kind: 'auth' };
      case 'anthropic':
        if (!this.keys.has(String(req.headers['x-api-key']))) return { status: 401, kind: 'auth' };
        if (!req.headers['anthropic-version']) return { status: 400, message: 'anthropic-version: header is required' };
        return;
      case 'gemini': {
        const key = req.headers['x-goog-api-key'] ?? url.searchParams.get('key');
        return this.keys.has(String(key)) ? undefined : { status: 400, kind: 'auth' };
      }
    }
  }

  private models(): unknown {
    switch (this.kind) {
      case 'anthropic':
        return { data: [{ type: 'model', id: 'claude-3-5-haiku-latest', display_name: 'Claude Haiku', created_at: '2024-10-22T00:00:00Z' }], has_more: false, first_id: null, last_id: null };
      case 'gemini':
        return { models: [{ name: 'models/gemini-2.0-flash', displayName: 'Gemini 2.0 Flash', supportedGenerationMethods: ['generateContent'] }] };
      case 'cohere':
        return { models: [{ name: 'command-r', endpoints: ['chat'] }] };
      default:
        return { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }] };
    }
  }

  private replyFor(): Required<Omit<FakeReply, 'toolCall' | 'omitUsage' | 'streamError'>> & Pick<FakeReply, 'toolCall' | 'omitUsage' | 'streamError'> {
    return { cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, ...DEFAULT_REPLY, ...this.reply };
  }

  /** Anthropic's usage object: input_tokens excludes the cache reads and writes, reported beside it. */
  private anthropicUsage(r: ReturnType<FakeProvider['replyFor']>, output: number) {
    return { input_tokens: r.inputTokens, cache_creation_input_tokens: r.cacheWriteTokens, cache_read_input_tokens: r.cacheReadTokens, output_tokens: output, service_tier: 'standard' };
  }

  /** OpenAI's usage object: prompt_tokens includes the cached tokens, completion_tokens the reasoning tokens, each detailed beside it. */
  private openAIUsage(r: ReturnType<FakeProvider['replyFor']>) {
    const usage = { prompt_tokens: r.inputTokens, completion_tokens: r.outputTokens, total_tokens: r.inputTokens + r.outputTokens };
    if (this.kind === 'mistral') return usage;
    return {
      ...usage,
      prompt_tokens_details: { cached_tokens: r.cacheReadTokens, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: r.reasoningTokens, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };
  }

  /**
   * Gemini's usageMetadata: promptTokenCount includes cachedContentTokenCount, sent only when something was cached;
   * thoughtsTokenCount (thinking models only) is apart from candidatesTokenCount and counted in totalTokenCount.
   */
  private geminiUsage(r: ReturnType<FakeProvider['replyFor']>, output: number) {
    return {
      promptTokenCount: r.inputTokens,
      candidatesTokenCount: output,
      totalTokenCount: r.inputTokens + output + r.reasoningTokens,
      ...(r.cacheReadTokens ? { cachedContentTokenCount: r.cacheReadTokens } : {}),
      ...(r.reasoningTokens ? { thoughtsTokenCount: r.reasoningTokens } : {}),
    };
  }

  private async chat(res: ServerResponse, body: any, url: URL): Promise<void> {
    const stream = this.kind === 'gemini' ? url.pathname.endsWith(':streamGenerateContent') : body.stream === true;
    if (this.kind === 'mistral' && body.stream_options !== undefined) {
      return this.json(res, 422, { object: 'error', message: { detail: [{ type: 'extra_forbidden', loc: ['body', 'stream_options'], msg: 'Extra inputs are not permitted' }] }, type: 'invalid_request_error', param: null, code: null });
    }
    if (this.kind === 'gemini' && stream && url.searchParams.get('alt') !== 'sse') {
      return this.error(res, 400, 'This fake only streams with alt=sse');
    }
    const model = String(body.model ?? /models\/([^:]+)/.exec(url.pathname)?.[1] ?? /deployments\/([^/]+)/.exec(url.pathname)?.[1] ?? 'unknown');
    const reply = this.replyFor();
    if (!stream) {
      if (this.gate) await this.gate;
      const completion = this.completion(model, reply, body) as Record<string, unknown>;
      if (reply.omitUsage) delete completion.usage;
      const text = JSON.stringify(completion);
      if (this.record) this.responses.push(text);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      return void res.end(text);
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const events = this.streamEvents(model, reply, body);
    if (this.record) this.responses.push(events.join(''));
    for (let i = 0; i < events.length; i++) {
      if (res.destroyed) return;
      res.write(events[i]);
      if (i === 0 && this.gate) await this.gate;
      // Let each event travel in its own packet, as a real stream would.
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
  }

  /** Gemini's generationConfig.candidateCount (OpenAI's n): the text of each candidate. */
  private candidateTexts(r: ReturnType<FakeProvider['replyFor']>, body: any): string[] {
    const n = Math.max(1, Number(body?.generationConfig?.candidateCount ?? 1));
    return Array.from({ length: n }, (_, i) => (i === 0 ? r.text : `Candidate ${i}: ${r.text}`));
  }

  private completion(model: string, r: ReturnType<FakeProvider['replyFor']>, body: any): unknown {
    const id = randomUUID().replace(/-/g, '');
    switch (this.kind) {
      case 'anthropic':
        return {
          id: `msg_${id}`,
          type: 'message',
          role: 'assistant',
          model,
          content: r.toolCall ? [{ type: 'tool_use', id: `toolu_${id}`, name: r.toolCall.name, input: r.toolCall.arguments }] : [{ type: 'text', text: r.text }],
          stop_reason: r.toolCall ? 'tool_use' : 'end_turn',
          stop_sequence: null,
          usage: this.anthropicUsage(r, r.outputTokens),
        };
      case 'gemini':
        return {
          candidates: this.candidateTexts(r, body).map((text, index) => ({
            content: { role: 'model', parts: r.toolCall ? [{ functionCall: { name: r.toolCall.name, args: r.toolCall.arguments } }] : [{ text }] },
            finishReason: 'STOP',
            index,
          })),
          usageMetadata: this.geminiUsage(r, r.outputTokens),
          modelVersion: model,
          responseId: id,
        };
      case 'cohere':
        return {
          id,
          finish_reason: r.toolCall ? 'TOOL_CALL' : 'COMPLETE',
          message: r.toolCall
            ? { role: 'assistant', tool_plan: 'I will call the tool.', tool_calls: [{ id: `call_${id}`, type: 'function', function: { name: r.toolCall.name, arguments: JSON.stringify(r.toolCall.arguments) } }] }
            : { role: 'assistant', content: [{ type: 'text', text: r.text }] },
          usage: { billed_units: { input_tokens: r.inputTokens, output_tokens: r.outputTokens }, tokens: { input_tokens: r.inputTokens + 60, output_tokens: r.outputTokens } },
        };
      default:
        return {
          id: `chatcmpl-${id}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model,
          choices: [
            {
              index: 0,
              message: r.toolCall
                ? { role: 'assistant', content: null, tool_calls: [{ id: `call_${id}`, type: 'function', function: { name: r.toolCall.name, arguments: JSON.stringify(r.toolCall.arguments) } }], refusal: null }
                : { role: 'assistant', content: r.text, refusal: null },
              logprobs: null,
              finish_reason: r.toolCall ? 'tool_calls' : 'stop',
            },
          ],
          usage: this.openAIUsage(r),
          system_fingerprint: 'fp_fake',
        };
    }
  }

  /**
   * An embeddings call in the provider's own shape, with its checks: Mistral
   * refuses fields it does not know, Gemini wants each request's model to be
   * the path's, Cohere needs input_type and embedding_types for v3+ models.
   */
  private embeddings(res: ServerResponse, body: any, url: URL): void {
    const r = this.replyFor();
    switch (this.kind) {
      case 'gemini': {
        const model = `models/${/models\/([^:]+)/.exec(url.pathname)?.[1]}`;
        const vector = (request: any) => {
          if (!Array.isArray(request?.content?.parts)) throw new Error('content.parts is required');
          const text = request.content.parts.map((p: any) => p.text ?? '').join(' ');
          return { values: fakeEmbedding(text, request.outputDimensionality ?? FAKE_EMBEDDING_DIMENSIONS) };
        };
        try {
          if (url.pathname.endsWith(':embedContent')) return this.json(res, 200, { embedding: vector(body) });
          const requests: any[] = Array.isArray(body.requests) ? body.requests : [];
          if (requests.length === 0 || requests.length > 100) return this.error(res, 400, '* BatchEmbedContentsRequest.requests: must have between 1 and 100 requests');
          const other = requests.find((q) => q.model !== model);
          if (other) return this.error(res, 400, `* BatchEmbedContentsRequest.requests[0].model: the model of each request must be ${model}, got ${other.model}`);
          return this.json(res, 200, { embeddings: requests.map(vector) });
        } catch (error) {
          return this.error(res, 400, `Invalid JSON payload received. ${(error as Error).message}`);
        }
      }
      case 'cohere': {
        const texts: unknown = body.texts;
        if (!Array.isArray(texts) || texts.length > 96) return this.error(res, 400, 'invalid request: texts must be an array of at most 96 strings');
        if (!body.input_type) return this.error(res, 400, 'invalid request: valid input_type must be provided with the provided model');
        if (!Array.isArray(body.embedding_types) || !body.embedding_types.includes('float')) return this.error(res, 400, 'invalid request: embedding_types must be provided');
        const vectors = texts.map((t) => fakeEmbedding(String(t), body.output_dimension ?? FAKE_EMBEDDING_DIMENSIONS));
        return this.json(res, 200, {
          id: randomUUID(),
          embeddings: { float: vectors },
          texts,
          meta: { api_version: { version: '2' }, billed_units: { input_tokens: r.inputTokens } },
          response_type: 'embeddings_by_type',
        });
      }
      default: {
        if (this.kind === 'mistral') {
          const extra = Object.keys(body).find((k) => !['model', 'input', 'output_dimension', 'output_dtype', 'encoding_format', 'metadata'].includes(k));
          if (extra) return this.json(res, 422, { object: 'error', message: { detail: [{ type: 'extra_forbidden', loc: ['body', extra], msg: 'Extra inputs are not permitted' }] }, type: 'invalid_request_error', param: null, code: null });
        }
        const input = body.input;
        const items: unknown[] = typeof input === 'string' || (Array.isArray(input) && typeof input[0] === 'number') ? [input] : Array.isArray(input) ? input : [];
        if (items.length === 0) return this.error(res, 400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.");
        const dimensions = body.dimensions ?? body.output_dimension ?? FAKE_EMBEDDING_DIMENSIONS;
        const base64 = body.encoding_format === 'base64';
        const data = items.map((item, index) => {
          const values = fakeEmbedding(Array.isArray(item) ? item.join(',') : String(item), dimensions);
          return { object: 'embedding', index, embedding: base64 ? float32Base64(values) : values };
        });
        const text = JSON.stringify({ object: 'list', data, model: body.model ?? /deployments\/([^/]+)/.exec(url.pathname)?.[1], usage: { prompt_tokens: r.inputTokens, total_tokens: r.inputTokens } });
        if (this.record) this.responses.push(text);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        return void res.end(text);
      }
    }
  }

  /** The Responses API's `usage`: input_tokens includes the cached tokens, output_tokens the reasoning tokens. */
  private responsesUsage(r: ReturnType<FakeProvider['replyFor']>) {
    return {
      input_tokens: r.inputTokens,
      input_tokens_details: { cached_tokens: r.cacheReadTokens },
      output_tokens: r.outputTokens,
      output_tokens_details: { reasoning_tokens: r.reasoningTokens },
      total_tokens: r.inputTokens + r.outputTokens,
    };
  }

  /** A Responses `response` object echoing the request, as OpenAI returns it. */
  private responseObject(body: any, id: string, status: string, output: unknown[], usage: unknown, error: unknown = null): Record<string, unknown> {
    return {
      id: `resp_${id}`,
      object: 'response',
      created_at: Math.floor(Date.now() / 1000),
      status,
      background: false,
      error,
      incomplete_details: null,
      instructions: body.instructions ?? null,
      max_output_tokens: body.max_output_tokens ?? null,
      model: body.model,
      output,
      parallel_tool_calls: body.parallel_tool_calls ?? true,
      previous_response_id: body.previous_response_id ?? null,
      reasoning: { effort: null, summary: null },
      store: body.store ?? true,
      temperature: body.temperature ?? 1,
      text: body.text ?? { format: { type: 'text' } },
      tool_choice: body.tool_choice ?? 'auto',
      tools: body.tools ?? [],
      top_p: body.top_p ?? 1,
      truncation: 'disabled',
      usage,
      user: body.user ?? null,
      metadata: body.metadata ?? {},
    };
  }

  /** `POST /v1/responses`: a `response` object, or its events (`event:` named, numbered) with `stream: true`. */
  private async responsesApi(res: ServerResponse, body: any): Promise<void> {
    if (typeof body.previous_response_id === 'string' && !body.previous_response_id.startsWith('resp_')) {
      return this.error(res, 400, `Previous response with id '${body.previous_response_id}' not found.`);
    }
    const r = this.replyFor();
    const id = randomUUID().replace(/-/g, '');
    const item = r.toolCall
      ? { id: `fc_${id}`, type: 'function_call', status: 'completed', arguments: JSON.stringify(r.toolCall.arguments), call_id: `call_${id}`, name: r.toolCall.name }
      : { id: `msg_${id}`, type: 'message', status: 'completed', content: [{ type: 'output_text', annotations: [], logprobs: [], text: r.text }], role: 'assistant' };
    const usage = r.omitUsage ? null : this.responsesUsage(r);
    if (body.stream !== true) {
      if (this.gate) await this.gate;
      const text = JSON.stringify(this.responseObject(body, id, 'completed', [item], usage));
      if (this.record) this.responses.push(text);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      return void res.end(text);
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const events = this.responsesEvents(body, id, r, item, usage);
    if (this.record) this.responses.push(events.join(''));
    for (let i = 0; i < events.length; i++) {
      if (res.destroyed) return;
      res.write(events[i]);
      if (i === 0 && this.gate) await this.gate;
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
  }

  private responsesEvents(body: any, id: string, r: ReturnType<FakeProvider['replyFor']>, item: any, usage: unknown): string[] {
    let sequence = 0;
    const event = (type: string, fields: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...fields, sequence_number: sequence++ })}\n\n`;
    const inProgress = this.responseObject(body, id, 'in_progress', [], null);
    const out = [event('response.created', { response: inProgress }), event('response.in_progress', { response: inProgress })];
    const at = { item_id: item.id, output_index: 0 };
    if (r.toolCall) {
      out.push(event('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', arguments: '' } }));
      const json = item.arguments as string;
      for (const delta of [json.slice(0, Math.ceil(json.length / 2)), json.slice(Math.ceil(json.length / 2))]) {
        out.push(event('response.function_call_arguments.delta', { ...at, delta, obfuscation: 'x' }));
      }
      out.push(event('response.function_call_arguments.done', { ...at, name: item.name, arguments: json }));
    } else {
      out.push(event('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', content: [] } }));
      out.push(event('response.content_part.added', { ...at, content_index: 0, part: { type: 'output_text', annotations: [], logprobs: [], text: '' } }));
      for (const delta of this.pieces(r.text)) out.push(event('response.output_text.delta', { ...at, content_index: 0, delta, logprobs: [], obfuscation: 'x' }));
      if (r.streamError) {
        const error = { code: 'server_error', message: r.streamError.message ?? 'The server had an error while processing your request. Sorry about that!' };
        out.push(event('response.failed', { response: this.responseObject(body, id, 'failed', [], usage, error) }));
        return out;
      }
      out.push(event('response.output_text.done', { ...at, content_index: 0, text: r.text, logprobs: [] }));
      out.push(event('response.content_part.done', { ...at, content_index: 0, part: item.content[0] }));
    }
    out.push(event('response.output_item.done', { output_index: 0, item }));
    out.push(event('response.completed', { response: this.responseObject(body, id, 'completed', [item], usage) }));
    return out;
  }

  /** The text in a few pieces, as models stream it. */
  private pieces(text: string): string[] {
    return text.match(/\S+\s*|\s+/g) ?? [text];
  }

  private streamEvents(model: string, r: ReturnType<FakeProvider['replyFor']>, body: any): string[] {
    const id = randomUUID().replace(/-/g, '');
    const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
    const named = (event: string, value: unknown) => `event: ${event}\n${data(value)}`;
    const pieces = this.pieces(r.text);
    const failure = r.streamError;
    switch (this.kind) {
      case 'anthropic': {
        const out = [
          named('message_start', { type: 'message_start', message: { id: `msg_${id}`, type: 'message', role: 'assistant', content: [], model, stop_reason: null, stop_sequence: null, usage: this.anthropicUsage(r, 1) } }),
        ];
        if (r.toolCall) {
          const json = JSON.stringify(r.toolCall.arguments);
          out.push(named('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: `toolu_${id}`, name: r.toolCall.name, input: {} } }));
          for (const part of [json.slice(0, Math.ceil(json.length / 2)), json.slice(Math.ceil(json.length / 2))]) {
            out.push(named('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: part } }));
          }
        } else {
          out.push(named('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }));
          out.push(named('ping', { type: 'ping' }));
          for (const text of pieces) out.push(named('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }));
        }
        if (failure) {
          out.push(named('error', { type: 'error', error: { type: failure.type ?? 'overloaded_error', message: failure.message ?? 'Overloaded' } }));
          return out;
        }
        out.push(named('content_block_stop', { type: 'content_block_stop', index: 0 }));
        out.push(named('message_delta', { type: 'message_delta', delta: { stop_reason: r.toolCall ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: r.outputTokens } }));
        out.push(named('message_stop', { type: 'message_stop' }));
        return out;
      }
      case 'gemini': {
        const usage = (output: number) => this.geminiUsage(r, output);
        if (r.toolCall) {
          return [data({ candidates: [{ content: { role: 'model', parts: [{ functionCall: { name: r.toolCall.name, args: r.toolCall.arguments } }] }, finishReason: 'STOP', index: 0 }], usageMetadata: usage(r.outputTokens), modelVersion: model, responseId: id })];
        }
        // With candidateCount > 1 each event carries a piece of every candidate, each with its index.
        const texts = this.candidateTexts(r, body).map((text) => this.pieces(text));
        const steps = Math.max(...texts.map((p) => p.length));
        const last = failure ? -1 : steps - 1;
        const events = Array.from({ length: steps }, (_, i) =>
          data({
            candidates: texts
              .map((p, index) => ({ index, text: p[i], final: i === last }))
              .filter((c) => c.text !== undefined || c.final)
              .map((c) => ({ content: { role: 'model', parts: c.text !== undefined ? [{ text: c.text }] : [] }, index: c.index, ...(c.final ? { finishReason: 'STOP' } : {}) })),
            usageMetadata: usage(i === last ? r.outputTokens : i + 1),
            modelVersion: model,
            responseId: id,
          }),
        );
        if (failure) {
          const code = failure.code ?? 503;
          events.push(data({ error: { code, message: failure.message ?? 'The model is overloaded. Please try again later.', status: code === 429 ? 'RESOURCE_EXHAUSTED' : code === 503 ? 'UNAVAILABLE' : 'INTERNAL' } }));
        }
        return events;
      }
      case 'cohere': {
        const out = [named('message-start', { id, type: 'message-start', delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] } } })];
        if (r.toolCall) {
          const json = JSON.stringify(r.toolCall.arguments);
          out.push(named('tool-plan-delta', { type: 'tool-plan-delta', delta: { message: { tool_plan: 'I will call the tool.' } } }));
          out.push(named('tool-call-start', { type: 'tool-call-start', index: 0, delta: { message: { tool_calls: { id: `call_${id}`, type: 'function', function: { name: r.toolCall.name, arguments: '' } } } } }));
          out.push(named('tool-call-delta', { type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: json } } } } }));
          out.push(named('tool-call-end', { type: 'tool-call-end', index: 0 }));
        } else {
          out.push(named('content-start', { type: 'content-start', index: 0, delta: { message: { content: { type: 'text', text: '' } } } }));
          for (const text of pieces) out.push(named('content-delta', { type: 'content-delta', index: 0, delta: { message: { content: { text } } } }));
          out.push(named('content-end', { type: 'content-end', index: 0 }));
        }
        const units = { input_tokens: r.inputTokens, output_tokens: r.outputTokens };
        out.push(named('message-end', { type: 'message-end', delta: { finish_reason: r.toolCall ? 'TOOL_CALL' : 'COMPLETE', usage: { billed_units: units, tokens: { ...units, input_tokens: r.inputTokens + 60 } } } }));
        return out;
      }
      default: {
        const created = Math.floor(Date.now() / 1000);
        const chunk = (delta: unknown, finish: string | null, extra: Record<string, unknown> = {}) =>
          data({ id: `chatcmpl-${id}`, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra });
        const usage = this.openAIUsage(r);
        const out = [chunk({ role: 'assistant', content: '', refusal: null }, null)];
        if (r.toolCall) {
          out.push(chunk({ tool_calls: [{ index: 0, id: `call_${id}`, type: 'function', function: { name: r.toolCall.name, arguments: '' } }] }, null));
          out.push(chunk({ tool_calls: [{ index: 0, function: { arguments: JSON.stringify(r.toolCall.arguments) } }] }, null));
        } else {
          for (const text of pieces) out.push(chunk({ content: text }, null));
        }
        if (failure) {
          out.push(data({ error: { message: failure.message ?? 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: failure.code ?? null } }));
          return out;
        }
        // Mistral reports usage on the last chunk unasked; OpenAI only with include_usage, in a chunk of its own.
        out.push(chunk({}, r.toolCall ? 'tool_calls' : 'stop', this.kind === 'mistral' && !r.omitUsage ? { usage } : {}));
        if (this.kind !== 'mistral' && body.stream_options?.include_usage === true && !r.omitUsage) {
          out.push(data({ id: `chatcmpl-${id}`, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [], usage }));
        }
        out.push('data: [DONE]\n\n');
        return out;
      }
    }
  }

  // --- errors, in each provider's shape ------------------------------------

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  private error(res: ServerResponse, status: number, message?: string, kind?: string, retryAfter?: number): void {
    const headers: Record<string, string> = retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
    const auth = kind === 'auth';
    switch (this.kind) {
      case 'openai':
        return this.json(res, status, {
          error: {
            message: message ?? (auth ? 'Incorrect API key provided: sk-***. You can find your API key at https://platform.openai.com/account/api-keys.' : status === 429 ? 'Rate limit reached for requests' : 'The server had an error while processing your request. Sorry about that!'),
            type: auth ? 'invalid_request_error' : status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error',
            param: null,
            code: auth ? 'invalid_api_key' : status === 429 ? 'rate_limit_exceeded' : null,
          },
        }, headers);
      case 'mistral':
        if (auth) return this.json(res, 401, { message: 'Unauthorized', request_id: randomUUID() }, headers);
        return this.json(res, status, { object: 'error', message: message ?? (status === 429 ? 'Requests rate limit exceeded' : 'Internal server error'), type: status === 429 ? 'rate_limited' : 'internal_server_error', param: null, code: String(status) }, headers);
      case 'azure':
        return this.json(res, status, {
          error: {
            code: auth ? '401' : status === 429 ? '429' : String(status),
            message: message ?? (auth ? 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.' : status === 429 ? 'Requests to the ChatCompletions_Create Operation have exceeded call rate limit.' : 'The server had an error processing your request.'),
          },
        }, headers);
      case 'anthropic': {
        const type = auth ? 'authentication_error' : status === 429 ? 'rate_limit_error' : status === 529 ? 'overloaded_error' : status >= 500 ? 'api_error' : status === 404 ? 'not_found_error' : 'invalid_request_error';
        return this.json(res, status, { type: 'error', error: { type, message: message ?? (auth ? 'invalid x-api-key' : status === 429 ? 'Number of requests has exceeded your rate limit' : status === 529 ? 'Overloaded' : 'Internal server error') } }, headers);
      }
      case 'gemini': {
        if (auth) {
          return this.json(res, 400, {
            error: {
              code: 400,
              message: 'API key not valid. Please pass a valid API key.',
              status: 'INVALID_ARGUMENT',
              details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } }],
            },
          }, headers);
        }
        const statusName = status === 429 ? 'RESOURCE_EXHAUSTED' : status === 503 ? 'UNAVAILABLE' : status >= 500 ? 'INTERNAL' : status === 404 ? 'NOT_FOUND' : 'INVALID_ARGUMENT';
        // Gemini sends no Retry-After header: a 429 says when to retry in a RetryInfo detail ("30s").
        const details =
          status === 429 && retryAfter !== undefined
            ? [
                { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests', quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier', quotaDimensions: { location: 'global', model: 'gemini-2.0-flash' }, quotaValue: '15' }] },
                { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }] },
                { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfter}s` },
              ]
            : undefined;
        return this.json(
          res,
          status,
          { error: { code: status, message: message ?? (status === 429 ? 'You exceeded your current quota, please check your plan and billing details.' : 'An internal error has occurred.'), status: statusName, ...(details ? { details } : {}) } },
          details ? {} : headers,
        );
      }
      case 'cohere':
        return this.json(res, status, { id: randomUUID(), message: message ?? (auth ? 'invalid api token' : status === 429 ? "You are past the per minute request limit, please wait and try again later." : 'internal server error, this has been reported to our developers') }, headers);
    }
  }
}

export async function startFakeProvider(kind: FakeProviderKind, options: FakeProviderOptions = {}): Promise<FakeProvider> {
  return new FakeProvider(kind, options).start();
}
