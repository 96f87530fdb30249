import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../test/harness.js';
import Fastify from 'fastify';
import { registerErrorHandling } from '../error-handler.js';
import { DEFAULT_WEB_ROOT, registerWebUi } from '../web.js';

/** A fake build: the real one is produced by `vite build`, which this unit test does not need. */
function fakeBuild(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'atrium-web-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>atrium</title><script type="module" src="/assets/app-abc123.js"></script>');
  writeFileSync(path.join(root, 'assets', 'app-abc123.js'), 'console.log("app")'.repeat(100));
  writeFileSync(path.join(root, 'assets', 'app-abc123.js.gz'), 'not really gzip');
  writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('web console serving', () => {
  let root: string;
  let app: ReturnType<typeof Fastify>;

  beforeAll(async () => {
    root = fakeBuild();
    app = Fastify({ logger: false });
    registerErrorHandling(app);
    app.get('/api/thing', async () => ({ ok: true }));
    app.get('/v1/models', async () => ({ data: [] }));
    await registerWebUi(app, { root });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves hashed assets as immutable for a year', async () => {
    const res = await app.inject({ url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('sends the pre-compressed variant when the client accepts it', async () => {
    const res = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body).toBe('not really gzip');
  });

  it('serves index.html with no-cache and security headers at / and on client routes', async () => {
    for (const url of ['/', '/w/acme/members', '/invitations/abc?x=1', '/index.html']) {
      const res = await app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.body, url).toContain('<title>atrium</title>');
    }
  });

  it('serves the console at / whatever the Accept header (curl, probes)', async () => {
    const res = await app.inject({ url: '/', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>atrium</title>');
    const deep = await app.inject({ url: '/w/acme/members', headers: { accept: '*/*' } });
    expect(deep.statusCode).toBe(404);
  });

  it('answers a revalidation with 304', async () => {
    const first = await app.inject({ url: '/signin', headers: HTML });
    const again = await app.inject({ url: '/signin', headers: { ...HTML, 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('keeps server paths and non-HTML requests on the JSON 404', async () => {
    for (const url of ['/api/nope', '/v1/nope', '/docs/nope/../../api/x', '/metrics', '/openapi.json']) {
      const res = await app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('route_not_found');
    }
    const missingAsset = await app.inject({ url: '/assets/gone-123.js', headers: { accept: '*/*' } });
    expect(missingAsset.statusCode).toBe(404);
    expect(missingAsset.json().error.code).toBe('route_not_found');
    const post = await app.inject({ method: 'POST', url: '/w/acme', headers: HTML });
    expect(post.statusCode).toBe(404);
  });

  it('leaves API routes alone', async () => {
    const res = await app.inject({ url: '/api/thing', headers: HTML });
    expect(res.json()).toEqual({ ok: true });
    expect((await app.inject({ url: '/v1/models' })).json()).toEqual({ data: [] });
  });

  it('picks up a rebuild without a restart', async () => {
    writeFileSync(path.join(root, 'assets', 'app-def456.js'), 'console.log("v2")');
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>atrium v2</title>');
    // mtime resolution can be coarse: make sure the new file looks newer.
    utimesSync(path.join(root, 'index.html'), new Date(), new Date(Date.now() + 5000));
    expect((await app.inject({ url: '/assets/app-def456.js' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/members', headers: HTML })).body).toContain('atrium v2');
  });

  it('starts without a build and serves the API only', async () => {
    const bare = Fastify({ logger: false });
    registerErrorHandling(bare);
    await registerWebUi(bare, { root: path.join(root, 'missing') });
    const res = await bare.inject({ url: '/', headers: HTML });
    expect(res.statusCode).toBe(404);
    await bare.close();
  });
});

describe.each(engines)('web console inside the real app (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  // Needs the real build (npm test builds it first); the bare-Fastify tests above cover the rest.
  const built = existsSync(path.join(DEFAULT_WEB_ROOT, 'index.html'));

  it.skipIf(!built)('serves the console at / and keeps /api/health and /docs', async () => {
    const shell = await t.get('/', { headers: HTML });
    expect(shell.status).toBe(200);
    expect(shell.headers['content-type']).toMatch(/text\/html/);
    expect((await t.get('/api/health', { headers: HTML })).body).toEqual({ status: 'ok' });
    expect((await t.get('/openapi.json', { headers: HTML })).headers['content-type']).toMatch(/json/);
  });
  afterAll(() => t.close());

  it('an unknown /api route answers a browser exactly as it answers any other client', async () => {
    const user = await t.signup();
    const res = await t.get('/api/definitely-not-here', { token: user.token, headers: HTML });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route_not_found');
    // A POST never reaches the SPA fallback: it is the reference answer for an anonymous caller.
    const reference = await t.post('/api/definitely-not-here', { headers: { accept: 'application/json' } });
    const anonymous = await t.get('/api/definitely-not-here', { headers: HTML });
    expect(anonymous.status).toBe(reference.status);
    expect(anonymous.body.error.code).toBe(reference.body.error.code);
    expect(anonymous.headers['content-type']).toMatch(/json/);
  });
});
