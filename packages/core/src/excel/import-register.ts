import type { Contract } from '../register/contract.schema.js';
import type { ImportProblem } from '../register/import/import-problem.js';
import { canonicalJson, planImport } from '../register/import/plan-import.js';
import type { Store } from '../storage/store.js';
import { readRegister, type ReadRegisterOptions, type RegisterReading } from './read-register.js';

export interface ImportOptions extends ReadRegisterOptions {
  readonly dryRun: boolean;
  /** Reject the whole file when any row has any problem. */
  readonly strict?: boolean;
  /** Who runs the import, for the audit trail (`cli`, a person's email). */
  readonly actor: string;
  readonly at?: Date;
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly fileName: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** True when --strict refused the file because of its problems. */
  readonly refused: boolean;
  readonly problems: readonly ImportProblem[];
  readonly ignoredColumns: readonly string[];
  /** The whole reading, for the problems workbook. */
  readonly reading: RegisterReading;
}

/**
 * Reads a register file and, unless this is a dry run, writes every accepted row in one
 * transaction with one audit entry for the import: an error or a killed process leaves the
 * register exactly as it was. Importing the same file twice changes nothing the second time.
 */
export async function importRegister(store: Store, path: string, options: ImportOptions): Promise<ImportReport> {
  const reading = await readRegister(path, options);
  const existing = new Map<string, string>();
  for (const contract of await store.contracts.list()) existing.set(contract.reference, canonicalJson(contract));
  const plan = planImport(reading.accepted, existing);
  const problems = [...reading.problems, ...plan.problems].sort((a, b) => a.row - b.row);
  const refused = options.strict === true && problems.length > 0;
  const report = {
    dryRun: options.dryRun,
    fileName: reading.fileName,
    sheet: reading.sheet,
    headerRow: reading.headerRow,
    rows: reading.rows,
    created: refused ? 0 : plan.created.length,
    updated: refused ? 0 : plan.updated.length,
    unchanged: refused ? 0 : plan.unchanged,
    rejected: refused ? reading.rows : reading.rejected.length + plan.duplicates.length,
    refused,
    problems,
    ignoredColumns: reading.unmapped.map((u) => u.header),
    reading,
  };
  if (options.dryRun || refused || plan.created.length + plan.updated.length === 0) return report;
  const audit = { actor: options.actor, source: `import:${reading.fileName}`, ...(options.at ? { at: options.at } : {}) };
  await store.transaction(async (tx) => {
    await tx.contracts.upsertMany(parseEach([plan.created, plan.updated]), audit);
    await tx.audit.record(
      {
        action: 'import',
        entity: 'register',
        entityKey: reading.fileName,
        changes: {
          created: { from: null, to: plan.created.length },
          updated: { from: null, to: plan.updated.length },
          rejected: { from: null, to: report.rejected },
        },
      },
      audit,
    );
  });
  return report;
}

/** Contracts parsed one at a time as the writer asks for them, so they never all sit in memory as objects. */
function* parseEach(lists: readonly (readonly string[])[]): Generator<Contract> {
  for (const list of lists) for (const json of list) yield JSON.parse(json) as Contract;
}
