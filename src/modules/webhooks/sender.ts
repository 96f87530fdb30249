import { createRequire } from 'node:module';
import { request } from 'undici';
import type { WebhookConfig } from '../../core/config.js';
import type { Outbound } from '../../core/outbound.js';
import { signatureHeader } from './signing.js';

const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };
export const USER_AGENT = `atrium-webhooks/${pkg.version}`;

/** How much of a response body is kept in the attempt log. */
export const RESPONSE_BODY_LOG_BYTES = 4096;
/** Bodies up to this size are read to the end so the connection can be reused; larger ones are cut off. */
const RESPONSE_BODY_DRAIN_BYTES = 64 * 1024;

/** Headers atrium sets itself; custom headers may not replace them. */
export const RESERVED_HEADERS = new Set([
  'content-type', 'content-length', 'user-agent', 'host', 'connection', 'transfer-encoding', 'keep-alive',
  'upgrade', 'te', 'trailer', 'expect', 'proxy-authorization', 'proxy-connection',
]);
export const isReservedHeader = (name: string) => RESERVED_HEADERS.has(name.toLowerCase()) || name.toLowerCase().startsWith('webhook-');

/** Custom header values that probably carry credentials are never shown back or logged. */
const SENSITIVE_HEADER = /auth|cookie|token|secret|key|pass|signature|credential|session/i;
export const redactHeaders = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SENSITIVE_HEADER.test(k) ? '[redacted]' : v]));

export interface Message {
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

/** Performs one signed POST. Never throws: every outcome is a SendResult. */
export class Sender {
  constructor(
    private readonly outbound: Outbound,
    private readonly config: Pick<WebhookConfig, 'timeoutMs'>,
  ) {}

  async send(input: SendInput): Promise<SendResult> {
    const startedAt = Date.now();
    const timestamp = Math.floor(startedAt / 1000);
    const custom = Object.fromEntries(Object.entries(input.customHeaders).filter(([name]) => !isReservedHeader(name)));
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
      requestHeaders: { ...headers, ...redactHeaders(custom) },
      startedAt,
    });

    // One deadline for the whole attempt: connect, headers and the part of the body we read.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.config.timeoutMs);
    try {
      const res = await request(input.url, {
        method: 'POST',
        headers,
        body: input.message.body,
        dispatcher: this.outbound.dispatcher,
        signal: controller.signal,
        headersTimeout: this.config.timeoutMs,
        bodyTimeout: this.config.timeoutMs,
      });
      const responseBody = await readHead(res.body).catch(() => null);
      const succeeded = res.statusCode >= 200 && res.statusCode < 300;
      return result({
        succeeded,
        statusCode: res.statusCode,
        responseBody,
        errorClass: succeeded ? null : 'http_error',
        errorMessage: succeeded ? null : `receiver answered HTTP ${res.statusCode}${res.statusCode >= 300 && res.statusCode < 400 ? ' (redirects are not followed)' : ''}`,
        retryAfterMs: succeeded ? null : parseRetryAfter(res.headers['retry-after']),
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

async function readHead(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (kept < RESPONSE_BODY_LOG_BYTES) {
      chunks.push(chunk);
      kept += chunk.length;
    }
    if (total > RESPONSE_BODY_DRAIN_BYTES) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LOG_BYTES).toString('utf8').replace(/\u0000/g, '');
}
