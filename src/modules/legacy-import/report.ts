/**
 * What an import did or, with --dry-run, would do: counts per original
 * table, every skipped row and why, and notes on rows imported differently
 * from the original. It names rows by table and original id only: never an
 * e-mail, key, hash, token or secret.
 */

export interface TableCounts {
  read: number;
  imported: number;
  already_imported: number;
  skipped: number;
}

interface RowRemark {
  table: string;
  source_id: string;
  message: string;
}

export interface ImportReport {
  source: string;
  dry_run: boolean;
  started_at: string;
  finished_at: string | null;
  tables: Record<string, TableCounts>;
  skipped: RowRemark[];
  notes: RowRemark[];
  /** Things that concern the whole import (e.g. webhook signing changed). */
  warnings: string[];
}

export class ReportBuilder {
  readonly report: ImportReport;

  constructor(source: string, dryRun: boolean) {
    this.report = { source, dry_run: dryRun, started_at: new Date().toISOString(), finished_at: null, tables: {}, skipped: [], notes: [], warnings: [] };
  }

  counts(table: string): TableCounts {
    return (this.report.tables[table] ??= { read: 0, imported: 0, already_imported: 0, skipped: 0 });
  }

  skip(table: string, sourceId: string, message: string): void {
    this.counts(table).skipped += 1;
    this.report.skipped.push({ table, source_id: sourceId, message });
  }

  note(table: string, sourceId: string, message: string): void {
    this.report.notes.push({ table, source_id: sourceId, message });
  }

  warn(message: string): void {
    if (!this.report.warnings.includes(message)) this.report.warnings.push(message);
  }

  finish(): ImportReport {
    this.report.finished_at = new Date().toISOString();
    return this.report;
  }
}

/** The summary printed at the end of a run. */
export function formatReport(r: ImportReport): string {
  const lines = [r.dry_run ? `Dry run: nothing was written. From ${r.source} this would import:` : `Imported from ${r.source}:`];
  const width = Math.max(...Object.keys(r.tables).map((t) => t.length), 5);
  for (const [table, c] of Object.entries(r.tables)) {
    lines.push(`  ${table.padEnd(width)}  ${r.dry_run ? 'to import' : 'imported'} ${c.imported}, already imported ${c.already_imported}, skipped ${c.skipped} (of ${c.read} read)`);
  }
  if (r.skipped.length > 0) {
    lines.push('', `Skipped (${r.skipped.length}):`);
    for (const s of r.skipped) lines.push(`  ${s.table} #${s.source_id}: ${s.message}`);
  }
  if (r.notes.length > 0) {
    lines.push('', `Notes (${r.notes.length}):`);
    for (const n of r.notes) lines.push(`  ${n.table} #${n.source_id}: ${n.message}`);
  }
  if (r.warnings.length > 0) lines.push('', 'Warnings:', ...r.warnings.map((w) => `  ${w}`));
  return lines.join('\n');
}
