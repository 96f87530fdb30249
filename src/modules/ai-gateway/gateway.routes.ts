import type { FastifyError, FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../core/http/instance.js';
import { AppError } from '../../core/errors.js';
import { checkChatRequest, checkChatTypes, ChatCompletionBody } from './chat-request.js';
import { registerEmbeddingsRoute } from './embeddings.routes.js';
import { registerMessagesRoutes } from './messages.routes.js';
import { GatewayError, type AiGateway } from './gateway.service.js';
import { registerResponsesRoute } from './responses.routes.js';
import { errorType } from '../ai-providers/adapters/common.js';
import type { ChatRequest } from '../ai-providers/adapters/types.js';

const OpenAIErrorResponse = Type.Object(
  {
    error: Type.Object({
      message: Type.String(),
      type: Type.String(),
      param: Type.Union([Type.String(), Type.Null()]),
      code: Type.Union([Type.String(), Type.Null()]),
    }),
  },
  { description: 'OpenAI error shape' },
);

const errorResponses = Object.fromEntries([400, 401, 402, 403, 404, 429, 502, 504].map((s) => [s, OpenAIErrorResponse]));

const ModelObject = Type.Object({ id: Type.String(), object: Type.Literal('model'), created: Type.Integer(), owned_by: Type.String() });

const ModelListResponse = Type.Object({
  object: Type.Literal('list'),
  data: Type.Array(ModelObject),
});

/** Every method a client may send; HEAD comes with GET. */
const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const unknownRoute = (method: string, url: string) => ({
  error: { message: `Unknown gateway route ${method} ${url.split('?')[0]}`, type: 'invalid_request_error', param: null, code: 'unknown_url' },
});

const KeyIdHeader = Type.Object({
  'x-atrium-key-id': Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Use this AI key instead of the default key of the provider named by the model' })),
});

/** atrium's own error codes → OpenAI codes clients already handle. */
const CODES: Record<string, string> = { unauthenticated: 'invalid_api_key', forbidden: 'insufficient_permissions', rate_limited: 'rate_limit_exceeded' };

function openAIErrorOf(error: FastifyError | AppError | GatewayError): { status: number; body: unknown; headers?: Record<string, string> } | undefined {
  if (error instanceof GatewayError) return { status: error.statusCode, body: { error: error.body }, headers: error.headers };
  if (error instanceof AppError) {
    const type = error.statusCode === 401 ? 'invalid_request_error' : errorType(error.statusCode);
    // Boundary refusals (NUL bytes, nesting) name the field in details, as validation errors do.
    const field = Array.isArray(error.details) ? (error.details[0] as { field?: unknown } | undefined)?.field : undefined;
    const param = typeof field === 'string' && field !== 'body' ? field : null;
    return { status: error.statusCode, body: { error: { message: error.message, type, param, code: CODES[error.code] ?? error.code } }, headers: error.headers };
  }
  if (error.validation) {
    const v = error.validation[0];
    const { missingProperty: missing, additionalProperty: unknown } = (v?.params ?? {}) as { missingProperty?: string; additionalProperty?: string };
    const param = [v?.instancePath.replace(/^\//, '').replace(/\//g, '.'), missing ?? unknown].filter(Boolean).join('.') || null;
    if (unknown) {
      // OpenAI's own answer to a parameter it does not know.
      return { status: 400, body: { error: { message: `Unrecognized request argument supplied: ${param}`, type: 'invalid_request_error', param, code: 'unknown_parameter' } } };
    }
    const message = `${param ?? error.validationContext ?? 'body'} ${missing ? 'is required' : (v?.message ?? 'is invalid')}`;
    return { status: 400, body: { error: { message, type: 'invalid_request_error', param, code: 'invalid_value' } } };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { status, body: { error: { message: error.message, type: 'invalid_request_error', param: null, code: error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'invalid_json' : null } } };
  }
  return undefined;
}

/**
 * Every answer of /v1 that is not a model's: errors, unknown routes and the
 * missing-token 401, all in OpenAI's shape.
 */
function answerInOpenAIShape(v1: AppInstance): void {
  v1.setErrorHandler((error: FastifyError | AppError | GatewayError, request, reply) => {
    const mapped = openAIErrorOf(error);
    if (mapped) {
      if (mapped.headers) reply.headers(mapped.headers);
      return reply.status(mapped.status).send(mapped.body);
    }
    request.log.error({ err: error }, 'unhandled gateway error');
    return reply.status(500).send({ error: { message: `Something went wrong on our side (request ${request.id})`, type: 'api_error', param: null, code: 'internal_error' } });
  });

  v1.setNotFoundHandler((request, reply) => {
    reply.status(404).send(unknownRoute(request.method, request.url));
  });

  // Any other path or method under /v1, as a route of this plugin: the web console's
  // catch-all GET route at the root would otherwise claim it and answer in atrium's shape.
  v1.route({
    method: [...ALL_METHODS],
    url: '/*',
    // It only answers 404 and changes nothing, so it needs no caller or write scope.
    config: { public: true },
    schema: { hide: true },
    handler: async (request, reply) => reply.status(404).send(unknownRoute(request.method, request.url)),
  });

  // Anonymous callers learn nothing about the body schema: 401 before validation.
  v1.addHook('preValidation', async (request) => {
    if (!request.principal) throw new AppError('unauthenticated', 'Missing API token: send "Authorization: Bearer atr_…" (an atrium API token with the ai:use scope)');
  });
}

/**
 * The OpenAI-compatible API under /v1, in its own encapsulated plugin: it
 * answers every error (auth, validation, limits, provider errors) in
 * OpenAI's shape, so OpenAI SDKs and tools understand them.
 */
export async function registerGatewayRoutes(app: FastifyInstance, gateway: AiGateway): Promise<void> {
  await app.register(
    async (scoped) => {
      const v1 = scoped as unknown as AppInstance;
      gateway.log = v1.log;

      answerInOpenAIShape(v1);

      v1.post('/chat/completions', {
        config: { scope: 'ai:use' },
        bodyLimit: 16 * 1024 * 1024,
        // On the body as sent, before the schema validator (and any type coercion) sees it.
        preValidation: async (request) => checkChatTypes(request.body),
        schema: {
          tags: ['ai gateway'],
          summary: 'Chat completion through a workspace AI key (OpenAI-compatible; stream: true answers with SSE)',
          headers: KeyIdHeader,
          body: ChatCompletionBody,
          response: { 200: Type.Any({ description: 'An OpenAI chat.completion, or a text/event-stream of chat.completion.chunk' }), ...errorResponses },
        },
      }, async (request, reply) => {
        const body = request.body as ChatRequest;
        checkChatRequest(body);
        const controller = new AbortController();
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) controller.abort();
        });
        const result = await gateway.chat(request.principal, body, { keyId: request.headers['x-atrium-key-id'], signal: controller.signal });
        if (result.kind === 'json') {
          return reply.status(result.status as 200).header('content-type', 'application/json').send(result.body);
        }
        return reply
          .status(200)
          .headers({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' })
          .send(result.stream);
      });

      registerEmbeddingsRoute(v1, gateway, { headers: KeyIdHeader, errors: errorResponses });
      registerResponsesRoute(v1, gateway, { headers: KeyIdHeader, errors: errorResponses });
      await registerMessagesRoutes(v1, gateway, openAIErrorOf);

      v1.get('/models', {
        schema: {
          tags: ['ai gateway'],
          summary: 'Models of the AI keys this token may use, as <provider>/<model>',
          headers: KeyIdHeader,
          response: { 200: ModelListResponse, ...errorResponses },
        },
      }, async (request) => gateway.models(request.principal, request.headers['x-atrium-key-id']));

      // Model ids contain slashes (`openai/gpt-4o-mini`, `openrouter/openai/gpt-4o`): sent raw or as %2F.
      v1.get('/models/*', {
        schema: {
          tags: ['ai gateway'],
          summary: 'One model of the AI keys this token may use (OpenAI models.retrieve); 404 model_not_found otherwise',
          headers: KeyIdHeader,
          params: Type.Object({ '*': Type.String({ description: 'The model id, `<provider>/<model>`', maxLength: 512 }) }),
          response: { 200: ModelObject, ...errorResponses },
        },
      }, async (request) => gateway.model(request.principal, request.params['*'], request.headers['x-atrium-key-id']));
    },
    { prefix: '/v1' },
  );
}
