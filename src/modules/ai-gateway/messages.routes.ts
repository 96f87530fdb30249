import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../core/http/instance.js';
import type { AppError } from '../../core/errors.js';
import type { OpenAIError } from '../ai-providers/adapters/types.js';
import { errorTypeFor, type CountTokensRequest, type MessagesRequest } from '../ai-providers/adapters/messages-translation.js';
import type { AiGateway, ChatReply, GatewayError } from './gateway.service.js';
import { AnthropicHeaders, checkMessagesRequest, CountTokensBody, estimateMessagesTokens, MessagesBody } from './messages-request.js';

/** What the /v1 plugin maps an error to, in OpenAI's shape (`openAIErrorOf`). */
type OpenAIMapped = { status: number; body: unknown; headers?: Record<string, string> } | undefined;

const AnthropicErrorResponse = Type.Object(
  {
    type: Type.Literal('error'),
    error: Type.Object({ type: Type.String(), message: Type.String() }),
    request_id: Type.Optional(Type.String()),
  },
  { description: 'Anthropic error shape' },
);
const errorResponses = Object.fromEntries([400, 401, 402, 403, 404, 429, 502, 504].map((s) => [s, AnthropicErrorResponse]));

/** Error types of Anthropic's API: a provider's own (its Anthropic error type, kept as the code) goes through as it is. */
const ANTHROPIC_TYPES = new Set([
  'invalid_request_error', 'authentication_error', 'billing_error', 'permission_error', 'not_found_error',
  'request_too_large', 'rate_limit_error', 'api_error', 'timeout_error', 'overloaded_error',
]);

/** An error in Anthropic's shape, from its OpenAI rendering (one mapping of atrium's errors for all of /v1). */
function anthropicError(mapped: NonNullable<OpenAIMapped>, request: FastifyRequest): { type: 'error'; error: { type: string; message: string }; request_id: string } {
  const { code, param, message: text } = (mapped.body as { error: OpenAIError }).error;
  let message = text;
  if (code === 'unknown_parameter' && param) message = `${param}: Extra inputs are not permitted`;
  // Anthropic's errors have no param field: its messages name the field first.
  else if (param && !message.includes(param)) message = `${param}: ${message}`;
  if (mapped.status === 401 && !request.principal) {
    message = 'Missing API token: send an atrium API token (atr_…, with the ai:use scope) in the x-api-key header or as "Authorization: Bearer atr_…"';
  }
  const type = code && ANTHROPIC_TYPES.has(code) ? code : errorTypeFor(mapped.status);
  return { type: 'error', error: { type, message }, request_id: request.id };
}

function notFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0];
  return reply.status(404).header('request-id', request.id).send({ type: 'error', error: { type: 'not_found_error', message: `Not found: ${request.method} ${path}` }, request_id: request.id });
}

function send(reply: FastifyReply, result: ChatReply) {
  if (result.kind === 'json') return reply.status(result.status as 200).header('content-type', 'application/json').send(result.body);
  return reply.status(200).headers({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' }).send(result.stream);
}

/** Aborts the upstream call when the client goes away before the answer is complete. */
function abortOnClose(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** The call options of a request: the headers are validated by `AnthropicHeaders`. */
function anthropicOptions(request: FastifyRequest, reply: FastifyReply) {
  const headers = request.headers as { 'x-atrium-key-id'?: string; 'anthropic-version'?: string; 'anthropic-beta'?: string };
  return {
    keyId: headers['x-atrium-key-id'],
    signal: abortOnClose(reply),
    anthropic: { version: headers['anthropic-version'], beta: headers['anthropic-beta'] },
  };
}

/**
 * Anthropic's Messages API under /v1/messages, in a plugin of its own
 * inside /v1: authentication, scopes and the 401-before-validation hook are
 * the gateway's, but every error (and unknown path under /v1/messages) is
 * in Anthropic's shape, which Anthropic's SDKs turn into their error classes.
 */
export async function registerMessagesRoutes(v1: AppInstance, gateway: AiGateway, openAIErrorOf: (error: FastifyError | AppError | GatewayError) => OpenAIMapped): Promise<void> {
  await v1.register(async (scoped: AppInstance) => {
    scoped.setErrorHandler((error: FastifyError | AppError | GatewayError, request, reply) => {
      const mapped = openAIErrorOf(error);
      if (!mapped) {
        request.log.error({ err: error }, 'unhandled gateway error');
        return reply.status(500).header('request-id', request.id).send({ type: 'error', error: { type: 'api_error', message: `Something went wrong on our side (request ${request.id})` }, request_id: request.id });
      }
      if (mapped.headers) reply.headers(mapped.headers);
      return reply.status(mapped.status).header('request-id', request.id).send(anthropicError(mapped, request));
    });

    scoped.post('/messages', {
      config: { scope: 'ai:use' },
      // Anthropic's own limit for a Messages request (images and PDFs travel as base64).
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ['ai gateway'],
        summary: "Anthropic Messages API through a workspace AI key: Anthropic keys pass through, other providers are translated (stream: true answers with Anthropic's SSE events)",
        headers: AnthropicHeaders,
        body: MessagesBody,
        response: { 200: Type.Any({ description: 'An Anthropic Message, or a text/event-stream of Anthropic stream events' }), ...errorResponses },
      },
    }, async (request, reply) => {
      const body = request.body as MessagesRequest;
      checkMessagesRequest(body);
      return send(reply, await gateway.messages(request.principal, body, estimateMessagesTokens(body), anthropicOptions(request, reply)));
    });

    scoped.post('/messages/count_tokens', {
      config: { scope: 'ai:use' },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ['ai gateway'],
        summary: "Anthropic token count: Anthropic keys ask Anthropic; for other providers atrium's estimate (≈ 4 characters a token). Not billed.",
        headers: AnthropicHeaders,
        body: CountTokensBody,
        response: { 200: Type.Unsafe<Buffer | string>(Type.Object({ input_tokens: Type.Integer() }, { additionalProperties: true })), ...errorResponses },
      },
    }, async (request, reply) => {
      const body = request.body as CountTokensRequest;
      checkMessagesRequest(body);
      return send(reply, await gateway.countTokens(request.principal, body, estimateMessagesTokens(body), anthropicOptions(request, reply)));
    });

    // Other methods and paths under /v1/messages: Anthropic's 404, not OpenAI's.
    scoped.route({ method: ['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], url: '/messages', config: { public: true }, schema: { hide: true }, handler: notFound });
    scoped.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], url: '/messages/*', config: { public: true }, schema: { hide: true }, handler: notFound });
  });
}
