import type { Db } from '../../core/db/database.js';
import type { Keyring } from '../../core/keyring.js';
import type { AtriumModule } from '../../core/module.js';
import { FernetError, FernetKey } from './fernet.js';
import { runStep, type ImportContext, type ImportProgress } from './importer.js';
import { LegacyImportRepository } from './legacy-import.repository.js';
import { formatReport, ReportBuilder, type ImportReport } from './report.js';
import { openSource, SourceError } from './source.js';
import { accountSteps } from './steps.accounts.js';
import { resourceSteps } from './steps.resources.js';

export { formatReport, type ImportReport };

/**
 * `atrium import-legacy`: moves a FastAPI backend's data (JonSnow1807/api-orchestrator)
 * into atrium. Not a feature with routes or background work: a one-shot
 * command that main.ts runs with the target database and keyring. It sits
 * above every other module in the graph because it writes their tables.
 */

export interface LegacyImportOptions {
  /** The original's DATABASE_URL or a SQLite file path. */
  from: string;
  /** The original's AI_KEY_ENCRYPTION_KEY (Fernet). */
  encryptionKey?: string;
  dryRun?: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  /** Called after each batch is committed (progress; tests stop a run here). */
  onBatch?: (progress: ImportProgress) => void | Promise<void>;
}

/** A problem with the command's input (source unreachable, malformed key): exit code 2, nothing written. */
export class LegacyImportInputError extends Error {}

export interface LegacyImportModule extends AtriumModule {
  run(options: LegacyImportOptions): Promise<ImportReport>;
}

export function createLegacyImportModule(deps: { db: Db; keyring: Keyring }): LegacyImportModule {
  const repo = new LegacyImportRepository(deps.db);
  return {
    name: 'legacy-import',
    async run(options) {
      let fernet: FernetKey | undefined;
      try {
        fernet = options.encryptionKey ? new FernetKey(options.encryptionKey) : undefined;
      } catch (error) {
        if (error instanceof FernetError) throw new LegacyImportInputError(`--encryption-key: ${error.message}`);
        throw error;
      }
      const source = await openSource(options.from).catch((error: unknown) => {
        throw error instanceof SourceError ? new LegacyImportInputError(error.message) : error;
      });
      const report = new ReportBuilder(source.description, options.dryRun === true);
      const ctx: ImportContext = {
        repo,
        keyring: deps.keyring,
        fernet,
        report,
        dryRun: options.dryRun === true,
        now: Date.now(),
        ids: new Map(),
        taken: { emails: new Set(), slugs: new Set(), fingerprints: new Set(), defaults: new Set(), invitations: new Set() },
        members: new Map(),
        keys: new Map(),
        onBatch: options.onBatch,
      };
      try {
        for (const step of [...accountSteps, ...resourceSteps]) await runStep(step, source, ctx, Math.max(1, options.batchSize ?? 500));
      } finally {
        await source.close();
      }
      return report.finish();
    },
  };
}
