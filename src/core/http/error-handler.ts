import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody, type ErrorCode } from '../errors.js';

interface FieldError {
  field: string;
  location: string;
  message: string;
}

function fieldErrors(error: FastifyError): FieldError[] {
  const location = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const params = v.params;
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const missing = typeof params.missingProperty === 'string' ? params.missingProperty : undefined;
    const unknown = typeof params.additionalProperty === 'string' ? params.additionalProperty : undefined;
    const field = [path, missing ?? unknown].filter(Boolean).join('.') || location;
    const message = missing ? 'is required' : unknown ? 'is not a field of this request' : (v.message ?? 'is invalid');
    return { field, location, message };
  });
}

/** Status codes and stable codes for the framework's own client errors. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

/**
 * Fastify's `frameworkErrors`: what the router refuses before a route (and
 * the error handler) runs. The messages are ours: the framework's would
 * echo the path back.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [status, code, message]: [number, ErrorCode, string] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? [414, 'uri_too_long', 'A path parameter is longer than any id atrium issues']
      : [error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400, 'bad_request', 'The request URL is malformed'];
  // The OpenAI-compatible gateway answers in OpenAI's shape, even before its routes run.
  if (/^\/v1(?:[/?]|$)/.test(request.url)) return void reply.status(status).send({ error: { message, type: 'invalid_request_error', param: null, code } });
  void reply.status(status).send(errorBody(code, message));
}

/** One error shape for the whole API: `{"error": {"code", "message", "details"}}`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.details ?? null));
    }
    if (error.validation) {
      const details = fieldErrors(error);
      const message = details.map((d) => `${d.field} ${d.message}`).join('; ');
      return reply.status(400).send(errorBody('validation_failed', message, details));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FRAMEWORK_CODES[error.code] ?? (status === 429 ? 'rate_limited' : 'bad_request');
      return reply.status(status).send(errorBody(code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('internal_error', 'Something went wrong on our side', { request_id: request.id }));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}
