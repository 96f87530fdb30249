/**
 * The one error type of atrium. `code` is a stable snake_case identifier
 * clients can switch on; `message` is for humans; `details` carries
 * structured context (e.g. the fields that failed validation).
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const Errors = {
  validation: (message: string, details?: unknown) => new AppError('validation_failed', 400, message, details),
  unauthenticated: (message = 'Authentication required') => new AppError('unauthenticated', 401, message),
  forbidden: (message = 'You do not have permission to do this') => new AppError('forbidden', 403, message),
  /** Also used for resources of other workspaces: never reveal that they exist. */
  notFound: (what: string) => new AppError('not_found', 404, `${what} not found`),
  conflict: (code: string, message: string, details?: unknown) => new AppError(code, 409, message, details),
  tooManyRequests: (message: string, retryAfterSeconds: number, code = 'rate_limited') =>
    new AppError(code, 429, message, { retry_after_seconds: retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) }),
};
