/** Reading server-sent event bodies in tests (the gateway's streams, the adapters' translations). */

/** The data of each SSE event of a body (`[DONE]` included). */
export function sseEvents(body: string): string[] {
  return body
    .split('\n\n')
    .map((block) => block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n'))
    .filter(Boolean);
}

/** Content of the chunks and the usage chunk of an OpenAI SSE body. */
export function readStream(body: string): { text: string; usage: any; finish: string | null; done: boolean; chunks: any[] } {
  const events = sseEvents(body);
  const chunks = events.filter((e) => e !== '[DONE]').map((e) => JSON.parse(e));
  return {
    text: chunks.map((c) => c.choices?.[0]?.delta?.content ?? '').join(''),
    usage: chunks.find((c) => c.usage)?.usage ?? null,
    finish: chunks.map((c) => c.choices?.[0]?.finish_reason).find(Boolean) ?? null,
    done: events.at(-1) === '[DONE]',
    chunks,
  };
}
