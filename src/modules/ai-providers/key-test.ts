import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { adapterFor, type ProviderKey } from './adapters/index.js';
import { describeNetworkError, discard, readBody, scrub, send } from './adapters/http.js';

type KeyTestStatus = 'ok' | 'invalid_key' | 'rate_limited' | 'unreachable' | 'provider_error';

export interface KeyTestResult {
  ok: boolean;
  status: KeyTestStatus;
  http_status: number | null;
  latency_ms: number;
  message: string;
}

const TEST_TIMEOUT_MS = 10_000;

/**
 * A minimal authenticated call (list models) that tells a working key from an
 * invalid one, a rate-limited one and an unreachable endpoint. Never throws;
 * the message never contains the key.
 */
export async function testProviderKey(key: ProviderKey, dispatcher: Dispatcher): Promise<KeyTestResult> {
  const started = performance.now();
  const result = (status: KeyTestStatus, http_status: number | null, message: string): KeyTestResult => ({
    ok: status === 'ok',
    status,
    http_status,
    latency_ms: Math.round(performance.now() - started),
    message: scrub(message, key.apiKey),
  });

  const adapter = adapterFor(key.provider);
  if (!adapter) return result('provider_error', null, `Unknown provider "${key.provider}"`);
  let request;
  try {
    request = adapter.testRequest(key);
  } catch (error) {
    return result('unreachable', null, error instanceof Error ? error.message : 'Invalid endpoint_url');
  }

  let res: Dispatcher.ResponseData;
  try {
    res = await send(dispatcher, request, {
      headersTimeout: TEST_TIMEOUT_MS,
      bodyTimeout: TEST_TIMEOUT_MS,
      signal: AbortSignal.timeout(TEST_TIMEOUT_MS),
    });
  } catch (error) {
    const { code, message, timeout } = describeNetworkError(error);
    return result('unreachable', null, `Could not reach ${request.url.host}: ${timeout ? 'timed out' : message} (${code})`);
  }

  const status = res.statusCode;
  if (status >= 200 && status < 300) {
    discard(res.body);
    return result('ok', status, `The key works (${key.provider} answered HTTP ${status})`);
  }
  let raw: Buffer;
  try {
    raw = await readBody(res.body, 64 * 1024);
  } catch {
    raw = Buffer.alloc(0);
  }
  const detail = adapter.error(status, raw).message;
  if (status === 401 || status === 403 || adapter.isInvalidKey?.(status, raw)) {
    return result('invalid_key', status, `${key.provider} rejected the key (HTTP ${status}): ${detail}`);
  }
  if (status === 429) {
    const header = res.headers['retry-after'];
    const retryAfter = typeof header === 'string' ? header : adapter.retryAfter?.(status, raw);
    const wait = retryAfter ? ` Retry after ${retryAfter}s.` : '';
    return result('rate_limited', status, `${key.provider} is rate-limiting this key (HTTP 429): ${detail}.${wait}`);
  }
  return result('provider_error', status, `${key.provider} answered HTTP ${status}: ${detail}`);
}
