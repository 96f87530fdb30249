import { describe, expect, it } from 'vitest';
import { costMicros, PROVIDER_IDS, PROVIDERS, priceFor, providerInfo } from '../providers.js';

describe('provider catalog', () => {
  it('lists every supported provider with what a client needs to add a key', () => {
    expect(PROVIDERS.map((p) => p.id).sort()).toEqual([...PROVIDER_IDS].sort());
    for (const p of PROVIDERS) {
      expect(p.name).toBeTruthy();
      expect(p.key_format).toBeTruthy();
      expect(p.docs_url).toMatch(/^https:\/\//);
      if (!p.needs_endpoint_url) expect(p.default_base_url).toMatch(/^https:\/\//);
      if (p.key_pattern) expect(() => new RegExp(p.key_pattern!)).not.toThrow();
      for (const m of p.models) {
        expect(m.input_per_mtok).toBeGreaterThanOrEqual(0);
        expect(m.output_per_mtok).toBeGreaterThanOrEqual(0);
      }
    }
    expect(providerInfo('azure_openai')).toMatchObject({ needs_endpoint_url: true, needs_deployment_name: true });
    expect(providerInfo('custom')).toMatchObject({ needs_endpoint_url: true, needs_deployment_name: false });
  });

  it('prices in integer micro-dollars per million tokens, exactly', () => {
    expect(priceFor('openai', 'gpt-4o-mini')).toEqual({ inputMicrosPerMTok: 150_000, outputMicrosPerMTok: 600_000 });
    expect(priceFor('cohere', 'command-r7b-12-2024')).toEqual({ inputMicrosPerMTok: 37_500, outputMicrosPerMTok: 150_000 });
    for (const p of PROVIDERS) {
      for (const m of p.models) {
        const price = priceFor(p.id, m.id)!;
        expect(Number.isInteger(price.inputMicrosPerMTok) && Number.isInteger(price.outputMicrosPerMTok)).toBe(true);
      }
    }
  });

  it('matches dated snapshots and aliases to their model, never to a shorter sibling', () => {
    expect(priceFor('openai', 'gpt-4o-mini-2024-07-18')).toEqual(priceFor('openai', 'gpt-4o-mini'));
    expect(priceFor('openai', 'gpt-4o-2024-08-06')).toEqual(priceFor('openai', 'gpt-4o'));
    expect(priceFor('anthropic', 'claude-sonnet-4-5-20250929')).toEqual(priceFor('anthropic', 'claude-sonnet-4-5'));
    expect(priceFor('anthropic', 'claude-3-5-haiku-latest')).toEqual(priceFor('anthropic', 'claude-3-5-haiku'));
    expect(priceFor('gemini', 'models/gemini-1.5-flash-002')).toEqual(priceFor('gemini', 'gemini-1.5-flash'));
    expect(priceFor('mistral', 'mistral-large-2411')).toEqual(priceFor('mistral', 'mistral-large'));
    expect(priceFor('openai', 'GPT-4o-mini')).toEqual(priceFor('openai', 'gpt-4o-mini'));
  });

  it('leaves unknown models, other variants and custom servers unpriced', () => {
    expect(priceFor('openai', 'gpt-4o-audio-preview')).toBeUndefined();
    expect(priceFor('openai', 'my-fine-tune')).toBeUndefined();
    expect(priceFor('custom', 'llama3.1:8b')).toBeUndefined();
    expect(priceFor('nope', 'gpt-4o')).toBeUndefined();
  });

  it('computes the cost of a request', () => {
    const price = priceFor('openai', 'gpt-4o')!; // $2.50 in, $10 out per 1M
    expect(costMicros(price, 1_000_000, 0)).toBe(2_500_000);
    expect(costMicros(price, 1000, 500)).toBe(2500 + 5000);
    expect(costMicros(price, 0, 0)).toBe(0);
  });
});
