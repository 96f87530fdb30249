import { Type, type TSchema } from 'typebox';
import type { AppInstance } from '../../core/http/instance.js';
import { checkEmbeddingsTypes, EmbeddingsBody, estimateEmbeddingsTokens } from './embeddings-request.js';
import type { AiGateway } from './gateway.service.js';

const EmbeddingsResponse = Type.Object(
  {
    object: Type.Literal('list'),
    data: Type.Array(
      Type.Object({
        object: Type.Literal('embedding'),
        index: Type.Integer(),
        embedding: Type.Union([Type.Array(Type.Number()), Type.String()], { description: 'Floats, or a base64 string of float32 little-endian values with encoding_format: base64' }),
      }),
    ),
    model: Type.String(),
    usage: Type.Object({ prompt_tokens: Type.Integer(), total_tokens: Type.Integer() }),
  },
  { description: 'An OpenAI embeddings response' },
);

/**
 * `POST /v1/embeddings`, registered inside the /v1 plugin: its OpenAI error
 * shape and its 401-before-validation hook apply here too.
 */
export function registerEmbeddingsRoute(v1: AppInstance, gateway: AiGateway, shared: { headers: TSchema; errors: Record<number, TSchema> }): void {
  v1.post('/embeddings', {
    config: { scope: 'ai:use' },
    // 2048 inputs of up to 8192 tokens each fit; larger bodies are refused as for chat.
    bodyLimit: 16 * 1024 * 1024,
    preValidation: async (request) => checkEmbeddingsTypes(request.body),
    schema: {
      tags: ['ai gateway'],
      summary: 'Embeddings through a workspace AI key (OpenAI-compatible; Gemini and Cohere translated)',
      headers: shared.headers,
      body: EmbeddingsBody,
      // Documents the shape; the bytes are sent as they came (pass-through) or as atrium built them (translated).
      response: { 200: Type.Unsafe<Buffer | string>(EmbeddingsResponse), ...shared.errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    const controller = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    const result = await gateway.embeddings(request.principal, body, estimateEmbeddingsTokens(body), { keyId: request.headers['x-atrium-key-id'] as string | undefined, signal: controller.signal });
    if (result.kind !== 'json') throw new Error('embeddings are never streamed');
    return reply.status(result.status as 200).header('content-type', 'application/json').send(result.body);
  });
}
