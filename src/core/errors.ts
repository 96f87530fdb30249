/**
 * Every error code atrium answers with (outside `/v1`, which speaks
 * OpenAI's codes), with its HTTP status. Clients switch on the code, so a
 * code is never renamed; a new failure gets a new entry here, and the
 * OpenAPI error schema lists them all.
 */
export const ERROR_CODES = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  destination_not_allowed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  invitation_email_mismatch: 403,
  not_found: 404,
  route_not_found: 404,
  no_default_key: 404,
  already_member: 409,
  default_conflict: 409,
  duplicate_key: 409,
  delivery_in_progress: 409,
  email_taken: 409,
  endpoint_disabled: 409,
  idempotency_key_reused: 409,
  invitation_already_used: 409,
  invitation_not_pending: 409,
  invitation_pending: 409,
  last_owner: 409,
  same_key: 409,
  route_name_taken: 409,
  slug_taken: 409,
  invitation_revoked: 410,
  invitation_expired: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  too_many_login_attempts: 429,
  internal_error: 500,
  secret_unreadable: 500,
  limits_unavailable: 503,
  not_live: 503,
  not_ready: 503,
  worker_unhealthy: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const errorCodes = Object.keys(ERROR_CODES) as ErrorCode[];

/** The body of every error outside `/v1`. */
export const errorBody = (code: ErrorCode, message: string, details: unknown = null) => ({ error: { code, message, details } });

/**
 * The one error type of atrium. `code` (from the catalog above, which also
 * gives the status) is a stable identifier clients can switch on;
 * `message` is for humans; `details` carries structured context (e.g. the
 * fields that failed validation).
 */
export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = ERROR_CODES[code];
  }
}

export const Errors = {
  validation: (message: string, details?: unknown) => new AppError('validation_failed', message, details),
  unauthenticated: (message = 'Authentication required') => new AppError('unauthenticated', message),
  forbidden: (message = 'You do not have permission to do this') => new AppError('forbidden', message),
  /** Also used for resources of other workspaces: never reveal that they exist. */
  notFound: (what: string) => new AppError('not_found', `${what} not found`),
  tooManyRequests: (message: string, retryAfterSeconds: number, code: 'rate_limited' | 'too_many_login_attempts' = 'rate_limited') =>
    new AppError(code, message, { retry_after_seconds: retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) }),
};
