import { convertResultRows, type ResultImportProblem } from '../performance/convert-result-rows.js';
import type { KpiResult } from '../performance/kpi.schema.js';
import type { Store, UpsertOutcome } from '../storage/store.js';
import type { SpreadsheetFile } from '../excel/read-register.js';
import { importSheetRecords, type SheetImportOptions, type SheetImportReport, type SheetRecords } from './import-sheet-records.js';

export type KpiResultsImportOptions = SheetImportOptions;
export type KpiResultsImportReport = SheetImportReport<ResultImportProblem>;

const KPI_RESULTS: SheetRecords<KpiResult, ResultImportProblem> = {
  async convert(rows, store, entered) {
    const contracts = new Set((await store.contracts.list()).map((c) => c.reference));
    const kpis = await store.performance.listKpis();
    const converted = convertResultRows(rows, { contracts, kpis }, { by: entered.by, at: entered.at.toISOString() });
    return { records: converted.results, problems: converted.problems, rows: converted.rows };
  },
  async wouldBe(store, results) {
    const outcomes: UpsertOutcome[] = [];
    for (const result of results) outcomes.push(await wouldBe(store, result));
    return outcomes;
  },
  write: (tx, results, audit) => tx.performance.recordResults(results, audit),
};

/**
 * Imports KPI results from a .xlsx or .csv file (one row per contract, KPI and period), all or
 * nothing: every row is checked against the register and the contracts' KPIs first, and the
 * results are written in one transaction, audited as `import:FILE`.
 */
export function importKpiResults(store: Store, file: SpreadsheetFile, options: KpiResultsImportOptions): Promise<KpiResultsImportReport> {
  return importSheetRecords(store, file, options, KPI_RESULTS);
}

async function wouldBe(store: Store, result: KpiResult): Promise<UpsertOutcome> {
  const overlapping = await store.performance.listResults({ contract: result.contract, kpi: result.kpi, from: result.periodStart, to: result.periodStart });
  const existing = overlapping.find((r) => r.periodStart === result.periodStart);
  if (!existing) return 'created';
  const same = existing.value === result.value && existing.periodEnd === result.periodEnd && existing.note === result.note;
  return same ? 'unchanged' : 'updated';
}
