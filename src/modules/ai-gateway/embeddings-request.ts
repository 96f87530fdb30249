import { Type } from 'typebox';
import { gatewayError } from './gateway.service.js';
import type { EmbeddingsRequest } from '../ai-providers/adapters/embeddings.js';
import { estimateTokens } from './tokens.js';

/** OpenAI's own limit on the number of inputs of one request. */
const MAX_INPUTS = 2048;

const TokenIds = Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1, maxItems: 1_000_000 });

/**
 * OpenAI's embeddings request, closed like the chat body: an unknown
 * parameter is OpenAI's 400 "Unrecognized request argument supplied".
 * JSON bodies are validated without type coercion, so the union of `input`
 * is checked as sent; `checkEmbeddingsTypes` answers first with OpenAI's
 * messages for the typed fields.
 */
export const EmbeddingsBody = Type.Object(
  {
    model: Type.String({ minLength: 1, maxLength: 256, description: '`<provider>/<model>` (e.g. `openai/text-embedding-3-small`), or a model of the key named by `x-atrium-key-id`' }),
    input: Type.Union(
      [
        Type.String({ minLength: 1 }),
        Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: MAX_INPUTS }),
        TokenIds,
        Type.Array(TokenIds, { minItems: 1, maxItems: MAX_INPUTS }),
      ],
      { description: 'Text to embed: a string, an array of strings, an array of token ids or an array of such arrays (token ids only for OpenAI-compatible providers)' },
    ),
    encoding_format: Type.Optional(Type.Union([Type.Literal('float'), Type.Literal('base64'), Type.Null()], { description: '`float` (default) or `base64` (float32 little-endian, as OpenAI encodes it)' })),
    dimensions: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'Output dimensions, for models that support fewer (Gemini `outputDimensionality`, Cohere `output_dimension`)' })),
    user: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])),
  },
  { additionalProperties: false, description: "An OpenAI embeddings request (OpenAI's parameters only); atrium translates it for Gemini and Cohere" },
);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(param: string, message: string, code = 'invalid_value'): never {
  throw gatewayError(400, message, code, { type: 'invalid_request_error', param });
}

const isTokenIds = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'number' && Number.isInteger(t) && t >= 0);

/**
 * Refuses fields of the wrong type with OpenAI's messages, on the body as
 * the client sent it (before schema validation). An empty string or list is
 * refused as OpenAI refuses it: the provider would answer 400 anyway, after
 * a request had been counted.
 */
export function checkEmbeddingsTypes(body: unknown): void {
  if (!isObject(body)) return; // the schema answers for a body that is not an object
  if (body.model !== undefined && typeof body.model !== 'string') invalid('model', `Invalid type for 'model': expected a string.`, 'invalid_type');
  const input = body.input;
  if (input !== undefined) {
    const ok =
      (typeof input === 'string' && input.length > 0) ||
      (Array.isArray(input) &&
        input.length > 0 &&
        input.length <= MAX_INPUTS &&
        (input.every((t) => typeof t === 'string' && t.length > 0) || isTokenIds(input) || input.every(isTokenIds)));
    if (!ok) {
      invalid('input', `'$.input' is invalid: send a non-empty string, an array of up to ${MAX_INPUTS} non-empty strings, an array of token ids or an array of up to ${MAX_INPUTS} arrays of token ids.`);
    }
  }
  const format = body.encoding_format;
  if (format != null && format !== 'float' && format !== 'base64') invalid('encoding_format', `'encoding_format' must be 'float' or 'base64'.`);
  const dimensions = body.dimensions;
  if (dimensions != null && !(typeof dimensions === 'number' && Number.isInteger(dimensions) && dimensions >= 1)) {
    invalid('dimensions', `Invalid value for 'dimensions': expected a positive integer.`, typeof dimensions === 'number' ? 'invalid_value' : 'invalid_type');
  }
  if (body.user != null && typeof body.user !== 'string') invalid('user', `Invalid type for 'user': expected a string.`, 'invalid_type');
}

/** Tokens of an embeddings input before the call, for the tokens-per-minute limit (token ids count one each). */
export function estimateEmbeddingsTokens(body: EmbeddingsRequest): number {
  const input = body.input;
  if (typeof input === 'string') return estimateTokens(input.length);
  let tokens = 0;
  for (const item of input) {
    if (typeof item === 'string') tokens += estimateTokens(item.length);
    else if (typeof item === 'number') tokens += 1;
    else tokens += item.length;
  }
  return tokens;
}
