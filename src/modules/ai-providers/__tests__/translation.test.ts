import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { AnthropicStream, fromAnthropicResponse, toAnthropicRequest } from '../adapters/anthropic.js';
import { AZURE_API_VERSION } from '../adapters/azure.js';
import { fromCohereResponse, toCohereRequest } from '../adapters/cohere.js';
import { fromGeminiResponse, GeminiStream, geminiError, toGeminiRequest } from '../adapters/gemini.js';
import { adapterFor } from '../adapters/index.js';
import { openAICompatibleError, PassthroughStream } from '../adapters/openai-compatible.js';
import { TranslationError, type ChatRequest, type UsageTransform } from '../adapters/types.js';
import { readStream } from '../../../test/sse.js';

/** Feeds `input` to a transform in the given pieces (split anywhere, even inside a UTF-8 character). */
async function run(transform: UsageTransform, pieces: Buffer[]): Promise<string> {
  const out: Buffer[] = [];
  transform.on('data', (chunk: Buffer | string) => out.push(Buffer.from(chunk)));
  await pipeline(Readable.from(pieces), transform);
  return Buffer.concat(out).toString('utf8');
}

function splitEvery(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return pieces;
}

const conversation: ChatRequest = {
  model: 'x',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'developer', content: 'Answer in French.' },
    { role: 'user', content: [{ type: 'text', text: 'Weather?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] },
    { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }] },
    { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
    { role: 'tool', tool_call_id: 'call_1', content: 'second result' },
  ],
  tools: [{ type: 'function', function: { name: 'weather', description: 'Weather now', parameters: { type: 'object', additionalProperties: false, properties: { city: { type: 'string' } } } } }],
  tool_choice: { type: 'function', function: { name: 'weather' } },
  max_tokens: 50,
  top_p: 0.9,
  stop: ['\n\n'],
};

describe('Anthropic translation', () => {
  it('maps system, images, tool calls and tool results, merging consecutive turns', () => {
    expect(toAnthropicRequest(conversation, 'claude-x')).toEqual({
      model: 'claude-x',
      system: 'You are terse.\n\nAnswer in French.',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather?' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Paris' } }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_1', content: '{"temp":21}' },
            { type: 'tool_result', tool_use_id: 'call_1', content: 'second result' },
          ],
        },
      ],
      max_tokens: 50,
      top_p: 0.9,
      stop_sequences: ['\n\n'],
      tools: [{ name: 'weather', description: 'Weather now', input_schema: conversation.tools![0].function.parameters }],
      tool_choice: { type: 'tool', name: 'weather' },
    });
  });

  it('refuses what it cannot express', () => {
    expect(() => toAnthropicRequest({ ...conversation, n: 2 }, 'c')).toThrow(TranslationError);
    expect(() => toAnthropicRequest({ model: 'c', messages: [{ role: 'user', content: [{ type: 'input_audio' }] }] }, 'c')).toThrow(/input_audio/);
  });

  it('maps a response with cached input tokens and a max_tokens stop', () => {
    const { body, usage } = fromAnthropicResponse(
      { id: 'msg_1', model: 'claude-x', content: [{ type: 'text', text: 'Bon' }, { type: 'text', text: 'jour' }], stop_reason: 'max_tokens', usage: { input_tokens: 5, cache_read_input_tokens: 100, output_tokens: 2 } },
      'claude-x',
    );
    expect(usage).toEqual({ inputTokens: 105, outputTokens: 2, cacheReadTokens: 100, cacheWriteTokens: 0 });
    expect(body).toMatchObject({ id: 'msg_1', object: 'chat.completion', choices: [{ message: { content: 'Bonjour' }, finish_reason: 'length' }], usage: { prompt_tokens: 105, completion_tokens: 2, total_tokens: 107, prompt_tokens_details: { cached_tokens: 100 } } });
  });

  it('translates a stream split at arbitrary bytes, multi-byte characters included', async () => {
    const events = [
      ['message_start', { type: 'message_start', message: { id: 'msg_9', model: 'claude-x', usage: { input_tokens: 7, output_tokens: 1 } } }],
      ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
      ['ping', { type: 'ping' }],
      ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Ça va ' } }],
      ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: '😀 bien' } }],
      ['content_block_stop', { type: 'content_block_stop', index: 0 }],
      ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 6 } }],
      ['message_stop', { type: 'message_stop' }],
    ] as const;
    const sse = events.map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`).join('');
    for (const size of [1, 3, 7, 1000]) {
      const transform = new AnthropicStream('claude-x');
      const out = readStream(await run(transform, splitEvery(sse, size)));
      expect(out.text).toBe('Ça va 😀 bien');
      expect(out.finish).toBe('stop');
      expect(out.usage).toEqual({ prompt_tokens: 7, completion_tokens: 6, total_tokens: 13 });
      expect(out.done).toBe(true);
      expect(out.chunks[0]).toMatchObject({ id: 'msg_9', object: 'chat.completion.chunk', model: 'claude-x' });
      expect(transform.usage).toEqual({ inputTokens: 7, outputTokens: 6 });
    }
  });

  it('turns a stream error event into an OpenAI error event', async () => {
    const sse = `event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: { id: 'm', usage: { input_tokens: 1 } } })}\n\nevent: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n`;
    const out = await run(new AnthropicStream('c'), [Buffer.from(sse)]);
    expect(out).toContain('"error":{"message":"Overloaded","type":"api_error","param":null,"code":"overloaded_error"}');
    expect(out).not.toContain('[DONE]');
  });
});

describe('Gemini translation', () => {
  it('maps roles, system instruction, images, function calls and responses, and config', () => {
    const out = toGeminiRequest({ ...conversation, response_format: { type: 'json_object' }, tool_choice: 'required' });
    expect(out).toEqual({
      systemInstruction: { parts: [{ text: 'You are terse.\n\nAnswer in French.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'Weather?' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }] },
        { role: 'model', parts: [{ functionCall: { name: 'weather', args: { city: 'Paris' } } }] },
        { role: 'user', parts: [{ functionResponse: { name: 'weather', response: { temp: 21 } } }, { functionResponse: { name: 'weather', response: { content: 'second result' } } }] },
      ],
      generationConfig: { topP: 0.9, maxOutputTokens: 50, stopSequences: ['\n\n'], responseMimeType: 'application/json' },
      tools: [{ functionDeclarations: [{ name: 'weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } } } }] }],
      toolConfig: { functionCallingConfig: { mode: 'ANY' } },
    });
  });

  it('maps a response: thoughts left out but billed, safety stop, blocked prompt', () => {
    const { body, usage } = fromGeminiResponse(
      {
        candidates: [{ content: { parts: [{ text: 'thinking…', thought: true }, { text: 'Hi' }] }, finishReason: 'SAFETY', index: 0 }],
        usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 1, thoughtsTokenCount: 10 },
      },
      'gemini-x',
    );
    expect(usage).toEqual({ inputTokens: 4, outputTokens: 11, reasoningTokens: 10 });
    expect(body).toMatchObject({ choices: [{ message: { content: 'Hi' }, finish_reason: 'content_filter' }] });
    const blocked = fromGeminiResponse({ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 3 } }, 'g');
    expect(blocked.body).toMatchObject({ choices: [{ finish_reason: 'content_filter' }] });
  });

  it('translates a stream and keeps the last cumulative usage', async () => {
    const chunk = (text: string, output: number, finish?: string) =>
      `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text }] }, index: 0, ...(finish ? { finishReason: finish } : {}) }], usageMetadata: { promptTokenCount: 3, candidatesTokenCount: output }, responseId: 'r1' })}\r\n\r\n`;
    const sse = chunk('Hel', 1) + chunk('lo', 2, 'STOP');
    const transform = new GeminiStream('gemini-x');
    const out = readStream(await run(transform, splitEvery(sse, 5)));
    expect(out).toMatchObject({ text: 'Hello', finish: 'stop', done: true, usage: { prompt_tokens: 3, completion_tokens: 2 } });
  });

  it('reads an invalid key from a 400 and other errors by status', () => {
    const invalid = Buffer.from(JSON.stringify({ error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT', details: [{ reason: 'API_KEY_INVALID' }] } }));
    expect(geminiError(400, invalid)).toEqual({ message: 'API key not valid.', type: 'authentication_error', param: null, code: 'invalid_api_key' });
    expect(geminiError(429, Buffer.from('{"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED"}}'))).toMatchObject({ type: 'rate_limit_error', code: 'RESOURCE_EXHAUSTED' });
    expect(geminiError(502, Buffer.from('<html>bad gateway</html>'))).toMatchObject({ type: 'api_error', message: '<html>bad gateway</html>' });
  });
});

describe('Cohere translation', () => {
  it('maps messages one to one, parameters by name', () => {
    const out = toCohereRequest({ ...conversation, temperature: 0.3, tool_choice: 'required' }, 'command-r');
    expect(out).toMatchObject({
      model: 'command-r',
      max_tokens: 50,
      p: 0.9,
      temperature: 0.3,
      stop_sequences: ['\n\n'],
      tool_choice: 'REQUIRED',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] },
        { role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
        { role: 'tool', tool_call_id: 'call_1', content: 'second result' },
      ],
    });
  });

  it('bills from billed_units', () => {
    const { usage, body } = fromCohereResponse(
      { id: 'c1', finish_reason: 'MAX_TOKENS', message: { content: [{ type: 'text', text: 'Hi' }] }, usage: { billed_units: { input_tokens: 3, output_tokens: 1 }, tokens: { input_tokens: 70, output_tokens: 1 } } },
      'command-r',
    );
    expect(usage).toEqual({ inputTokens: 3, outputTokens: 1 });
    expect(body).toMatchObject({ choices: [{ finish_reason: 'length', message: { content: 'Hi' } }] });
  });
});

describe('pass-through', () => {
  it('passes the bytes unchanged and reads usage from the usage chunk or x_groq', async () => {
    const sse = [
      'data: {"choices":[{"index":0,"delta":{"content":"Hé"}}]}\n\n',
      ': keep-alive comment\n\n',
      'data: {"choices":[],"x_groq":{"usage":{"prompt_tokens":5,"completion_tokens":2}}}\n\n',
      'data: [DONE]\n\n',
    ].join('');
    const transform = new PassthroughStream();
    expect(await run(transform, splitEvery(sse, 4))).toBe(sse);
    expect(transform.usage).toEqual({ inputTokens: 5, outputTokens: 2 });
    expect(transform.outputChars).toBe(2);
  });

  it('normalises compatible servers’ error shapes', () => {
    expect(openAICompatibleError(422, Buffer.from('{"object":"error","message":{"detail":[]},"type":"invalid_request_error","param":null,"code":null}'))).toMatchObject({ type: 'invalid_request_error', message: '{"detail":[]}' });
    expect(openAICompatibleError(401, Buffer.from('{"message":"Unauthorized","request_id":"x"}'))).toMatchObject({ type: 'authentication_error', message: 'Unauthorized' });
    expect(openAICompatibleError(404, Buffer.from('{"error":"model \\"x\\" not found"}'))).toMatchObject({ message: 'model "x" not found', type: 'not_found_error' });
    expect(openAICompatibleError(500, Buffer.from(''))).toMatchObject({ message: 'Provider answered HTTP 500' });
  });

  it('builds Azure URLs with the deployment and an api-version, keeping one pinned in endpoint_url', () => {
    const azure = adapterFor('azure_openai')!;
    const key = { provider: 'azure_openai', apiKey: 'k', endpointUrl: 'https://res.openai.azure.com', deploymentName: 'prod-4o' };
    expect(azure.chatRequest(key, 'gpt-4o', { model: 'gpt-4o', messages: [] }).url.toString()).toBe(
      `https://res.openai.azure.com/openai/deployments/prod-4o/chat/completions?api-version=${AZURE_API_VERSION}`,
    );
    const pinned = { ...key, endpointUrl: 'https://res.openai.azure.com/?api-version=2025-01-01-preview' };
    expect(azure.testRequest(pinned).url.toString()).toBe('https://res.openai.azure.com/openai/models?api-version=2025-01-01-preview');
    expect(azure.chatRequest(key, 'gpt-4o', { model: 'gpt-4o', messages: [] }).headers['api-key']).toBe('k');
  });
});
