import { jsonText, nowSeconds, parseJson, randomId } from './common.js';
import { toResponsesUsage, type ResponsesInputItem, type ResponsesRequest } from './responses.js';
import { TranslationError, type ChatMessage, type ChatRequest, type ContentPart, type Usage } from './types.js';

/**
 * The Responses API for providers that only have a chat API (Anthropic,
 * Gemini, …): a Responses request becomes an OpenAI chat request for the
 * provider's chat adapter, and its OpenAI chat answer becomes a Responses
 * `response` (streams: responses-stream.ts). Text, images and function
 * tools translate; state kept by OpenAI (previous responses, conversations,
 * stored prompts) and OpenAI's built-in tools do not.
 */

/** Parameters that need OpenAI's own state or runtime. */
const STATEFUL = ['previous_response_id', 'conversation', 'prompt', 'background'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unsupported(provider: string, what: string, param: string): never {
  throw new TranslationError(`${what} is not supported by ${provider} (atrium translates the Responses API to its chat API)`, param);
}

/** A message's content parts → chat content parts (input_text/output_text → text, input_image → image_url). */
function contentParts(content: ResponsesInputItem['content'], param: string, provider: string): string | ContentPart[] {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part, j): ContentPart => {
    const at = `${param}.content[${j}]`;
    switch (part.type) {
      case 'input_text':
      case 'output_text':
        return { type: 'text', text: jsonText(part.text ?? '') };
      case 'refusal':
        return { type: 'text', text: jsonText(part.refusal ?? '') };
      case 'input_image': {
        if (typeof part.image_url !== 'string') unsupported(provider, 'An input_image without image_url (file_id)', `${at}.image_url`);
        const detail = typeof part.detail === 'string' && part.detail !== 'auto' ? { detail: part.detail } : {};
        return { type: 'image_url', image_url: { url: part.image_url, ...detail } };
      }
      default:
        return unsupported(provider, `Content part type "${part.type}"`, `${at}.type`);
    }
  });
}

/** Text of a function_call_output's `output` (a string, or input_text parts). */
function outputText(output: ResponsesInputItem['output'], param: string, provider: string): string {
  if (typeof output === 'string') return output;
  return (output ?? [])
    .map((part, j) => (part.type === 'input_text' ? jsonText(part.text ?? '') : unsupported(provider, `Output part type "${part.type}"`, `${param}.output[${j}].type`)))
    .join('');
}

/** Input items → chat messages; consecutive function calls become one assistant message with several tool calls. */
function chatMessages(body: ResponsesRequest, provider: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (body.instructions) messages.push({ role: 'system', content: body.instructions });
  const input = body.input;
  if (input === undefined) unsupported(provider, 'A request without input', 'input');
  if (typeof input === 'string') return [...messages, { role: 'user', content: input }];
  input.forEach((item, i) => {
    const param = `input[${i}]`;
    const type = item.type ?? 'message';
    if (type === 'message') {
      const role = item.role === 'developer' ? 'system' : String(item.role);
      messages.push({ role, content: contentParts(item.content, param, provider) });
    } else if (type === 'function_call') {
      const call = { id: String(item.call_id), type: 'function', function: { name: String(item.name), arguments: item.arguments ?? '{}' } };
      const last = messages.at(-1);
      if (last?.role === 'assistant' && Array.isArray(last.tool_calls)) last.tool_calls.push(call);
      else messages.push({ role: 'assistant', content: null, tool_calls: [call] });
    } else if (type === 'function_call_output') {
      messages.push({ role: 'tool', tool_call_id: String(item.call_id), content: outputText(item.output, param, provider) });
    } else {
      unsupported(provider, `Input item type "${type}"`, `${param}.type`);
    }
  });
  return messages;
}

/** Responses `tool_choice` → chat's. */
function chatToolChoice(choice: unknown, provider: string): unknown {
  if (choice == null || choice === 'auto' || choice === 'none' || choice === 'required') return choice ?? undefined;
  if (isObject(choice) && choice.type === 'function' && typeof choice.name === 'string') return { type: 'function', function: { name: choice.name } };
  return unsupported(provider, 'This tool_choice', 'tool_choice');
}

/** Responses `text.format` → chat's `response_format`. */
function responseFormat(format: NonNullable<ResponsesRequest['text']>['format']): ChatRequest['response_format'] | undefined {
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_schema') return { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: format.strict ?? undefined } } as ChatRequest['response_format'];
  return { type: format.type };
}

/** A Responses request → the OpenAI chat request the provider's chat adapter translates. */
export function responsesToChat(body: ResponsesRequest, provider: string): ChatRequest {
  for (const name of STATEFUL) {
    if (body[name] != null && body[name] !== false) {
      throw new TranslationError(`${name} is not supported by ${provider}: atrium stores no responses and translates each request on its own`, name);
    }
  }
  const tools = (body.tools ?? []).map((tool, i) => {
    if (tool.type !== 'function') {
      unsupported(provider, `The built-in tool "${tool.type}" (only function tools translate)`, `tools[${i}].type`);
    }
    return { type: 'function', function: { name: String(tool.name), ...(tool.description ? { description: tool.description } : {}), ...(tool.parameters ? { parameters: tool.parameters } : {}) } };
  });
  const chat: ChatRequest = { model: body.model, messages: chatMessages(body, provider) };
  if (tools.length) chat.tools = tools;
  const choice = chatToolChoice(body.tool_choice, provider);
  if (choice !== undefined) chat.tool_choice = choice;
  if (body.max_output_tokens != null) chat.max_completion_tokens = body.max_output_tokens;
  if (body.temperature != null) chat.temperature = body.temperature;
  if (body.top_p != null) chat.top_p = body.top_p;
  if (body.parallel_tool_calls != null) chat.parallel_tool_calls = body.parallel_tool_calls;
  if (typeof body.user === 'string') chat.user = body.user;
  const format = responseFormat(body.text?.format);
  if (format) chat.response_format = format;
  if (body.stream === true) chat.stream = true;
  return chat;
}

/** One output item of a Responses answer. */
export type OutputItem =
  | { id: string; type: 'message'; status: string; role: 'assistant'; content: Array<{ type: 'output_text'; text: string; annotations: unknown[]; logprobs: unknown[] }> }
  | { id: string; type: 'function_call'; status: string; call_id: string; name: string; arguments: string };

export const messageItem = (text: string, status = 'completed', id = randomId('msg_')): Extract<OutputItem, { type: 'message' }> => ({
  id,
  type: 'message',
  status,
  role: 'assistant',
  content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
});

/** Chat `finish_reason` → the response's status and incomplete_details. */
export function statusOf(finishReason: unknown): { status: 'completed' | 'incomplete'; incomplete_details: { reason: string } | null } {
  if (finishReason === 'length') return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
  if (finishReason === 'content_filter') return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
  return { status: 'completed', incomplete_details: null };
}

/** A Responses `response` object echoing the request's settings, as OpenAI returns it. */
export function responseObject(
  body: ResponsesRequest,
  fields: { id: string; createdAt: number; model: string; status: string; output: OutputItem[]; usage: Usage | null; incomplete?: { reason: string } | null; error?: { code: string; message: string } | null },
): Record<string, unknown> {
  return {
    id: fields.id,
    object: 'response',
    created_at: fields.createdAt,
    status: fields.status,
    background: false,
    error: fields.error ?? null,
    incomplete_details: fields.incomplete ?? null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: fields.model,
    output: fields.output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: false,
    temperature: body.temperature ?? 1,
    text: { format: body.text?.format ?? { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage: fields.usage ? toResponsesUsage(fields.usage) : null,
    user: body.user ?? null,
    metadata: body.metadata ?? {},
  };
}

/** An OpenAI chat.completion as atrium's translating adapters write it. */
interface ChatCompletionJson {
  model?: string;
  choices?: Array<{ message?: { content?: unknown; tool_calls?: Array<{ id?: string; function?: { name?: string; arguments?: string } }> }; finish_reason?: unknown }>;
}

/** The translated chat.completion → a Responses `response` (text as one message item, then one item per tool call). */
export function chatToResponse(chatBody: Buffer | string, usage: Usage | null, body: ResponsesRequest, model: string): string {
  const chat = parseJson(chatBody) as ChatCompletionJson | undefined;
  if (!chat) throw new Error('the translated chat answer is not JSON');
  const choice = chat.choices?.[0];
  const output: OutputItem[] = [];
  const text = choice?.message?.content;
  if (typeof text === 'string' && text) output.push(messageItem(text));
  for (const call of choice?.message?.tool_calls ?? []) {
    output.push({ id: randomId('fc_'), type: 'function_call', status: 'completed', call_id: call.id ?? randomId('call_'), name: call.function?.name ?? '', arguments: call.function?.arguments ?? '{}' });
  }
  const { status, incomplete_details } = statusOf(choice?.finish_reason);
  const response = responseObject(body, { id: randomId('resp_'), createdAt: nowSeconds(), model: chat.model ?? model, status, output, usage, incomplete: incomplete_details });
  return JSON.stringify({ ...response, completed_at: status === 'completed' ? nowSeconds() : null });
}
