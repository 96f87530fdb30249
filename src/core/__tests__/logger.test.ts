import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { registerWebUi } from '../http/web.js';
import { AccessLog, loggerOptions, redactHeaders, redactText } from '../logger.js';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

const TOKEN = 'Zx9-secret-token-value_0123456789';

describe('log redaction rules', () => {
  it.each([
    [`/invitations/${TOKEN}`, '/invitations/[redacted]'],
    [`/invitations/${TOKEN}?from=mail`, '/invitations/[redacted]?from=mail'],
    [`/api/invitations/${TOKEN}/accept`, '/api/invitations/[redacted]/accept'],
    [`https://atrium.example.com/invitations/${TOKEN}`, 'https://atrium.example.com/invitations/[redacted]'],
    [`/api/auth/me?token=${TOKEN}&page=2`, '/api/auth/me?token=[redacted]&page=2'],
    [`/x?page=1&api_key=${TOKEN}`, '/x?page=1&api_key=[redacted]'],
    [`/x?client_secret=${TOKEN}&password=${TOKEN}&sig=${TOKEN}&X-Amz-Signature=${TOKEN}`, '/x?client_secret=[redacted]&password=[redacted]&sig=[redacted]&X-Amz-Signature=[redacted]'],
    [`/x?%74oken=${TOKEN}`, '/x?%74oken=[redacted]'],
    // Ids named after keys identify, they do not authenticate: kept for debugging.
    ['/api/ai-keys/usage?key_id=aik_1&cursor=abc', '/api/ai-keys/usage?key_id=aik_1&cursor=abc'],
    ['/api/workspaces/ws_1/invitations/inv_1', '/api/workspaces/ws_1/invitations/inv_1'],
    [`request to http://10.0.0.5:8080/hook?token=${TOKEN} failed`, 'request to http://10.0.0.5:8080/hook?token=[redacted] failed'],
  ])('%s → %s', (input, output) => {
    expect(redactText(input)).toBe(output);
  });

  it('masks credential headers, whatever their case', () => {
    expect(redactHeaders({ Authorization: `Bearer ${TOKEN}`, cookie: `atrium_session=${TOKEN}`, 'X-Api-Key': TOKEN, 'x-atrium-key-id': 'aik_1', accept: 'text/html' })).toEqual({
      Authorization: '[redacted]',
      cookie: '[redacted]',
      'X-Api-Key': '[redacted]',
      'x-atrium-key-id': 'aik_1',
      accept: 'text/html',
    });
  });

  it('applies to messages, url and headers fields, errors (message, stack, cause) and child loggers', () => {
    const out = capture();
    const log = pino(loggerOptions('trace'), out.stream);
    const child = log.child({ module: 'webhooks' });
    log.info(`opened https://atrium.test/invitations/${TOKEN}`);
    log.warn({ url: `/hook?token=${TOKEN}` }, 'with a url field');
    log.debug({ headers: { authorization: `Bearer ${TOKEN}` } }, 'with headers');
    log.error({ err: new Error(`GET /api/invitations/${TOKEN} failed`, { cause: new Error(`see ?api_key=${TOKEN}`) }) }, 'failed');
    child.error({ err: new Error(`POST http://127.0.0.1/x?secret=${TOKEN}`) }, 'worker failed');
    child.info('format %s', `/invitations/${TOKEN}`);
    log.info({ body: { password: TOKEN, token: TOKEN } }, 'body-like fields');
    const text = out.text();
    expect(text.split('\n').filter(Boolean)).toHaveLength(7);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('/invitations/[redacted]');
  });
});

describe('the web console fallback', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'atrium-web-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>atrium</title>');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves the console on an invitation link without logging its token', async () => {
    const out = capture();
    const app = Fastify({ logger: { ...loggerOptions('trace'), stream: out.stream } });
    await registerWebUi(app, { root });
    try {
      const res = await app.inject({ method: 'GET', url: `/invitations/${TOKEN}`, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>atrium</title>');
      expect(out.text()).toContain('"url":"/invitations/[redacted]"');
      expect(out.text()).not.toContain(TOKEN);
    } finally {
      await app.close();
    }
  });
});

describe('the access log', () => {
  it('writes one line per request when it completes: method, redacted URL, status and time', async () => {
    const out = capture();
    const app = Fastify({ logger: { ...loggerOptions('info'), stream: out.stream }, logController: new AccessLog() });
    app.get('/things/:id', async () => ({ ok: true }));
    app.get('/broken', async () => {
      throw new Error('boom');
    });
    try {
      expect((await app.inject({ method: 'GET', url: `/things/1?api_key=${TOKEN}` })).statusCode).toBe(200);
      const lines = out.text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      const requestLines = lines.filter((l) => l.reqId !== undefined);
      expect(requestLines).toHaveLength(1);
      expect(requestLines[0]).toMatchObject({ msg: 'request completed', statusCode: 200, req: { method: 'GET', url: '/things/1?api_key=[redacted]' } });
      expect(typeof requestLines[0].responseTime).toBe('number');
      expect(out.text()).not.toContain(TOKEN);
      // Fastify's own error line for a failing handler still appears.
      expect((await app.inject({ method: 'GET', url: '/broken' })).statusCode).toBe(500);
      expect(out.text()).toContain('boom');
    } finally {
      await app.close();
    }
  });
});
