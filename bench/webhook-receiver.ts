/**
 * The webhook receiver of `npm run bench:webhooks`, in its own process (so it
 * does not share an event loop with what it measures). Answers every POST
 * with 204 and reports, over IPC, when each delivery arrived.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

const now = () => performance.timeOrigin + performance.now();
let arrivals: [string, number][] = [];

const server = createServer((req, res) => {
  const id = req.headers['webhook-id'];
  req.resume();
  req.on('end', () => {
    if (typeof id === 'string') arrivals.push([id, now()]);
    else arrivals.push(['', now()]);
    res.writeHead(204).end();
  });
});
server.keepAliveTimeout = 30_000;

process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'reset') {
    arrivals = [];
    process.send!({ cmd: 'reset' });
  } else if (msg.cmd === 'count') {
    process.send!({ cmd: 'count', count: arrivals.length });
  } else if (msg.cmd === 'arrivals') {
    process.send!({ cmd: 'arrivals', arrivals });
  }
});

server.listen(0, '127.0.0.1', () => process.send!({ cmd: 'ready', port: (server.address() as AddressInfo).port }));
