import { buildChanged, TARGETS } from '../../../scripts/build.js';
import { ROOT } from './server.js';

/**
 * `npm test` builds the UI before Vitest starts; running this file alone
 * (`npx vitest run test/e2e`) builds it here when its sources changed since
 * the last build (a stale console would be tested otherwise).
 */
export async function ensureWebBuild(): Promise<void> {
  await buildChanged(ROOT, TARGETS.filter((t) => t.name === 'web'), { log: () => undefined });
}
