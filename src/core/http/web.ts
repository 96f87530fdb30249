import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `dist/web` seen from this file: `src/core/http` (tsx) and `dist/core/http`
 * (compiled) are both three levels below the repository root, so one relative
 * path works for `npm run dev` and `npm start` alike.
 */
export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/** Paths that belong to the server. The SPA fallback never answers them, so an unknown API route stays a JSON 404. */
const SERVER_PATHS = /^\/(api|v1|docs)(\/|$)|^\/(openapi\.json|metrics)$/;

const YEAR = 'public, max-age=31536000, immutable';

/**
 * Headers for the HTML shell. The CSP allows only our own scripts (Vite emits
 * no inline script); inline styles are allowed because the chart library sets
 * `style` attributes. `same-origin` referrers keep invitation tokens (they sit
 * in the URL of the accept page) from leaking to other sites.
 */
const HTML_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
    "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

/**
 * Serves the production build of the web console (`vite build` → `dist/web`):
 * content-hashed files under `/assets/` are cached for a year, everything else
 * is revalidated, and any other GET that asks for HTML gets `index.html` so
 * client-side routes survive a reload. Without a build the API still starts.
 */
export async function registerWebUi(app: FastifyInstance, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const indexFile = path.join(root, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.info(`web console not built (${indexFile} is missing): serving the API only; run \`npm run build:web\` to add the UI`);
    return;
  }

  const shared = {
    index: false as const,
    decorateReply: false,
    // Serve `x.js.br` / `x.js.gz` written at build time when the client accepts them.
    preCompressed: true,
    cacheControl: false,
  };

  // Content-hashed bundles. Looked up per request (not globbed at start-up) so
  // a rebuild next to a running server is picked up; a missing file falls
  // through to the JSON 404.
  await app.register(fastifyStatic, {
    ...shared,
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    setHeaders: (reply) => {
      reply.header('cache-control', YEAR);
    },
  });

  // Un-hashed files at the top level (favicon…): revalidated after an hour.
  await app.register(fastifyStatic, {
    ...shared,
    root,
    prefix: '/',
    wildcard: false,
    globIgnore: ['assets/**', 'index.html', '**/*.br', '**/*.gz'],
    setHeaders: (reply) => {
      reply.header('cache-control', 'public, max-age=3600');
    },
  });

  const shell = new ShellCache(indexFile);
  const sendShell = (request: FastifyRequest, reply: FastifyReply) => {
    const { html, etag } = shell.get();
    reply.headers({ ...HTML_HEADERS, etag, vary: 'accept' });
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('text/html; charset=utf-8').send(html);
  };

  app.get('/index.html', { schema: { hide: true } }, async (request, reply) => sendShell(request, reply));
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0];
    // `/` is always the console (curl and probes send `Accept: */*`); deeper
    // paths only for clients asking for HTML, so a missing asset stays a 404.
    const wantsHtml = pathname === '/' || (request.headers.accept ?? '').includes('text/html');
    if (SERVER_PATHS.test(pathname) || !wantsHtml) return reply.callNotFound();
    return sendShell(request, reply);
  });
}

/** index.html from memory, re-read when the file changes (a rebuild must not leave the shell pointing at deleted bundles). */
class ShellCache {
  private mtimeMs = -1;
  private html = Buffer.alloc(0);
  private etag = '""';

  constructor(private readonly file: string) {}

  get(): { html: Buffer; etag: string } {
    try {
      const { mtimeMs } = statSync(this.file);
      if (mtimeMs !== this.mtimeMs) {
        this.html = readFileSync(this.file);
        this.etag = `"${createHash('sha256').update(this.html).digest('base64url').slice(0, 27)}"`;
        this.mtimeMs = mtimeMs;
      }
    } catch {
      // Mid-rebuild the file can be missing for a moment: keep serving the last good copy.
    }
    return { html: this.html, etag: this.etag };
  }
}
