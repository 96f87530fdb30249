import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, stdSerializers, type Logger, type LoggerOptions } from 'pino';

/**
 * The one rule set for secrets that travel in URLs and headers. Everything
 * that writes a log line goes through it: the request serializer, the error
 * serializer (messages and stacks can quote a URL), `url`/`headers` fields,
 * and every message string.
 */
const REDACTED = '[redacted]';

/**
 * Invitation links: the console's `/invitations/<token>` (the link atrium
 * hands out) and the API's `/api/invitations/<token>[/accept]`. Matched at the
 * start of a path, or after a scheme and host when a full URL sits in a text.
 */
const SECRET_PATH = /((?:^|[\s"'(<=]|[a-z][\w+.-]*:\/\/[^\s/"'<>]+)\/(?:api\/)?invitations\/)(?!\[redacted\])[^\s/?#"'<>]+/gi;

/** Query parameters whose value is a credential (`?token=`, `?api_key=`, `?client_secret=`, `?password=`, `?sig=`…). */
const SECRET_PARAM = /token|secret|key|passw|pwd|auth|session|signature|^sig$|credential|^code$/i;
/** …except ids named after them (`key_id`, `x-atrium-key-id`): they identify, they do not authenticate. */
const ID_NAME = /(^|[_-])id$/i;
const isSecretName = (name: string) => SECRET_PARAM.test(name) && !ID_NAME.test(name);
const QUERY_PAIR = /([?&;])([^=&#\s"'<>;]+)=([^&#\s"'<>;]*)/g;

/** Request headers that carry credentials; never logged whole. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-goog-api-key', 'x-csrf-token'];

/** Masks secret-bearing path segments and query values in a URL, a path, or any text quoting one. */
export function redactText(text: string): string {
  return text.replace(SECRET_PATH, `$1${REDACTED}`).replace(QUERY_PAIR, (pair, sep: string, name: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // A malformed escape: judge the name as written.
    }
    return isSecretName(decoded) ? `${sep}${name}=${REDACTED}` : pair;
  });
}

/** A copy of `headers` with credential headers masked (names compared case-insensitively). */
export function redactHeaders(headers: unknown): unknown {
  if (!headers || typeof headers !== 'object') return headers;
  return Object.fromEntries(
    Object.entries(headers as Record<string, unknown>).map(([name, value]) => [
      name,
      SECRET_HEADERS.includes(name.toLowerCase()) || isSecretName(name) ? REDACTED : typeof value === 'string' ? redactText(value) : value,
    ]),
  );
}

/** pino's error serializer, with every string field (message, stack, url…) passed through the rules. */
function serializeError(error: unknown): unknown {
  const serialized = stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== 'object') return serialized;
  for (const [field, value] of Object.entries(serialized)) {
    if (typeof value === 'string') serialized[field] = redactText(value);
    else if (field === 'headers') serialized[field] = redactHeaders(value);
  }
  return serialized;
}

/**
 * pino options shared by every process. We never log bodies; the request
 * serializer drops headers (credentials live there) and masks secrets in
 * URLs; body-like fields named after secrets are censored wherever they sit.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: redactText(req.url),
        remoteAddress: req.ip,
      }),
      err: serializeError,
      error: serializeError,
      url: (url: unknown) => (typeof url === 'string' ? redactText(url) : url),
      headers: redactHeaders,
    },
    hooks: {
      // Message strings too: `log.info(\`… ${url}\`)` must not slip past the serializers.
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>);
      },
    },
    redact: {
      paths: [
        '*.password', '*.api_key', '*.apiKey', '*.token', '*.secret', '*.authorization', '*.cookie',
        ...SECRET_HEADERS.map((h) => `*.headers["${h}"]`),
      ],
      censor: REDACTED,
    },
  };
}

/** The process's logger: atrium's options, to stdout unless a stream is given (tests capture lines to prove no secret is written). */
export function createLogger(level: string, stream?: NodeJS.WritableStream): Logger {
  return stream ? pino(loggerOptions(level), stream) : pino(loggerOptions(level));
}

/**
 * One access-log line per request, when it completes (method, redacted URL,
 * IP, status, time), instead of Fastify's "incoming request" and "request
 * completed" pair: request logging was ~7 % of the gateway's CPU. Fastify's
 * other lines (errors, 404s, stream errors) are unchanged.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { req: request, statusCode: reply.statusCode, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
