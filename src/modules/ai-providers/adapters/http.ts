import type { Dispatcher } from 'undici';
import type { UpstreamRequest } from './types.js';

export interface SendOptions {
  signal?: AbortSignal;
  /** Time allowed for the response headers (a model may think for minutes). */
  headersTimeout: number;
  /** Longest silence between two body chunks. */
  bodyTimeout: number;
}

/** Sends one request to a provider through the given dispatcher (the SSRF-guarded agent in production). */
export function send(dispatcher: Dispatcher, request: UpstreamRequest, options: SendOptions): Promise<Dispatcher.ResponseData> {
  return dispatcher.request({
    origin: request.url.origin,
    path: `${request.url.pathname}${request.url.search}`,
    method: request.method,
    headers: request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
    body: request.body,
    signal: options.signal,
    headersTimeout: options.headersTimeout,
    bodyTimeout: options.bodyTimeout,
  });
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Provider response exceeded ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads a whole response body, refusing more than `limit` bytes. */
export async function readBody(body: Dispatcher.ResponseData['body'], limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  // undici's body is a Readable, typed to yield `any`; without setEncoding it yields Buffers.
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

/** Drops a response body without reading it (frees the connection). */
export function discard(body: Dispatcher.ResponseData['body']): void {
  body.resume();
  body.on('error', () => undefined);
}

/** Replaces every occurrence of a secret (a provider key) in a text meant for clients or logs. */
export function scrub(text: string, secret: string): string {
  return secret.length >= 4 ? text.split(secret).join('[redacted]') : text;
}

/** A short, secret-free description of a network failure (refused, DNS, timeout, blocked…). */
export function describeNetworkError(error: unknown): { code: string; message: string; timeout: boolean } {
  const err = error as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err?.code ?? err?.cause?.code ?? err?.name ?? 'network_error';
  const timeout = /TIMEOUT/i.test(code) || err?.name === 'TimeoutError';
  const message = err?.message || err?.cause?.message || code;
  return { code, message, timeout };
}
