import { errorType } from '../ai-providers/adapters/common.js';
import type { OpenAIError } from '../ai-providers/adapters/types.js';

/** An error answered in OpenAI's shape: `{"error": {message, type, param, code}}`. */
export class GatewayError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: OpenAIError,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'GatewayError';
  }
}

export const gatewayError = (status: number, message: string, code: string | null, extra: { type?: string; param?: string; headers?: Record<string, string> } = {}) =>
  new GatewayError(status, { message, type: extra.type ?? errorType(status), param: extra.param ?? null, code }, extra.headers);
