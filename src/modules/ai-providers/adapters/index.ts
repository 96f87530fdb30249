import { AnthropicAdapter } from './anthropic.js';
import { AzureOpenAIAdapter } from './azure.js';
import { CohereAdapter } from './cohere.js';
import { GeminiAdapter } from './gemini.js';
import { OpenAICompatibleAdapter } from './openai-compatible.js';
import type { ProviderAdapter } from './types.js';

export type { ProviderAdapter, ProviderKey } from './types.js';

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
