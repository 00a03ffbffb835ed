import type { Problem } from '../shared/problem.js';
import { savingRowsFromJson, validateSavingRows } from '../savings/validate-savings.js';
import type { Store, UpsertOutcome } from '../storage/store.js';
import { readSavingsWorkbook } from '../excel/read-savings-workbook.js';
import { importSource } from './import-source.js';

export interface SavingsImportOptions {
  /** Who is importing (email/UPN or a system actor), for the audit trail. */
  readonly actor: string;
  /** Check and count, write nothing. */
  readonly dryRun?: boolean;
  readonly at?: Date;
}

export interface SavingsImportReport {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Empty when the import went through; otherwise nothing was written. */
  readonly problems: readonly Problem[];
  readonly dryRun: boolean;
}

/**
 * Imports savings from a `.json` file (`{"savings": [...]}`) or an `.xlsx` workbook with the
 * same columns. All or nothing: every row is checked first (each saving must belong to a
 * contract in the register), and the savings are written in one transaction, audited as
 * coming from `import:NAME`.
 */
export async function importSavingsFile(
  store: Store,
  file: { readonly name: string; readonly bytes: Buffer },
  options: SavingsImportOptions,
): Promise<SavingsImportReport> {
  const dryRun = options.dryRun === true;
  const refused = (problems: readonly Problem[], rows = 0): SavingsImportReport => ({ rows, created: 0, updated: 0, unchanged: 0, problems, dryRun });
  const lower = file.name.toLowerCase();
  const rows = lower.endsWith('.json')
    ? savingRowsFromJson(file.bytes.toString('utf8'))
    : lower.endsWith('.xlsx')
      ? await readSavingsWorkbook(file.bytes)
      : undefined;
  if (!rows) return refused([{ code: 'unsupported-file', path: [], message: `${file.name} is neither .json nor .xlsx` }]);
  if (!rows.success) return refused(rows.problems);
  const contracts = new Set((await store.contracts.list()).map((c) => c.reference));
  const savings = validateSavingRows(rows.value, contracts);
  if (!savings.success) return refused(savings.problems, rows.value.length);

  const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
  if (dryRun) {
    for (const saving of savings.value) {
      const existing = await store.savings.get(saving.id);
      counts[!existing ? 'created' : JSON.stringify(existing) === JSON.stringify(saving) ? 'unchanged' : 'updated'] += 1;
    }
  } else {
    const audit = { actor: options.actor, source: importSource(file.name), ...(options.at ? { at: options.at } : {}) };
    await store.transaction(async (tx) => {
      for (const saving of savings.value) counts[await tx.savings.upsert(saving, audit)] += 1;
    });
  }
  return { rows: savings.value.length, ...counts, problems: [], dryRun };
}
