import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.js';

/**
 * `npm test` builds the UI before Vitest starts; running this file alone
 * (`npx vitest run test/e2e`) builds it here if there is no build yet.
 */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(path.join(ROOT, 'dist/web/index.html'))) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}
