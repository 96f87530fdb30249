import { Type, type TSchema } from 'typebox';
import type { AppInstance } from '../../core/http/instance.js';
import type { ResponsesRequest } from '../ai-providers/adapters/responses.js';
import type { AiGateway } from './gateway.service.js';
import { checkResponsesShapes, checkResponsesTypes, estimateResponsesTokens, ResponsesBody } from './responses-request.js';

/**
 * `POST /v1/responses` (the OpenAI SDK's `responses.create` and
 * `responses.stream`), registered inside the /v1 plugin: its OpenAI error
 * shape and its 401-before-validation hook apply here too.
 */
export function registerResponsesRoute(v1: AppInstance, gateway: AiGateway, shared: { headers: TSchema; errors: Record<number, TSchema> }): void {
  v1.post('/responses', {
    config: { scope: 'ai:use' },
    bodyLimit: 16 * 1024 * 1024,
    // On the body as sent, before the schema validator (and any type coercion) sees it.
    preValidation: async (request) => checkResponsesTypes(request.body),
    schema: {
      tags: ['ai gateway'],
      summary: 'Model response through a workspace AI key (OpenAI Responses API; passed through to OpenAI, Azure and OpenRouter, translated for Anthropic, Gemini and others; stream: true answers with SSE)',
      headers: shared.headers,
      body: ResponsesBody,
      response: { 200: Type.Any({ description: 'An OpenAI response object, or a text/event-stream of Responses events' }), ...shared.errors },
    },
  }, async (request, reply) => {
    const body = request.body as ResponsesRequest;
    checkResponsesShapes(body);
    const controller = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    const keyId = request.headers['x-atrium-key-id'] as string | undefined;
    const result = await gateway.responses(request.principal, body, estimateResponsesTokens(body), { keyId, signal: controller.signal });
    if (result.kind === 'json') {
      return reply.status(result.status as 200).header('content-type', 'application/json').send(result.body);
    }
    return reply
      .status(200)
      .headers({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' })
      .send(result.stream);
  });
}
