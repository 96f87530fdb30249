import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/** Path segments that carry a secret (invitation tokens travel in the URL). */
const SECRET_PATHS = [/^(\/api\/invitations\/)[^/?]+/];

export function redactUrl(url: string): string {
  return SECRET_PATHS.reduce((u, pattern) => u.replace(pattern, '$1[redacted]'), url);
}

/**
 * pino options shared by every process. We never log bodies; the request
 * serializer drops headers (credentials live there) and masks secrets in URLs.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.ip,
      }),
    },
    redact: {
      paths: ['*.password', '*.api_key', '*.token', '*.secret', '*.authorization', '*.cookie'],
      censor: '[redacted]',
    },
  };
}
