import { performance } from 'node:perf_hooks';
import { pipeline, type Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { Dispatcher } from 'undici';
import { newId } from '../../core/ids.js';
import { costMicros, type ModelPrice } from '../ai-providers/providers.js';
import type { Principal } from '../identity/principal.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import { scopesAllow } from '../policy/policy.js';
import type { GatewayMetrics } from './gateway.metrics.js';
import type { GatewayKey, GatewayKeySource } from './key-source.js';
import { BudgetRefusal, type Admission, type Budgets } from './admission.js';
import { parseJson } from '../ai-providers/adapters/common.js';
import { BodyTooLargeError, describeNetworkError, discard, readBody, scrub, send } from '../ai-providers/adapters/http.js';
import { adapterFor, SUPPORTED_PROVIDERS } from '../ai-providers/adapters/index.js';
import { embeddingsAdapterFor, EMBEDDING_PROVIDERS, type EmbeddingsRequest } from '../ai-providers/adapters/embeddings.js';
import { isResponsesPassthrough, outputTextChars, responsesPassthroughStream, responsesRequest, responsesResponse, type ResponsesRequest } from '../ai-providers/adapters/responses.js';
import { ResponsesFromChatStream } from '../ai-providers/adapters/responses-stream.js';
import { chatToResponse, responsesToChat } from '../ai-providers/adapters/responses-translate.js';
import { anthropicPassthrough, AnthropicPassthroughStream, readMessage, type AnthropicClientHeaders } from '../ai-providers/adapters/anthropic-messages.js';
import { AnthropicEventStream, toAnthropicMessage, toChatRequest, type CountTokensRequest, type MessagesRequest } from '../ai-providers/adapters/messages-translation.js';
import {
  TranslationError,
  type ChatRequest,
  type ProviderAdapter,
  type ProviderKey,
  type UpstreamRequest,
  type Usage,
  type UsageTransform,
} from '../ai-providers/adapters/types.js';
import { AppError } from '../../core/errors.js';
import type { AiRoutesService, GatewayRoute } from './ai-routes.service.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { GatewayError, gatewayError } from './gateway-error.js';
import { runRoute, TargetRefused } from './routing.js';
import { estimatePromptTokens, estimateTokens } from './tokens.js';
import type { UsageRecorder } from './usage.recorder.js';
import { monthOf } from './usage.repository.js';

export { GatewayError, gatewayError } from './gateway-error.js';

export interface GatewayDeps {
  keys: GatewayKeySource;
  access: WorkspaceAccess;
  budgets: Budgets;
  recorder: UsageRecorder;
  dispatcher: Dispatcher;
  priceFor: (provider: string, model: string) => ModelPrice | undefined;
  metrics?: GatewayMetrics;
  timeouts?: { headersMs?: number; bodyMs?: number };
  /** Routes by name (ADR 0008); without them every model is `<provider>/<model>`. */
  routes?: Pick<AiRoutesService, 'forUse' | 'listForUse'>;
  breaker?: CircuitBreaker;
}

export type ChatReply =
  | { kind: 'json'; status: number; body: Buffer | string }
  | { kind: 'stream'; stream: Readable };

export interface ModelList {
  object: 'list';
  data: Array<{ id: string; object: 'model'; created: number; owned_by: string }>;
}

/** Model prefixes accepted besides the provider ids themselves. */
const PROVIDER_ALIASES: Record<string, string> = { azure: 'azure_openai' };
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/**
 * 2048 inputs of 1536 dimensions are ~40 MiB as JSON floats (3072 dimensions
 * twice that): an embeddings answer to a request OpenAI accepts must fit.
 */
const MAX_EMBEDDINGS_RESPONSE_BYTES = 128 * 1024 * 1024;
const MAX_ERROR_BYTES = 256 * 1024;

/**
 * One kind of call (chat, embeddings, responses) on a resolved key: how to build the
 * upstream request and read a 2xx answer; the provider's errors are read by
 * its chat adapter.
 */
interface CallPlan {
  build: (key: ProviderKey) => UpstreamRequest;
  response: (raw: Buffer, model: string) => { body: Buffer | string; usage: Usage | null };
  /** Streams (chat and responses). */
  stream?: (model: string) => UsageTransform;
  /** Characters of generated text in a 2xx body, to estimate output tokens when the provider reports none. */
  outputChars?: (body: Buffer | string) => number;
  /** Largest 2xx body read (default 32 MiB). */
  maxResponseBytes?: number;
  /** Output tokens the request may produce (its max_tokens): the reservation's worst case; undefined = the model's limit. */
  maxOutputTokens?: number;
}

/** What one request carries from admission to its usage row. */
interface Call {
  key: GatewayKey;
  model: string;
  tokenId: string | null;
  userId: string;
  started: number;
  startedAt: number;
  promptEstimate: number;
  admission: Admission;
  stream: boolean;
  /** Routed requests: the route, the request's attempts' common id and this attempt's number (1-based). */
  route?: { routeId: string; requestId: string; attempt: number };
  done: () => void;
}

type TokenPrincipal = Extract<Principal, { kind: 'token' }>;
type PlanFor = (adapter: ProviderAdapter, model: string, key: GatewayKey) => CallPlan;

/** A key ready for its upstream call. */
interface Prepared {
  key: GatewayKey;
  adapter: ProviderAdapter;
  plan: CallPlan;
  upstream: UpstreamRequest;
}

/** What per-key admission took, to settle once usage is known. */
/** Without a breaker (tests building the gateway by hand): every target is tried. */
const NO_BREAKER: CircuitBreaker = {
  admit: () => Promise.resolve('clean'),
  failure: () => Promise.resolve(false),
  success: () => Promise.resolve(),
};

/**
 * The OpenAI-compatible gateway: picks the workspace's key, checks access,
 * rate limits and monthly caps, calls the provider through its adapter and
 * records one usage row per request that reached the provider.
 */
export class AiGateway {
  private readonly unpricedWarned = new Set<string>();
  private readonly headersMs: number;
  private readonly bodyMs: number;
  log: Pick<FastifyBaseLogger, 'warn' | 'error'> | undefined;

  constructor(private readonly deps: GatewayDeps) {
    this.headersMs = deps.timeouts?.headersMs ?? 600_000;
    this.bodyMs = deps.timeouts?.bodyMs ?? 300_000;
  }

  private requireToken(principal: Principal | null): TokenPrincipal {
    if (!principal) throw gatewayError(401, 'Missing API token: send "Authorization: Bearer atr_…" (an atrium API token with the ai:use scope)', 'invalid_api_key', { type: 'invalid_request_error' });
    if (principal.kind !== 'token') throw gatewayError(401, 'The gateway takes an atrium API token (atr_…) with the ai:use scope, not a session', 'invalid_api_key', { type: 'invalid_request_error' });
    return principal;
  }

  /** The key a request uses and the provider's own model name. */
  private async resolve(workspaceId: string, requested: string, keyId: string | undefined): Promise<{ key: GatewayKey; model: string }> {
    if (keyId) {
      const key = await this.deps.keys.resolve(workspaceId, { keyId });
      const prefixes = [key.provider, ...Object.keys(PROVIDER_ALIASES).filter((a) => PROVIDER_ALIASES[a] === key.provider)];
      const prefix = prefixes.find((p) => requested.startsWith(`${p}/`));
      return { key, model: this.alias(key, prefix ? requested.slice(prefix.length + 1) : requested) };
    }
    const slash = requested.indexOf('/');
    const name = slash > 0 ? requested.slice(0, slash) : '';
    const provider = PROVIDER_ALIASES[name] ?? name;
    if (!provider || !adapterFor(provider)) {
      throw gatewayError(
        400,
        `model "${requested}" does not name a provider: use "<provider>/<model>" (e.g. "openai/gpt-4o-mini"; providers: ${SUPPORTED_PROVIDERS.join(', ')}), the name of a route of this workspace, or pick a key with the x-atrium-key-id header`,
        'model_not_found',
        { type: 'invalid_request_error', param: 'model' },
      );
    }
    const key = await this.deps.keys.resolve(workspaceId, { provider });
    return { key, model: this.alias(key, requested.slice(slash + 1)) };
  }

  /** A key's model_preferences map aliases (e.g. "default") to model names. */
  private alias(key: GatewayKey, model: string): string {
    const target = Object.hasOwn(key.modelPreferences, model) ? key.modelPreferences[model] : undefined;
    const name = (target ?? model).trim();
    if (!name) throw gatewayError(400, 'model names no model after the provider', 'model_not_found', { type: 'invalid_request_error', param: 'model' });
    return name;
  }

  private request(plan: CallPlan, key: GatewayKey, apiKey = key.apiKey): UpstreamRequest {
    try {
      return plan.build({ ...key, apiKey });
    } catch (error) {
      if (error instanceof TranslationError) throw gatewayError(400, error.message, 'unsupported_parameter', { type: 'invalid_request_error', param: error.param ?? undefined });
      // A key without the endpoint its provider needs, or an endpoint_url that is not a URL.
      throw gatewayError(400, `AI key ${key.id} cannot be used: ${(error as Error).message}`, 'key_misconfigured', { type: 'invalid_request_error' });
    }
  }

  /** The limit store (Redis) or the usage tables could not be read: refuse rather than let a cap slip. */
  private limitsUnavailable(error: unknown): GatewayError {
    this.log?.error({ err: error }, 'ai gateway limits unavailable');
    return gatewayError(503, 'Usage limits cannot be checked right now; retry shortly', 'limits_unavailable', { type: 'api_error', headers: { 'retry-after': '1' } });
  }

  async chat(principal: Principal | null, body: ChatRequest, options: { keyId?: string; signal: AbortSignal }): Promise<ChatReply> {
    return this.serve(principal, body.model, options, body.stream === true, estimatePromptTokens(body), (adapter, model) => ({
      build: (key) => adapter.chatRequest(key, model, body),
      response: (raw, name) => adapter.chatResponse(raw, name),
      stream: (name) => adapter.chatStream(name),
      outputChars: contentChars,
      maxOutputTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    }));
  }

  /** `POST /v1/embeddings`: the same keys, access, limits, caps and usage as chat; never streamed. */
  async embeddings(principal: Principal | null, body: EmbeddingsRequest, estimate: number, options: { keyId?: string; signal: AbortSignal }): Promise<ChatReply> {
    return this.serve(principal, body.model, options, false, estimate, (_adapter, model, key) => {
      const embeddings = embeddingsAdapterFor(key.provider);
      if (!embeddings) {
        throw gatewayError(400, `${key.provider} has no embeddings API: use a key of ${EMBEDDING_PROVIDERS.join(', ')}`, 'unsupported_provider', { type: 'invalid_request_error', param: 'model' });
      }
      return {
        build: (k) => embeddings.request(k, model, body),
        response: (raw, name) => embeddings.response(raw, name, body),
        maxResponseBytes: MAX_EMBEDDINGS_RESPONSE_BYTES,
        maxOutputTokens: 0,
      };
    });
  }

  /**
   * `POST /v1/responses`: forwarded as it is to providers that serve the
   * Responses API (OpenAI, Azure, OpenRouter, custom), translated through
   * the chat adapter for the others. The same admission, limits and usage.
   */
  async responses(principal: Principal | null, body: ResponsesRequest, estimate: number, options: { keyId?: string; signal: AbortSignal }): Promise<ChatReply> {
    return this.serve(principal, body.model, options, body.stream === true, estimate, (adapter, model, key): CallPlan => {
      if (isResponsesPassthrough(key.provider)) {
        return {
          build: (k) => responsesRequest(k, model, body),
          response: (raw) => responsesResponse(raw),
          stream: responsesPassthroughStream,
          outputChars: outputTextChars,
          maxOutputTokens: body.max_output_tokens ?? undefined,
        };
      }
      return {
        maxOutputTokens: body.max_output_tokens ?? undefined,
        build: (k) => adapter.chatRequest(k, model, { ...responsesToChat(body, key.provider), model }),
        response: (raw, name) => {
          const chat = adapter.chatResponse(raw, name);
          return { body: chatToResponse(chat.body, chat.usage, body, name), usage: chat.usage };
        },
        stream: (name) => new ResponsesFromChatStream(adapter.chatStream(name), body, name),
        outputChars: outputTextChars,
      };
    });
  }

  /**
   * `POST /v1/messages`, Anthropic's API: the same keys, access, limits,
   * caps and usage as chat. A model that names no provider is one of the
   * workspace's Anthropic key. Anthropic keys get the body as sent and
   * answer unchanged; other providers get it as a chat request through
   * their adapter, and their answer comes back as an Anthropic message.
   */
  async messages(principal: Principal | null, body: MessagesRequest, estimate: number, options: AnthropicCallOptions): Promise<ChatReply> {
    return this.serve(principal, anthropicDefault(body.model, options.keyId), options, body.stream === true, estimate, (adapter, model, key) =>
      key.provider === 'anthropic' ? passthroughPlan(body, model, options.anthropic) : translatedPlan(adapter, body, model, key.provider),
    );
  }

  /**
   * `POST /v1/messages/count_tokens`: Anthropic keys ask Anthropic; other
   * providers have no such call, so the answer is atrium's estimate. Not a
   * model call: no limit, cap or usage row applies.
   */
  async countTokens(principal: Principal | null, body: CountTokensRequest, estimate: number, options: AnthropicCallOptions): Promise<ChatReply> {
    const { key, model, adapter } = await this.keyFor(principal, anthropicDefault(body.model, options.keyId), options.keyId);
    if (key.provider !== 'anthropic') return { kind: 'json', status: 200, body: JSON.stringify({ input_tokens: estimate }) };
    const plan: CallPlan = {
      build: (k) => anthropicPassthrough(k, 'v1/messages/count_tokens', { ...body, model }, options.anthropic),
      response: (raw) => ({ body: raw, usage: null }),
    };
    const clean = (text: string) => scrub(key.previousApiKey ? scrub(text, key.previousApiKey) : text, key.apiKey);
    const timeouts = { signal: options.signal, headersTimeout: this.headersMs, bodyTimeout: this.bodyMs };
    let res: Dispatcher.ResponseData;
    let raw: Buffer;
    try {
      res = await send(this.deps.dispatcher, this.request(plan, key), timeouts);
      if (res.statusCode === 401 && key.previousApiKey) {
        discard(res.body);
        res = await send(this.deps.dispatcher, this.request(plan, key, key.previousApiKey), timeouts);
      }
      raw = await readBody(res.body, MAX_ERROR_BYTES);
    } catch (error) {
      const { message, timeout } = describeNetworkError(error);
      throw gatewayError(timeout ? 504 : 502, clean(`Could not count tokens at ${key.provider}: ${timeout ? 'timed out' : message}`), 'upstream_unreachable', { type: 'api_error' });
    }
    if (res.statusCode >= 200 && res.statusCode < 300) return { kind: 'json', status: res.statusCode, body: raw };
    const error = adapter.error(res.statusCode, raw);
    const header = res.headers['retry-after'];
    throw new GatewayError(res.statusCode, { ...error, message: clean(error.message) }, typeof header === 'string' ? { 'retry-after': header } : {});
  }

  /** The caller's token, the key it asked for (access checked, active) and that key's adapter. */
  private async keyFor(principal: Principal | null, requested: string, keyId: string | undefined) {
    const token = this.requireToken(principal);
    const { key, model } = await this.resolve(token.workspaceId, requested, keyId);
    return { token, key, model, adapter: await this.checkKey(token, key) };
  }

  /** A key's own checks before a call: access for the caller, active, a provider the gateway speaks. */
  private async checkKey(token: TokenPrincipal, key: GatewayKey): Promise<ProviderAdapter> {
    await this.deps.access.require(token, key.workspaceId, 'ai.use', { type: 'ai_key', id: key.id });
    if (!key.isActive) throw gatewayError(403, `AI key ${key.id} is disabled`, 'key_inactive', { type: 'permission_error' });
    const adapter = adapterFor(key.provider);
    if (!adapter) throw gatewayError(400, `Provider ${key.provider} is not supported by the gateway`, 'unsupported_provider');
    return adapter;
  }

  /**
   * Admission and forwarding shared by every kind of call. A `model` without
   * `/` that names one of the workspace's routes (and no x-atrium-key-id)
   * goes through the route's targets (ADR 0008); anything else is one key,
   * one upstream call, no retries, as before routes existed. Each upstream
   * call passes the budgets of every level (key, token, member, workspace:
   * admission.ts), which reserve its worst-case cost.
   */
  private async serve(
    principal: Principal | null,
    requested: string,
    options: { keyId?: string; signal: AbortSignal },
    stream: boolean,
    promptEstimate: number,
    planFor: PlanFor,
  ): Promise<ChatReply> {
    const token = this.requireToken(principal);
    const route = !options.keyId && !requested.includes('/') && this.deps.routes ? await this.deps.routes.forUse(token.workspaceId, requested) : undefined;
    if (route) return this.serveRoute(token, route, options.signal, stream, promptEstimate, planFor);
    const { key, model } = await this.resolve(token.workspaceId, requested, options.keyId);
    const prepared = await this.prepareKey(token, key, model, planFor);
    const now = Date.now();
    const admission = await this.admit(token, key, model, prepared.plan, promptEstimate, now);
    return this.run(prepared, this.newCall(token, key, model, admission, now, promptEstimate, stream), options.signal);
  }

  /**
   * Each target in turn (retries, fallbacks, circuit breaker: routing.ts).
   * Every attempt passes its own key's checks and the budgets of every
   * level, with that target's model and price: an attempt is an upstream
   * call, counted and reserved as one.
   */
  private serveRoute(token: TokenPrincipal, route: GatewayRoute, signal: AbortSignal, stream: boolean, promptEstimate: number, planFor: PlanFor): Promise<ChatReply> {
    const requestId = newId('req');
    const breaker = this.deps.breaker ?? NO_BREAKER;
    return runRoute(route, { breaker, signal, metrics: this.deps.metrics }, async (target, attempt) => {
      let prepared: Prepared;
      let admission: Admission;
      let key: GatewayKey;
      let model: string;
      const now = Date.now();
      try {
        ({ key, model } = await this.resolve(token.workspaceId, target.model, target.key_id));
        prepared = await this.prepareKey(token, key, model, planFor);
        admission = await this.admit(token, key, model, prepared.plan, promptEstimate, now);
      } catch (error) {
        if (error instanceof GatewayError || error instanceof AppError) throw new TargetRefused(error);
        throw error;
      }
      const call = this.newCall(token, key, model, admission, now, promptEstimate, stream, { routeId: route.id, requestId, attempt });
      return this.run(prepared, call, signal);
    });
  }

  /** The key's checks, then the upstream request built (a request that cannot be translated costs nothing). */
  private async prepareKey(token: TokenPrincipal, key: GatewayKey, model: string, planFor: PlanFor): Promise<Prepared> {
    const adapter = await this.checkKey(token, key);
    const plan = planFor(adapter, model, key);
    return { key, adapter, plan, upstream: this.request(plan, key) };
  }

  private newCall(token: TokenPrincipal, key: GatewayKey, model: string, admission: Admission, now: number, promptEstimate: number, stream: boolean, route?: Call['route']): Call {
    return {
      key,
      model,
      tokenId: token.tokenId,
      userId: token.userId,
      started: performance.now(),
      startedAt: now,
      promptEstimate,
      admission,
      stream,
      route,
      done: this.deps.recorder.begin(),
    };
  }

  /** One upstream call on an admitted key; during a rotation's grace period, a 401 for the new key is retried once with the previous one. */
  private async run({ key, adapter, plan, upstream }: Prepared, call: Call, signal: AbortSignal): Promise<ChatReply> {
    const fallback = key.previousApiKey ? () => this.request(plan, key, key.previousApiKey!) : undefined;
    try {
      return await this.forward(adapter, plan, upstream, call, signal, fallback);
    } catch (error) {
      // Every path of forward() settles through finish(); this only covers a throw before it (settling twice is a no-op).
      void call.admission.release();
      call.done();
      throw error;
    }
  }

  /** Every level's budget (key, token, member, workspace): a refusal in OpenAI's shape, naming the level. */
  private async admit(token: Extract<Principal, { kind: 'token' }>, key: GatewayKey, model: string, plan: CallPlan, promptEstimate: number, now: number): Promise<Admission> {
    try {
      return await this.deps.budgets.admit({
        consumer: { workspaceId: token.workspaceId, userId: token.userId, tokenId: token.tokenId },
        key,
        model,
        promptEstimate,
        maxOutputTokens: plan.maxOutputTokens,
        price: this.deps.priceFor(key.provider, model),
        now,
        period: monthOf(now),
      });
    } catch (error) {
      if (!(error instanceof BudgetRefusal)) throw this.limitsUnavailable(error);
      if (error.extra.metric) this.deps.metrics?.refusals.inc({ reason: error.extra.metric });
      throw gatewayError(error.status, error.message, error.code, { type: error.type, param: error.extra.param, headers: error.extra.headers });
    }
  }

  private async forward(adapter: ProviderAdapter, plan: CallPlan, upstream: UpstreamRequest, call: Call, signal: AbortSignal, fallback?: () => UpstreamRequest): Promise<ChatReply> {
    const { key } = call;
    const clean = (text: string) => scrub(key.previousApiKey ? scrub(text, key.previousApiKey) : text, key.apiKey);
    let res: Dispatcher.ResponseData;
    try {
      res = await send(this.deps.dispatcher, upstream, { signal, headersTimeout: this.headersMs, bodyTimeout: this.bodyMs });
      if (res.statusCode === 401 && fallback) {
        discard(res.body);
        res = await send(this.deps.dispatcher, fallback(), { signal, headersTimeout: this.headersMs, bodyTimeout: this.bodyMs });
      }
    } catch (error) {
      const { code, message, timeout } = describeNetworkError(error);
      const status = signal.aborted ? 499 : timeout ? 504 : 502;
      void this.finish(call, status, null, false);
      throw gatewayError(status, clean(`Could not reach ${key.provider} at ${upstream.url.host}: ${timeout ? 'timed out' : message}`), code === 'DESTINATION_NOT_ALLOWED' ? 'destination_not_allowed' : 'upstream_unreachable', { type: 'api_error' });
    }

    const status = res.statusCode;
    if (status < 200 || status >= 300) {
      const raw = await readBody(res.body, MAX_ERROR_BYTES).catch(() => Buffer.alloc(0));
      const error = adapter.error(status, raw);
      void this.finish(call, status, null, false);
      const header = res.headers['retry-after'];
      const retryAfter = typeof header === 'string' ? header : adapter.retryAfter?.(status, raw);
      throw new GatewayError(status, { ...error, message: clean(error.message) }, retryAfter ? { 'retry-after': retryAfter } : {});
    }

    const streamOf = call.stream ? plan.stream : undefined;
    if (!streamOf) {
      let raw: Buffer;
      try {
        raw = await readBody(res.body, plan.maxResponseBytes ?? MAX_RESPONSE_BYTES);
      } catch (error) {
        const status = signal.aborted ? 499 : 502;
        void this.finish(call, status, null, false);
        const reason = error instanceof BodyTooLargeError ? error.message : describeNetworkError(error).message;
        throw gatewayError(status, `${key.provider} response failed: ${reason}`, 'upstream_error', { type: 'api_error' });
      }
      let out: { body: Buffer | string; usage: Usage | null };
      try {
        out = plan.response(raw, call.model);
      } catch {
        void this.finish(call, 502, null, false);
        throw gatewayError(502, `${key.provider} answered with a body atrium could not read`, 'upstream_error', { type: 'api_error' });
      }
      await this.finish(call, status, out.usage, out.usage !== null, out.usage ? 0 : (plan.outputChars?.(out.body) ?? 0));
      return { kind: 'json', status, body: out.body };
    }

    const transform = streamOf(call.model);
    transform.redact = clean;
    pipeline(res.body, transform, (error) => {
      if (!error && transform.failure) {
        // The provider ended the stream with an error event: record its status; the prompt was
        // processed and part of an answer may have been sent, so the usage is estimated and billed.
        void this.finish(call, transform.failure.status, transform.usage, false, transform.outputChars, true);
        return;
      }
      const status = error ? (signal.aborted ? 499 : 502) : 200;
      // Usage is exact only when the stream ran to its end and the provider reported it.
      void this.finish(call, status, transform.usage, !error && transform.usage !== null, transform.outputChars);
    });
    // Attached after pipeline(): the stream already flows into the transform, so this listener takes nothing from it.
    const metrics = this.deps.metrics;
    if (metrics) {
      res.body.once('data', () => {
        metrics.firstToken(key.provider, call.model, this.deps.priceFor(key.provider, call.model) !== undefined, (performance.now() - call.started) / 1000);
      });
    }
    return { kind: 'stream', stream: transform };
  }

  /**
   * Records the request's usage and settles its admission: the token limits
   * get the real tokens, the reserved worst case is replaced by the real cost
   * on every level; resolves once the cost is counted (plain responses wait
   * for it, so a client's next request sees it). Never rejects.
   */
  private finish(call: Call, status: number, usage: Usage | null, exact: boolean, outputChars = 0, billed = status < 400 || status === 499): Promise<void> {
    try {
      const { key } = call;
      let input = usage?.inputTokens ?? 0;
      let output = usage?.outputTokens ?? 0;
      let estimated = false;
      // A provider error is not billed; anything that produced output (even cut short) is.
      if (billed && !exact) {
        input = Math.max(input, call.promptEstimate);
        output = Math.max(output, estimateTokens(outputChars));
        estimated = true;
      }
      const price = this.deps.priceFor(key.provider, call.model);
      if (!price && billed) this.warnUnpriced(key.provider, call.model);
      const cacheRead = usage?.cacheReadTokens ?? 0;
      const cacheWrite = usage?.cacheWriteTokens ?? 0;
      // A part of output: at most all of it, also when output was estimated.
      const reasoning = Math.min(usage?.reasoningTokens ?? 0, output);
      const cost = price ? costMicros(price, { input, output, cacheRead, cacheWrite, reasoning }) : 0;
      const latencyMs = Math.round(performance.now() - call.started);
      this.deps.metrics?.recordCall({
        provider: key.provider,
        model: call.model,
        priced: price !== undefined,
        keyId: key.id,
        status,
        seconds: latencyMs / 1000,
        inputTokens: input,
        outputTokens: output,
        costMicros: cost,
      });
      this.deps.recorder.record({
        id: newId('use'),
        workspace_id: key.workspaceId,
        key_id: key.id,
        provider: key.provider,
        model: call.model,
        token_id: call.tokenId,
        user_id: call.userId,
        input_tokens: input,
        output_tokens: output,
        cache_read_tokens: cacheRead,
        cache_write_tokens: cacheWrite,
        reasoning_tokens: reasoning,
        cost_micros: cost,
        latency_ms: latencyMs,
        status_code: status,
        estimated: estimated ? 1 : 0,
        unpriced: price ? 0 : 1,
        stream: call.stream ? 1 : 0,
        created_at: call.startedAt,
        route_id: call.route?.routeId ?? null,
        request_id: call.route?.requestId ?? null,
        attempt: call.route?.attempt ?? 1,
      });
      return call.admission.settle(input + output, cost);
    } catch (error) {
      this.log?.error({ err: error }, 'could not record ai usage');
      return call.admission.release();
    } finally {
      call.done();
    }
  }

  private warnUnpriced(provider: string, model: string): void {
    const id = `${provider}/${model}`;
    if (this.unpricedWarned.has(id) || this.unpricedWarned.size >= 10_000) return;
    this.unpricedWarned.add(id);
    this.log?.warn({ provider, model }, 'AI model has no price in the catalog: requests are served and counted but recorded as unpriced (cost 0)');
  }

  /** `GET /v1/models`: the catalog models of the keys the caller may use, as `<provider>/<model>`. */
  async models(principal: Principal | null, keyId?: string): Promise<ModelList> {
    const token = this.requireToken(principal);
    const access = await this.deps.access.member(token, token.workspaceId);
    if (!scopesAllow(token.scopes, 'ai.use')) throw gatewayError(403, 'This API token lacks the ai:use scope', 'forbidden', { type: 'permission_error' });
    const everyKey = await this.deps.access.allows(access, 'ai.use');
    const keys = (await this.deps.keys.list(token.workspaceId)).filter((k) => k.isActive && (!keyId || k.id === keyId));
    const data: ModelList['data'] = [];
    const seen = new Set<string>();
    const allowed: typeof keys = [];
    for (const key of keys) {
      if (!everyKey && !(await this.deps.access.allows(access, 'ai.use', { type: 'ai_key', id: key.id }))) continue;
      allowed.push(key);
      const models = key.deploymentName ? [key.deploymentName] : this.deps.keys.catalogModels(key.provider);
      for (const model of models) {
        const id = `${key.provider}/${model}`;
        if (seen.has(id)) continue;
        seen.add(id);
        data.push({ id, object: 'model', created: Math.floor(key.createdAt / 1000), owned_by: key.provider });
      }
    }
    if (keyId || !this.deps.routes) return { object: 'list', data };
    // Routes, as their names: those with at least one target the caller may use.
    const usable = new Set(allowed.map((k) => k.id));
    for (const route of await this.deps.routes.listForUse(token.workspaceId)) {
      if (!route.targets.some((t) => usable.has(t.key_id))) continue;
      data.push({ id: route.name, object: 'model', created: Math.floor(route.createdAt / 1000), owned_by: 'atrium-route' });
    }
    return { object: 'list', data };
  }

  /** `GET /v1/models/{id}`: one model of `models()`, or OpenAI's 404 `model_not_found`. */
  async model(principal: Principal | null, id: string, keyId?: string): Promise<ModelList['data'][number]> {
    const found = (await this.models(principal, keyId)).data.find((m) => m.id === id);
    if (!found) {
      throw gatewayError(404, `The model '${id}' does not exist or you do not have access to it.`, 'model_not_found', { type: 'invalid_request_error', param: 'model' });
    }
    return found;
  }
}

/** Characters of generated text in an OpenAI chat.completion body, to estimate output tokens. */
function contentChars(body: Buffer | string): number {
  const parsed = parseJson(body) as { choices?: unknown } | undefined;
  const choices = Array.isArray(parsed?.choices) ? (parsed.choices as ({ message?: { content?: unknown } } | null)[]) : [];
  return choices.reduce((n, c) => n + (typeof c?.message?.content === 'string' ? c.message.content.length : 0), 0);
}

/** Options of an Anthropic-API call: the key header and the Anthropic headers sent on to Anthropic. */
interface AnthropicCallOptions {
  keyId?: string;
  signal: AbortSignal;
  anthropic: AnthropicClientHeaders;
}

/** Anthropic's clients send bare model names (`claude-sonnet-4-5`): those mean the workspace's Anthropic key. */
function anthropicDefault(requested: string, keyId: string | undefined): string {
  if (keyId) return requested;
  const slash = requested.indexOf('/');
  const prefix = slash > 0 ? requested.slice(0, slash) : '';
  return prefix && adapterFor(PROVIDER_ALIASES[prefix] ?? prefix) ? requested : `anthropic/${requested}`;
}

/** An Anthropic key: the body as sent (with the key's model name), the answer unchanged, usage read from it. */
function passthroughPlan(body: MessagesRequest, model: string, client: AnthropicClientHeaders): CallPlan {
  return {
    build: (key) => anthropicPassthrough(key, 'v1/messages', { ...body, model }, client),
    // max_tokens is required by Anthropic's API: the reservation's worst case is exact.
    maxOutputTokens: body.max_tokens,
    response: (raw) => ({ body: raw, usage: readMessage(raw).usage }),
    stream: (name) => new AnthropicPassthroughStream(name),
    outputChars: (out) => readMessage(out).outputChars,
  };
}

/**
 * Another provider: the request as a chat request through the provider's
 * chat adapter, its answer (or stream) back in Anthropic's shape. OpenAI
 * and Azure take the output limit as `max_completion_tokens` (their
 * reasoning models refuse `max_tokens`); other servers know only `max_tokens`.
 */
function translatedPlan(adapter: ProviderAdapter, body: MessagesRequest, model: string, provider: string): CallPlan {
  const tokensField = provider === 'openai' || provider === 'azure_openai' ? 'max_completion_tokens' : 'max_tokens';
  return {
    build: (key) => adapter.chatRequest(key, model, toChatRequest(body, tokensField)),
    maxOutputTokens: body.max_tokens,
    response: (raw, name) => {
      const out = adapter.chatResponse(raw, name);
      return { body: JSON.stringify(toAnthropicMessage(out.body, name, out.usage)), usage: out.usage };
    },
    stream: (name) => new AnthropicEventStream(adapter.chatStream(name), name),
    outputChars: (out) => readMessage(out).outputChars,
  };
}
