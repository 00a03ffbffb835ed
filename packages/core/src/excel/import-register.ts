import type { Contract } from '../register/contract.schema.js';
import type { SourceRow } from '../register/import/convert-row.js';
import type { ImportProblem } from '../register/import/import-problem.js';
import { createImportPlanner, type ImportPlanner } from '../register/import/import-planner.js';
import { canonicalJson } from '../register/import/canonical-json.js';
import type { AuditContext, Store, UpsertOutcome } from '../storage/store.js';
import { readRegister, type AcceptedSink, type ReadRegisterOptions, type RegisterReading } from './read-register.js';

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
  /** The reading (headers, rejected rows), for the problems workbook. */
  readonly reading: RegisterReading;
  /** Every rejected row with its cells, in file order: unreadable rows and repeated references. */
  readonly rejectedRows: readonly SourceRow[];
}

/** Contracts written per call to upsertMany while the file is read. */
const WRITE_BATCH = 1000;

/** Thrown inside the transaction to roll back a file --strict refuses. */
class RefusedImport extends Error {
  constructor(readonly report: ImportReport) {
    super('import refused');
  }
}

/**
 * Reads a register file and, unless this is a dry run, writes every accepted row in one
 * transaction, with each contract's write audited and one entry for the import itself. Rows
 * are written in batches while the file is read, so memory stays flat however long the file;
 * an error, a --strict refusal or a killed process leaves the register exactly as it was.
 * Importing the same file twice changes nothing the second time.
 */
export async function importRegister(store: Store, path: string, options: ImportOptions): Promise<ImportReport> {
  if (options.dryRun) return dryRun(store, path, options);
  const audit: AuditContext = { actor: options.actor, source: `import:${options.displayName ?? fileNameOf(path)}`, ...(options.at ? { at: options.at } : {}) };
  try {
    return await store.transaction(async (tx) => {
      const planner = createImportPlanner();
      const duplicates: SourceRow[] = [];
      const written: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
      let batch: Contract[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const counts = await tx.contracts.upsertMany(batch, audit);
        for (const outcome of ['created', 'updated', 'unchanged'] as const) written[outcome] += counts[outcome];
        batch = [];
      };
      const reading = await readRegister(path, options, (row) => {
        if (planner.add({ sheet: row.sheet, row: row.row, reference: row.contract.reference, contract: row.contract }) === 'duplicate') {
          duplicates.push(row);
          return;
        }
        batch.push(row.contract);
        // Only a full batch is waited for; the other rows go straight on.
        return batch.length >= WRITE_BATCH ? flush() : undefined;
      });
      await flush();
      const report = reportOf(reading, planner, written, options, duplicates);
      if (report.refused) throw new RefusedImport(report);
      if (written.created + written.updated > 0) {
        await tx.audit.record(
          {
            action: 'import',
            entity: 'register',
            entityKey: reading.fileName,
            changes: {
              created: { from: null, to: written.created },
              updated: { from: null, to: written.updated },
              rejected: { from: null, to: report.rejected },
            },
          },
          audit,
        );
      }
      return report;
    });
  } catch (error) {
    if (error instanceof RefusedImport) return error.report;
    throw error;
  }
}

async function dryRun(store: Store, path: string, options: ImportOptions): Promise<ImportReport> {
  // The register's contracts are looked up a batch at a time, so a dry run against 100,000
  // contracts holds no more of them in memory than one against an empty register.
  const existing = new Map<string, string>();
  const planner = createImportPlanner(existing);
  const duplicates: SourceRow[] = [];
  let batch: (SourceRow & { contract: Contract })[] = [];
  const flush = async () => {
    existing.clear();
    for (const contract of await store.contracts.getMany(batch.map((row) => row.contract.reference))) {
      existing.set(contract.reference, canonicalJson(contract));
    }
    for (const row of batch) if (planner.add({ ...row, reference: row.contract.reference }) === 'duplicate') duplicates.push(row);
    batch = [];
  };
  const sink: AcceptedSink = async (row) => {
    batch.push(row);
    if (batch.length >= WRITE_BATCH) await flush();
  };
  const reading = await readRegister(path, options, sink);
  await flush();
  return reportOf(reading, planner, planner.counts, options, duplicates);
}

function reportOf(
  reading: RegisterReading,
  planner: ImportPlanner,
  counts: Readonly<Record<UpsertOutcome, number>>,
  options: ImportOptions,
  duplicates: readonly SourceRow[],
): ImportReport {
  const problems = [...reading.problems, ...planner.problems].sort((a, b) => a.row - b.row);
  const refused = options.strict === true && problems.length > 0;
  return {
    dryRun: options.dryRun,
    fileName: reading.fileName,
    sheet: reading.sheet,
    headerRow: reading.headerRow,
    rows: reading.rows,
    created: refused ? 0 : counts.created,
    updated: refused ? 0 : counts.updated,
    unchanged: refused ? 0 : counts.unchanged,
    rejected: refused ? reading.rows : reading.rejected.length + planner.duplicates.length,
    refused,
    problems,
    ignoredColumns: reading.unmapped.map((u) => u.header),
    reading,
    rejectedRows: [...reading.rejected, ...duplicates.map(({ sheet, row, cells }) => ({ sheet, row, cells }))].sort((a, b) => a.row - b.row),
  };
}

function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
