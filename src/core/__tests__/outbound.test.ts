import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { DestinationNotAllowedError, Outbound, refusalReason } from '../outbound.js';
import { HOSTILE_URLS } from './hostile-urls.js';


describe('Outbound.assertAllowed', () => {
  const outbound = new Outbound({ allowedCidrs: [] });
  afterAll(() => outbound.close());

  it.each(HOSTILE_URLS)('refuses %s (%s)', async (url) => {
    const error = await outbound.assertAllowed(url, 'endpoint_url').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'destination_not_allowed', statusCode: 400, details: { field: 'endpoint_url' } });
    // Never echo credentials.
    expect((error as Error).message).not.toContain('pass');
  });

  it('accepts public addresses, including the public forms of transition addresses', async () => {
    for (const url of ['https://8.8.8.8/hook', 'http://[2606:4700:4700::1111]:8443/', 'http://[::ffff:8.8.8.8]/', 'http://[2002:808:808::1]/']) {
      await expect(outbound.assertAllowed(url)).resolves.toBeUndefined();
    }
  });

  it('refuses a host when any of its addresses is private', async () => {
    const mixed = new Outbound({ allowedCidrs: [], resolve: async () => ['93.184.216.34', '10.0.0.7'] });
    await expect(mixed.assertAllowed('https://mixed.example/')).rejects.toMatchObject({ code: 'destination_not_allowed' });
    await mixed.close();
  });

  it('refuses a host that does not resolve', async () => {
    const none = new Outbound({ allowedCidrs: [], resolve: async () => { throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' }); } });
    await expect(none.assertAllowed('https://nowhere.example/')).rejects.toMatchObject({ code: 'destination_not_allowed', message: expect.stringContaining('could not be resolved') });
    await none.close();
  });

  it('lets the operator allow-list through, and only it', () => {
    expect(refusalReason('10.1.2.3')).toContain('private');
    const cidrs = new Outbound({ allowedCidrs: ['10.1.0.0/16', '127.0.0.1'] });
    return Promise.all([
      expect(cidrs.assertAllowed('http://10.1.2.3/')).resolves.toBeUndefined(),
      expect(cidrs.assertAllowed('http://[::ffff:10.1.2.3]/')).resolves.toBeUndefined(),
      expect(cidrs.assertAllowed('http://127.0.0.1:9/')).resolves.toBeUndefined(),
      expect(cidrs.assertAllowed('http://10.2.0.1/')).rejects.toMatchObject({ code: 'destination_not_allowed' }),
      expect(cidrs.assertAllowed('http://127.0.0.2/')).rejects.toMatchObject({ code: 'destination_not_allowed' }),
      // An allow-listed IPv4 address does not make its 6to4 form reachable.
      expect(cidrs.assertAllowed('http://[2002:a01:203::]/')).rejects.toMatchObject({ code: 'destination_not_allowed' }),
    ]).finally(() => cidrs.close());
  });

  it('rejects an invalid allow-list entry at construction', () => {
    expect(() => new Outbound({ allowedCidrs: ['10.0.0.0/33'] })).toThrow(/ATRIUM_OUTBOUND_ALLOWED_CIDRS/);
  });
});

describe('Outbound.dispatcher (connect-time guard)', () => {
  let server: Server;
  let port: number;
  const seen: IncomingMessage[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/target` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello ${req.headers.host}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reaches an allow-listed 127.0.0.1 receiver', async () => {
    const outbound = new Outbound({ allowedCidrs: ['127.0.0.1/32'] });
    const res = await request(`http://127.0.0.1:${port}/ok`, { dispatcher: outbound.dispatcher });
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe(`hello 127.0.0.1:${port}`);
    await outbound.close();
  });

  it('refuses a non-allow-listed receiver when connecting, without sending a byte', async () => {
    const outbound = new Outbound({ allowedCidrs: [] });
    const before = seen.length;
    const error = await request(`http://127.0.0.1:${port}/ok`, { method: 'POST', body: 'x', dispatcher: outbound.dispatcher }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DestinationNotAllowedError);
    expect(seen.length).toBe(before);
    await outbound.close();
  });

  it('refuses odd spellings at connect time too', async () => {
    const outbound = new Outbound({ allowedCidrs: [] });
    for (const host of ['2130706433', '0x7f.1', '0177.0.0.1', '[::ffff:127.0.0.1]']) {
      await expect(request(`http://${host}:${port}/`, { dispatcher: outbound.dispatcher })).rejects.toBeInstanceOf(DestinationNotAllowedError);
    }
    await outbound.close();
  });

  it('defeats DNS rebinding: the address vetted at connect time is the one connected to', async () => {
    // Validation sees a public address; by the time we connect the name points at loopback.
    const answers = [['93.184.216.34'], ['127.0.0.1']];
    const outbound = new Outbound({ allowedCidrs: [], resolve: async () => answers.shift() ?? ['127.0.0.1'] });
    await expect(outbound.assertAllowed(`http://rebind.example:${port}/`)).resolves.toBeUndefined();
    const before = seen.length;
    await expect(request(`http://rebind.example:${port}/`, { dispatcher: outbound.dispatcher })).rejects.toBeInstanceOf(DestinationNotAllowedError);
    expect(seen.length).toBe(before);
    await outbound.close();
  });

  it('connects to the vetted IP but keeps the original Host header', async () => {
    const outbound = new Outbound({ allowedCidrs: ['127.0.0.1/32'], resolve: async () => ['127.0.0.1'] });
    const res = await request(`http://receiver.example:${port}/ok`, { dispatcher: outbound.dispatcher });
    expect(await res.body.text()).toBe(`hello receiver.example:${port}`);
    await outbound.close();
  });

  it('does not follow redirects', async () => {
    const outbound = new Outbound({ allowedCidrs: ['127.0.0.1/32'] });
    const before = seen.length;
    const res = await request(`http://127.0.0.1:${port}/redirect`, { dispatcher: outbound.dispatcher });
    expect(res.statusCode).toBe(302);
    await res.body.dump();
    expect(seen.slice(before).map((r) => r.url)).toEqual(['/redirect']);
    await outbound.close();
  });
});
