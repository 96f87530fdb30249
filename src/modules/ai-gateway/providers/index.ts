import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { AnthropicAdapter } from './anthropic.js';
import { AzureOpenAIAdapter } from './azure.js';
import { CohereAdapter } from './cohere.js';
import { GeminiAdapter } from './gemini.js';
import { describeNetworkError, discard, readBody, scrub, send } from './http.js';
import { OpenAICompatibleAdapter } from './openai-compatible.js';
import type { ProviderAdapter, ProviderKey } from './types.js';

export type { ChatRequest, OpenAIError, ProviderAdapter, ProviderKey, Usage, UsageTransform } from './types.js';
export { TranslationError } from './types.js';

const ADAPTERS: Record<string, ProviderAdapter> = {
  openai: new OpenAICompatibleAdapter({ id: 'openai', defaultBaseUrl: 'https://api.openai.com/v1', streamOptions: true }),
  mistral: new OpenAICompatibleAdapter({ id: 'mistral', defaultBaseUrl: 'https://api.mistral.ai/v1', streamOptions: false }),
  groq: new OpenAICompatibleAdapter({ id: 'groq', defaultBaseUrl: 'https://api.groq.com/openai/v1', streamOptions: true }),
  // OpenRouter's /models is public: /key is the call that needs a valid key.
  openrouter: new OpenAICompatibleAdapter({ id: 'openrouter', defaultBaseUrl: 'https://openrouter.ai/api/v1', streamOptions: true, testPath: 'key' }),
  custom: new OpenAICompatibleAdapter({ id: 'custom', defaultBaseUrl: null, streamOptions: true }),
  azure_openai: new AzureOpenAIAdapter(),
  anthropic: new AnthropicAdapter(),
  gemini: new GeminiAdapter(),
  cohere: new CohereAdapter(),
};

/** Every provider the gateway can call. */
export const SUPPORTED_PROVIDERS = Object.keys(ADAPTERS);

export function adapterFor(provider: string): ProviderAdapter | undefined {
  return Object.hasOwn(ADAPTERS, provider) ? ADAPTERS[provider] : undefined;
}

export type KeyTestStatus = 'ok' | 'invalid_key' | 'rate_limited' | 'unreachable' | 'provider_error';

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
