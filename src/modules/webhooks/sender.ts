import { createRequire } from 'node:module';
import type { Dispatcher } from 'undici';
import type { WebhookConfig } from '../../core/config.js';
import type { Outbound } from '../../core/outbound.js';
import { signatureHeader } from './signing.js';

const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };
const USER_AGENT = `atrium-webhooks/${pkg.version}`;

/** How much of a response body is kept in the attempt log. */
const RESPONSE_BODY_LOG_BYTES = 4096;
/** Bodies up to this size are read to the end so the connection can be reused; larger ones are cut off. */
const RESPONSE_BODY_DRAIN_BYTES = 64 * 1024;

/** Headers atrium sets itself; custom headers may not replace them. */
const RESERVED_HEADERS = new Set([
  'content-type', 'content-length', 'user-agent', 'host', 'connection', 'transfer-encoding', 'keep-alive',
  'upgrade', 'te', 'trailer', 'expect', 'proxy-authorization', 'proxy-connection',
]);
export const isReservedHeader = (name: string) => RESERVED_HEADERS.has(name.toLowerCase()) || name.toLowerCase().startsWith('webhook-');

/** Custom header values that probably carry credentials are never shown back or logged. */
const SENSITIVE_HEADER = /auth|cookie|token|secret|key|pass|signature|credential|session/i;
export const redactHeaders = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SENSITIVE_HEADER.test(k) ? '[redacted]' : v]));

interface Message {
  /** Stable across retries: receivers dedupe on it (`webhook-id`). */
  id: string;
  body: string;
}

export interface SendInput {
  url: string;
  message: Message;
  /** HMAC keys of every currently valid secret, newest first. */
  keys: readonly Buffer[];
  customHeaders: Record<string, string>;
}

export interface SendResult {
  succeeded: boolean;
  statusCode: number | null;
  /** First 4 KiB, NUL bytes removed (PostgreSQL text cannot hold them). */
  responseBody: string | null;
  durationMs: number;
  errorClass: string | null;
  errorMessage: string | null;
  /** The receiver's Retry-After, in ms, when it sent one. */
  retryAfterMs: number | null;
  /** The headers sent, sensitive custom values redacted: safe to store and show. */
  requestHeaders: Record<string, string>;
  startedAt: number;
}

/** `Retry-After: <seconds>` or `Retry-After: <HTTP date>`. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error as { code?: unknown; cause?: unknown; name?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
    if (typeof e.name === 'string') codes.push(e.name);
  }
  return codes;
}

/** A stable, coarse class for a failed attempt (shown in logs, used as a metric label). */
export function classifyError(error: unknown, timedOut: boolean): string {
  const codes = errorCodes(error);
  const has = (...c: string[]) => codes.some((x) => c.includes(x));
  if (has('DESTINATION_NOT_ALLOWED')) return 'destination_not_allowed';
  if (timedOut || has('UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT')) return 'timeout';
  if (has('UND_ERR_CONNECT_TIMEOUT')) return 'connect_timeout';
  if (has('ECONNREFUSED')) return 'connection_refused';
  if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED')) return 'connection_reset';
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME')) return 'dns_error';
  if (has('EHOSTUNREACH', 'ENETUNREACH')) return 'unreachable';
  if (codes.some((c) => /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(c))) return 'tls_error';
  return 'network_error';
}

/** Custom headers as sent (reserved names dropped) and as stored (sensitive values redacted), per headers object. */
interface PreparedHeaders {
  custom: Record<string, string>;
  redacted: Record<string, string>;
}
const NO_HEADERS: PreparedHeaders = { custom: {}, redacted: {} };
// The worker keeps one decrypted headers object per endpoint, so this is computed once per endpoint, not per attempt.
const preparedHeaders = new WeakMap<Record<string, string>, PreparedHeaders>();
function prepareHeaders(customHeaders: Record<string, string>): PreparedHeaders {
  let prepared = preparedHeaders.get(customHeaders);
  if (!prepared) {
    const custom = Object.fromEntries(Object.entries(customHeaders).filter(([name]) => !isReservedHeader(name)));
    prepared = Object.keys(custom).length === 0 ? NO_HEADERS : { custom, redacted: redactHeaders(custom) };
    preparedHeaders.set(customHeaders, prepared);
  }
  return prepared;
}

/** `origin` and `path` of a webhook URL, as undici's `request(url)` derives them; parsed once per URL. */
interface Target {
  origin: string;
  path: string;
}
const MAX_CACHED_TARGETS = 10_000;
const targets = new Map<string, Target>();
function target(url: string): Target {
  let t = targets.get(url);
  if (!t) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw Object.assign(new Error('Invalid URL protocol: the URL must start with `http:` or `https:`.'), { code: 'UND_ERR_INVALID_ARG' });
    t = { origin: parsed.origin, path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname };
    if (targets.size >= MAX_CACHED_TARGETS) targets.clear();
    targets.set(url, t);
  }
  return t;
}

interface Answer {
  statusCode: number;
  /** Raw response headers, name/value pairs. */
  rawHeaders: Buffer[];
  /** First RESPONSE_BODY_LOG_BYTES of the body; null when reading it failed. */
  responseBody: string | null;
}

/**
 * One request through the dispatcher's handler interface. Compared with
 * undici's `request()` it saves, per attempt, an AbortSignal and its
 * listeners, a Readable stream for the body and an async iterator over it:
 * the first 4 KiB are kept straight from the parser's chunks.
 *
 * Same behaviour as reading `request()`'s body: a body larger than
 * RESPONSE_BODY_DRAIN_BYTES is cut off (the connection is dropped), and a
 * failure after the status line (reset, timeout) keeps the status with a
 * null body.
 */
class AttemptHandler implements Dispatcher.DispatchHandler {
  private abortRequest: ((error?: Error) => void) | null = null;
  private reason: Error | null = null;
  private settled = false;
  private statusCode = 0;
  private rawHeaders: Buffer[] = [];
  private chunks: Buffer[] = [];
  private kept = 0;
  private total = 0;

  constructor(
    private readonly resolve: (answer: Answer) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  /** Aborts the request now, or as soon as undici hands over the means (a request waiting for its connection). */
  abort(reason: Error): void {
    if (this.abortRequest) this.abortRequest(reason);
    else this.reason ??= reason;
  }

  onConnect(abort: (error?: Error) => void): void {
    if (this.reason) abort(this.reason);
    else this.abortRequest = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200) return true; // 1xx: the answer is still to come
    this.statusCode = statusCode;
    this.rawHeaders = rawHeaders;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.total += chunk.length;
    if (this.kept < RESPONSE_BODY_LOG_BYTES) {
      this.chunks.push(chunk);
      this.kept += chunk.length;
    }
    if (this.total > RESPONSE_BODY_DRAIN_BYTES) {
      // Too much to read to the end: keep the head, drop the connection.
      this.finish(this.head());
      this.abortRequest?.();
      return false;
    }
    return true;
  }

  onComplete(): void {
    this.finish(this.head());
  }

  onError(error: Error): void {
    if (this.statusCode > 0) this.finish(null);
    else if (!this.settled) {
      this.settled = true;
      this.reject(error);
    }
  }

  private head(): string {
    return Buffer.concat(this.chunks).subarray(0, RESPONSE_BODY_LOG_BYTES).toString('utf8').replaceAll('\u0000', '');
  }

  private finish(responseBody: string | null): void {
    if (this.settled) return;
    this.settled = true;
    this.chunks = [];
    this.resolve({ statusCode: this.statusCode, rawHeaders: this.rawHeaders, responseBody });
  }
}

/** A response header's value (the first one when repeated). */
function rawHeader(rawHeaders: Buffer[], name: string): string | undefined {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i].length === name.length && rawHeaders[i].toString('latin1').toLowerCase() === name) return rawHeaders[i + 1].toString('latin1');
  }
  return undefined;
}

/** Performs one signed POST. Never throws: every outcome is a SendResult. */
export class Sender {
  constructor(
    private readonly outbound: Outbound,
    private readonly config: Pick<WebhookConfig, 'timeoutMs'>,
  ) {}

  async send(input: SendInput): Promise<SendResult> {
    const startedAt = Date.now();
    const timestamp = Math.floor(startedAt / 1000);
    const { custom, redacted } = prepareHeaders(input.customHeaders);
    const headers: Record<string, string> = {
      ...custom,
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'webhook-id': input.message.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(input.keys, input.message.id, timestamp, input.message.body),
    };
    const result = (r: Omit<SendResult, 'durationMs' | 'requestHeaders' | 'startedAt'>): SendResult => ({
      ...r,
      durationMs: Date.now() - startedAt,
      // Only custom values can be credentials; the signature is derived, not secret, and helps debugging.
      requestHeaders: redacted === NO_HEADERS.redacted ? headers : { ...headers, ...redacted },
      startedAt,
    });

    // One deadline for the whole attempt: connect, headers and the part of the body we read.
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const { origin, path } = target(input.url);
      const answer = await new Promise<Answer>((resolve, reject) => {
        const handler = new AttemptHandler(resolve, reject);
        timer = setTimeout(() => {
          timedOut = true;
          handler.abort(Object.assign(new Error('This operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' }));
        }, this.config.timeoutMs);
        this.outbound.dispatcher.dispatch(
          { origin, path, method: 'POST', headers, body: input.message.body, headersTimeout: this.config.timeoutMs, bodyTimeout: this.config.timeoutMs },
          handler,
        );
      });
      const { statusCode, responseBody } = answer;
      const succeeded = statusCode >= 200 && statusCode < 300;
      return result({
        succeeded,
        statusCode,
        responseBody,
        errorClass: succeeded ? null : 'http_error',
        errorMessage: succeeded ? null : `receiver answered HTTP ${statusCode}${statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : ''}`,
        retryAfterMs: succeeded ? null : parseRetryAfter(rawHeader(answer.rawHeaders, 'retry-after')),
      });
    } catch (error) {
      const errorClass = classifyError(error, timedOut);
      const message = timedOut ? `no complete answer within ${this.config.timeoutMs} ms` : (error as Error).message;
      return result({
        succeeded: false,
        statusCode: null,
        responseBody: null,
        errorClass,
        errorMessage: String(message ?? errorClass).slice(0, 300),
        retryAfterMs: null,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
