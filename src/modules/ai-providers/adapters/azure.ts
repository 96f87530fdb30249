import { chatPost, joinUrl } from './common.js';
import { OpenAICompatibleAdapter, passthroughBody } from './openai-compatible.js';
import type { ChatRequest, ProviderKey, UpstreamRequest } from './types.js';

/** GA version with `stream_options`; an endpoint_url may pin another with `?api-version=…`. */
export const AZURE_API_VERSION = '2024-10-21';

/**
 * Azure OpenAI: the OpenAI protocol under
 * `{endpoint}/openai/deployments/{deployment}/…?api-version=…` with an
 * `api-key` header. The key's deployment_name wins; without one the model
 * name is taken as the deployment.
 */
export class AzureOpenAIAdapter extends OpenAICompatibleAdapter {
  constructor() {
    super({ id: 'azure_openai', defaultBaseUrl: null, streamOptions: true });
  }

  url(key: ProviderKey, path: string): URL {
    if (!key.endpointUrl) throw new Error('azure_openai keys need an endpoint_url');
    const endpoint = new URL(key.endpointUrl);
    const version = endpoint.searchParams.get('api-version') ?? AZURE_API_VERSION;
    endpoint.search = '';
    const url = joinUrl(endpoint.toString(), path);
    url.searchParams.set('api-version', version);
    return url;
  }

  protected override headers(key: ProviderKey): Record<string, string> {
    return { 'api-key': key.apiKey };
  }

  override chatRequest(key: ProviderKey, model: string, body: ChatRequest): UpstreamRequest {
    const deployment = key.deploymentName || model;
    const url = this.url(key, `openai/deployments/${encodeURIComponent(deployment)}/chat/completions`);
    return chatPost(url, this.headers(key), passthroughBody(body, model, true), Boolean(body.stream));
  }

  override testRequest(key: ProviderKey): UpstreamRequest {
    return { url: this.url(key, 'openai/models'), method: 'GET', headers: this.headers(key) };
  }
}
