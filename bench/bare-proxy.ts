/**
 * The "bare proxy" of `npm run bench:gateway`: what Node itself costs a
 * gateway. Fastify with its defaults (the JSON body parsed, as any gateway
 * must to read the model) and an undici client on a keep-alive pool pass a
 * chat completion to the upstream and its answer back, streamed as it
 * comes; no authentication, no accounting, no logging. Run as a child
 * process, like atrium: PORT, and BARE_PROXY_UPSTREAM, the upstream's
 * OpenAI-style base URL (`…/v1`).
 */
import Fastify from 'fastify';
import { Agent, request } from 'undici';

const port = Number(process.env.PORT);
const upstream = process.env.BARE_PROXY_UPSTREAM;
if (!port || !upstream) throw new Error('bare-proxy: set PORT and BARE_PROXY_UPSTREAM');

const agent = new Agent({ keepAliveTimeout: 30_000 });
const app = Fastify();

app.post('/v1/chat/completions', async (req, reply) => {
  const res = await request(`${upstream}/chat/completions`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' },
    body: JSON.stringify(req.body),
  });
  reply.code(res.statusCode);
  const type = res.headers['content-type'];
  if (typeof type === 'string') reply.header('content-type', type);
  return reply.send(res.body);
});

await app.listen({ port, host: '127.0.0.1' });
