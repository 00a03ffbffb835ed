import type { RawResultRow } from '../performance/convert-result-rows.js';
import type { AuditContext, Store, UpsertOutcome } from '../storage/store.js';
import { readSpreadsheetRows, type SpreadsheetFile } from '../excel/read-register.js';
import { importSource } from './import-source.js';

export interface SheetImportOptions {
  /** Who is importing (email/UPN), recorded on each record and in the audit. */
  readonly actor: string;
  readonly dryRun?: boolean;
  readonly at?: Date;
}

export interface SheetImportReport<P> {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Any problem refuses the whole file: nothing is written. */
  readonly problems: readonly P[];
  readonly dryRun: boolean;
}

/** What one kind of sheet import (KPI results, usage) does with its rows. */
export interface SheetRecords<R, P> {
  /** Checks the rows against the register and turns them into records; pure apart from reading the store. */
  convert(rows: readonly RawResultRow[], store: Store, entered: { readonly by: string; readonly at: Date }): Promise<{ records: readonly R[]; problems: readonly P[]; rows: number }>;
  /** For a dry run: what writing the records would do to each. */
  wouldBe(store: Store, records: readonly R[]): Promise<readonly UpsertOutcome[]>;
  /** Writes the records inside the import's one transaction. */
  write(tx: Store, records: readonly R[], audit: AuditContext): Promise<Record<UpsertOutcome, number>>;
}

/**
 * Imports the records of a .xlsx or .csv file (one row each, under a header row on the first
 * sheet) all or nothing: every row is checked first, and any problem refuses the whole file;
 * then all are written in one transaction, audited as `import:FILE`. A dry run says what would
 * change and writes nothing. Bad files are refused with a RegisterFileError, as the register
 * import refuses them.
 */
export async function importSheetRecords<R, P>(store: Store, file: SpreadsheetFile, options: SheetImportOptions, kind: SheetRecords<R, P>): Promise<SheetImportReport<P>> {
  const dryRun = options.dryRun === true;
  const at = options.at ?? new Date();
  const { rows } = await readSpreadsheetRows(file);
  const collected: RawResultRow[] = [];
  for await (const row of rows) {
    // Records come from the first sheet; a workbook's other sheets are notes or lookups.
    if (collected.length > 0 && row.sheet !== collected[0]?.sheet) break;
    collected.push(row);
  }
  const converted = await kind.convert(collected, store, { by: options.actor, at });
  const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
  if (converted.problems.length > 0) return { rows: converted.rows, ...counts, problems: converted.problems, dryRun };
  if (dryRun) {
    for (const outcome of await kind.wouldBe(store, converted.records)) counts[outcome] += 1;
  } else {
    const audit = { actor: options.actor, source: importSource(file.name), at };
    Object.assign(counts, await store.transaction((tx) => kind.write(tx, converted.records, audit)));
  }
  return { rows: converted.rows, ...counts, problems: [], dryRun };
}
