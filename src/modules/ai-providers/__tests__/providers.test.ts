import { describe, expect, it } from 'vitest';
import { costMicros, modelPrice, PROVIDER_IDS, PROVIDERS, priceFor, providerInfo } from '../providers.js';

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
    expect(priceFor('openai', 'gpt-4o-mini')).toMatchObject({ inputMicrosPerMTok: 150_000, outputMicrosPerMTok: 600_000 });
    expect(priceFor('cohere', 'command-r7b-12-2024')).toEqual({ inputMicrosPerMTok: 37_500, outputMicrosPerMTok: 150_000, maxOutputTokens: 4000 });
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
    expect(costMicros(price, { input: 1_000_000, output: 0 })).toBe(2_500_000);
    expect(costMicros(price, { input: 1000, output: 500 })).toBe(2500 + 5000);
    expect(costMicros(price, { input: 0, output: 0 })).toBe(0);
  });

  it('bills cached prompt tokens at the published cache rates', () => {
    // OpenAI gpt-4o-mini: $0.15 input, $0.075 cached input, $0.60 output per 1M.
    expect(priceFor('openai', 'gpt-4o-mini')).toEqual({ inputMicrosPerMTok: 150_000, cacheReadMicrosPerMTok: 75_000, outputMicrosPerMTok: 600_000, maxOutputTokens: 16_384 });
    expect(costMicros(priceFor('openai', 'gpt-4o-mini')!, { input: 10_000, cacheRead: 8000, output: 100 })).toBe(2000 * 0.15 + 8000 * 0.075 + 100 * 0.6);
    // gpt-4.1 family: cached input is a quarter of input.
    const gpt41 = priceFor('openai', 'gpt-4.1')!;
    expect(gpt41.cacheReadMicrosPerMTok).toBe(gpt41.inputMicrosPerMTok / 4);
    // Anthropic: cache reads 0.1x input, 5-minute cache writes 1.25x input.
    for (const m of ['claude-sonnet-4-5', 'claude-3-5-haiku', 'claude-opus-4-1']) {
      const p = priceFor('anthropic', m)!;
      expect(p.cacheReadMicrosPerMTok).toBe(p.inputMicrosPerMTok / 10);
      expect(p.cacheWriteMicrosPerMTok).toBe(p.inputMicrosPerMTok * 1.25);
    }
    const sonnet = priceFor('anthropic', 'claude-sonnet-4-5')!; // $3 in, $0.30 read, $3.75 write, $15 out
    expect(costMicros(sonnet, { input: 100 + 10_000 + 2000, cacheRead: 10_000, cacheWrite: 2000, output: 50 })).toBe(300 + 3000 + 7500 + 750);
    // Gemini: cached input 0.25x.
    const flash = priceFor('gemini', 'gemini-2.5-flash')!;
    expect(flash.cacheReadMicrosPerMTok).toBe(flash.inputMicrosPerMTok / 4);
    // No cache rate: cached tokens cost what input costs.
    expect(costMicros(priceFor('mistral', 'mistral-large')!, { input: 1000, cacheRead: 1000, output: 0 })).toBe(2000);
    for (const p of PROVIDERS) {
      for (const m of p.models) {
        const price = priceFor(p.id, m.id)!;
        for (const rate of [price.cacheReadMicrosPerMTok, price.cacheWriteMicrosPerMTok]) if (rate !== undefined) expect(Number.isInteger(rate)).toBe(true);
        if (price.cacheReadMicrosPerMTok !== undefined) expect(price.cacheReadMicrosPerMTok).toBeLessThan(price.inputMicrosPerMTok);
      }
    }
  });

  it('bills reasoning tokens as the part of the output they are: at reasoning_per_mtok when set, else at the output rate', () => {
    // o4-mini: $1.10 in, $4.40 out; OpenAI bills reasoning as output.
    const o4 = priceFor('openai', 'o4-mini')!;
    expect(o4.reasoningMicrosPerMTok).toBeUndefined();
    expect(costMicros(o4, { input: 1000, output: 400, reasoning: 300 })).toBe(costMicros(o4, { input: 1000, output: 400 }));
    expect(costMicros(o4, { input: 1000, output: 400, reasoning: 300 })).toBe(1000 * 1.1 + 400 * 4.4);
    // A reasoning rate read from the price file applies to the reasoning share only.
    const priced = modelPrice({ id: 'thinker', input_per_mtok: 0.15, output_per_mtok: 0.6, reasoning_per_mtok: 3.5 });
    expect(priced).toEqual({ inputMicrosPerMTok: 150_000, outputMicrosPerMTok: 600_000, reasoningMicrosPerMTok: 3_500_000 });
    expect(costMicros(priced, { input: 1000, output: 1000, reasoning: 800 })).toBe(1000 * 0.15 + 200 * 0.6 + 800 * 3.5);
    // Never more reasoning than output: a provider's inconsistent count is not billed on top.
    expect(costMicros(priced, { input: 0, output: 100, reasoning: 500 })).toBe(100 * 3.5);
    expect(costMicros(priced, { input: 0, output: 100, reasoning: -5 })).toBe(100 * 0.6);
    for (const p of PROVIDERS) for (const m of p.models) expect(priceFor(p.id, m.id)!.reasoningMicrosPerMTok ?? 0).toSatisfy(Number.isInteger);
  });
});
