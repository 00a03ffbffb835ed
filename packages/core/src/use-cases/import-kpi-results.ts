import { convertResultRows, type RawResultRow, type ResultImportProblem } from '../performance/convert-result-rows.js';
import type { KpiResult } from '../performance/kpi.schema.js';
import type { Store, UpsertOutcome } from '../storage/store.js';
import { readSpreadsheetRows, type SpreadsheetFile } from '../excel/read-register.js';
import { importSource } from './import-source.js';

export interface KpiResultsImportOptions {
  /** Who is entering the results (email/UPN), recorded on each result and in the audit. */
  readonly actor: string;
  readonly dryRun?: boolean;
  readonly at?: Date;
}

export interface KpiResultsImportReport {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Any problem refuses the whole file: nothing is written. */
  readonly problems: readonly ResultImportProblem[];
  readonly dryRun: boolean;
}

/**
 * Imports KPI results from a .xlsx or .csv file (one row per contract, KPI and period), all or
 * nothing: every row is checked against the register and the contracts' KPIs first, and the
 * results are written in one transaction, audited as `import:FILE`. A dry run says what would
 * change and writes nothing. Bad files are refused with a RegisterFileError, as the register
 * import refuses them.
 */
export async function importKpiResults(store: Store, file: SpreadsheetFile, options: KpiResultsImportOptions): Promise<KpiResultsImportReport> {
  const dryRun = options.dryRun === true;
  const at = options.at ?? new Date();
  const { rows } = await readSpreadsheetRows(file);
  const collected: RawResultRow[] = [];
  for await (const row of rows) {
    // Results come from the first sheet; a workbook's other sheets are notes or lookups.
    if (collected.length > 0 && row.sheet !== collected[0]?.sheet) break;
    collected.push(row);
  }
  const contracts = new Set((await store.contracts.list()).map((c) => c.reference));
  const kpis = await store.performance.listKpis();
  const converted = convertResultRows(collected, { contracts, kpis }, { by: options.actor, at: at.toISOString() });
  const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
  if (converted.problems.length > 0) return { rows: converted.rows, ...counts, problems: converted.problems, dryRun };
  if (dryRun) {
    for (const result of converted.results) counts[await wouldBe(store, result)] += 1;
  } else {
    const recorded = await store.transaction((tx) => tx.performance.recordResults(converted.results, { actor: options.actor, source: importSource(file.name), at }));
    Object.assign(counts, recorded);
  }
  return { rows: converted.rows, ...counts, problems: [], dryRun };
}

async function wouldBe(store: Store, result: KpiResult): Promise<UpsertOutcome> {
  const overlapping = await store.performance.listResults({ contract: result.contract, kpi: result.kpi, from: result.periodStart, to: result.periodStart });
  const existing = overlapping.find((r) => r.periodStart === result.periodStart);
  if (!existing) return 'created';
  const same = existing.value === result.value && existing.periodEnd === result.periodEnd && existing.note === result.note;
  return same ? 'unchanged' : 'updated';
}
