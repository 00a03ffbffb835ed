import type { RawResultRow } from '../performance/convert-result-rows.js';
import { convertUsageRows, type UsageImportProblem } from '../performance/convert-usage-rows.js';
import type { Usage } from '../performance/kpi.schema.js';
import type { Store, UpsertOutcome } from '../storage/store.js';
import { readSpreadsheetRows, type SpreadsheetFile } from '../excel/read-register.js';
import { importSource } from './import-source.js';

export interface UsageImportOptions {
  /** Who is entering the usage (email/UPN), recorded in the audit. */
  readonly actor: string;
  readonly dryRun?: boolean;
  readonly at?: Date;
}

export interface UsageImportReport {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Any problem refuses the whole file: nothing is written. */
  readonly problems: readonly UsageImportProblem[];
  readonly dryRun: boolean;
}

/**
 * Imports usage (units paid for and used per period) from a .xlsx or .csv file, all or
 * nothing, as `importKpiResults` imports results: every row is checked against the register
 * first, then all are written in one transaction, audited as `import:FILE`.
 */
export async function importUsage(store: Store, file: SpreadsheetFile, options: UsageImportOptions): Promise<UsageImportReport> {
  const dryRun = options.dryRun === true;
  const at = options.at ?? new Date();
  const { rows } = await readSpreadsheetRows(file);
  const collected: RawResultRow[] = [];
  for await (const row of rows) {
    // Usage comes from the first sheet; a workbook's other sheets are notes or lookups.
    if (collected.length > 0 && row.sheet !== collected[0]?.sheet) break;
    collected.push(row);
  }
  const contracts = new Set((await store.contracts.list()).map((c) => c.reference));
  const converted = convertUsageRows(collected, { contracts });
  const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
  if (converted.problems.length > 0) return { rows: converted.rows, ...counts, problems: converted.problems, dryRun };
  if (dryRun) {
    const stored = await store.performance.listUsage();
    for (const usage of converted.usage) counts[wouldBe(stored, usage)] += 1;
  } else {
    const audit = { actor: options.actor, source: importSource(file.name), at };
    await store.transaction(async (tx) => {
      for (const usage of converted.usage) counts[await tx.performance.upsertUsage(usage, audit)] += 1;
    });
  }
  return { rows: converted.rows, ...counts, problems: [], dryRun };
}

function wouldBe(stored: readonly Usage[], usage: Usage): UpsertOutcome {
  const key = (u: Usage) => `${u.contract}\u0000${u.item.trim().toLowerCase()}\u0000${u.periodStart}`;
  const existing = stored.find((u) => key(u) === key(usage));
  if (!existing) return 'created';
  const same = existing.periodEnd === usage.periodEnd && existing.paidFor === usage.paidFor && existing.used === usage.used && existing.annualCost === usage.annualCost;
  return same ? 'unchanged' : 'updated';
}
