import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../dist/web');
const api = process.env.ATRIUM_API_URL ?? 'http://localhost:8000';

/**
 * Writes `.br` and `.gz` siblings of the text assets once at build time, so the
 * server (@fastify/static `preCompressed`) sends them without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'atrium-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const file = path.join(dir, name);
          return statSync(file).isDirectory() ? walk(file) : [file];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // The chart library is loaded with the usage page only.
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    // The dev server serves the UI with hot reload and hands the API to `npm run dev` on :8000.
    proxy: { '/api': api, '/v1': api, '/docs': api, '/openapi.json': api },
    fs: { allow: [path.resolve(here, '..')] },
  },
});
