import { convertUsageRows, type UsageImportProblem } from '../performance/convert-usage-rows.js';
import type { Usage } from '../performance/kpi.schema.js';
import type { Store, UpsertOutcome } from '../storage/store.js';
import type { SpreadsheetFile } from '../excel/read-register.js';
import { importSheetRecords, type SheetImportOptions, type SheetImportReport, type SheetRecords } from './import-sheet-records.js';

export type UsageImportOptions = SheetImportOptions;
export type UsageImportReport = SheetImportReport<UsageImportProblem>;

const USAGE: SheetRecords<Usage, UsageImportProblem> = {
  async convert(rows, store) {
    const contracts = new Set((await store.contracts.list()).map((c) => c.reference));
    const converted = convertUsageRows(rows, { contracts });
    return { records: converted.usage, problems: converted.problems, rows: converted.rows };
  },
  async wouldBe(store, usage) {
    const stored = await store.performance.listUsage();
    return usage.map((u) => wouldBe(stored, u));
  },
  async write(tx, usage, audit) {
    const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
    for (const u of usage) counts[await tx.performance.upsertUsage(u, audit)] += 1;
    return counts;
  },
};

/**
 * Imports usage (units paid for and used per period) from a .xlsx or .csv file, all or
 * nothing, as `importKpiResults` imports results: every row is checked against the register
 * first, then all are written in one transaction, audited as `import:FILE`.
 */
export function importUsage(store: Store, file: SpreadsheetFile, options: UsageImportOptions): Promise<UsageImportReport> {
  return importSheetRecords(store, file, options, USAGE);
}

function wouldBe(stored: readonly Usage[], usage: Usage): UpsertOutcome {
  const key = (u: Usage) => `${u.contract}\u0000${u.item.trim().toLowerCase()}\u0000${u.periodStart}`;
  const existing = stored.find((u) => key(u) === key(usage));
  if (!existing) return 'created';
  const same = existing.periodEnd === usage.periodEnd && existing.paidFor === usage.paidFor && existing.used === usage.used && existing.annualCost === usage.annualCost;
  return same ? 'unchanged' : 'updated';
}
