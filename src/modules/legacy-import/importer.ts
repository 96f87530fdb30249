import type { Keyring } from '../../core/keyring.js';
import type { Role } from '../policy/policy.js';
import type { FernetKey } from './fernet.js';
import type { LegacyImportRepository } from './legacy-import.repository.js';
import type { ReportBuilder } from './report.js';
import { idText, type Row, type SourceDb } from './source.js';

/** One row's fate: imported as `target` (written by `write`), or skipped and why. */
export type Plan = { target: string; write: (repo: LegacyImportRepository) => Promise<void>; notes?: string[] } | { skip: string };

/** How one original table is imported. */
export interface Step {
  /** The original's table (also the id map's `source_table`). */
  table: string;
  /** Pages of rows; the default reads by id. */
  pages?(source: SourceDb, batchSize: number): AsyncIterable<Row[]>;
  sourceId?(row: Row): string;
  plan(row: Row, ctx: ImportContext): Promise<Plan>;
  /** Runs once the step's rows are in (e.g. giving every workspace an owner). */
  after?(ctx: ImportContext): Promise<void>;
}

export interface ImportProgress {
  table: string;
  batch: number;
  rows: number;
}

/** What steps share during one run. In a dry run nothing is written, and these in-memory sets stand in for the rows. */
export interface ImportContext {
  repo: LegacyImportRepository;
  keyring: Keyring;
  fernet: FernetKey | undefined;
  report: ReportBuilder;
  dryRun: boolean;
  now: number;
  /** original table → (original id → atrium id), this run's rows included. */
  ids: Map<string, Map<string, string>>;
  taken: { emails: Set<string>; slugs: Set<string>; fingerprints: Set<string>; defaults: Set<string>; invitations: Set<string> };
  /** Members imported in this run, per atrium workspace id (the owner rule reads them with those in the database). */
  members: Map<string, { user_id: string; role: Role; joined_at: number }[]>;
  /** Keys imported in this run: usage rows need their workspace and provider. */
  keys: Map<string, { workspace_id: string; provider: string }>;
  onBatch?: (progress: ImportProgress) => void | Promise<void>;
}

/** The atrium id an original row became, if it was imported (this run or an earlier one). */
export function mapped(ctx: ImportContext, table: string, id: unknown): string | undefined {
  return id == null ? undefined : ctx.ids.get(table)?.get(idText(id));
}

async function* pagesById(source: SourceDb, table: string, batchSize: number): AsyncIterable<Row[]> {
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = await source.page(table, after, batchSize);
    if (rows.length === 0) return;
    yield rows;
    after = Number(rows[rows.length - 1].id);
  }
}

/**
 * Imports one table batch by batch: rows already in the id map are counted
 * and left alone; each batch's rows and their map entries are written in one
 * transaction, so a run stopped anywhere resumes after the last whole batch.
 */
export async function runStep(step: Step, source: SourceDb, ctx: ImportContext, batchSize: number): Promise<void> {
  const counts = ctx.report.counts(step.table);
  if (!(await source.hasTable(step.table))) {
    ctx.report.warn(`The original database has no ${step.table} table; nothing of it was imported.`);
    return;
  }
  const ids = ctx.ids.get(step.table) ?? (await ctx.repo.loadMap(step.table));
  ctx.ids.set(step.table, ids);
  let batch = 0;
  for await (const rows of step.pages ? step.pages(source, batchSize) : pagesById(source, step.table, batchSize)) {
    const writes: ((repo: LegacyImportRepository) => Promise<void>)[] = [];
    const entries: { source_table: string; source_id: string; target_id: string; imported_at: number }[] = [];
    for (const row of rows) {
      counts.read += 1;
      const sourceId = step.sourceId ? step.sourceId(row) : idText(row.id);
      if (ids.has(sourceId)) {
        counts.already_imported += 1;
        continue;
      }
      const plan = await step.plan(row, ctx);
      if ('skip' in plan) {
        ctx.report.skip(step.table, sourceId, plan.skip);
        continue;
      }
      for (const note of plan.notes ?? []) ctx.report.note(step.table, sourceId, note);
      writes.push(plan.write);
      entries.push({ source_table: step.table, source_id: sourceId, target_id: plan.target, imported_at: ctx.now });
      ids.set(sourceId, plan.target);
    }
    if (entries.length > 0 && !ctx.dryRun) {
      await ctx.repo.transaction(async (repo) => {
        for (const write of writes) await write(repo);
        await repo.insertMap(entries);
      });
    }
    counts.imported += entries.length;
    batch += 1;
    await ctx.onBatch?.({ table: step.table, batch, rows: entries.length });
  }
  await step.after?.(ctx);
}
