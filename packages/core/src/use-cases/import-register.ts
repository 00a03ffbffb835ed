import type { Contract } from '../register/contract.schema.js';
import type { SourceRow } from '../register/import/convert-row.js';
import { cleanText } from '../register/import/clean-text.js';
import { importProblem, type ImportProblem } from '../register/import/import-problem.js';
import { columnLetter } from '../shared/format.js';
import { createImportPlanner, type ImportPlanner } from '../register/import/import-planner.js';
import { canonicalJson } from '../register/import/canonical-json.js';
import { isProvisionalReference, provisionalReference } from '../register/import/provisional-reference.js';
import type { AuditContext, Store, UpsertOutcome } from '../storage/store.js';
import { readRegister, type AcceptedSink, type ReadRegisterOptions, type RegisterReading, type SpreadsheetFile } from '../excel/read-register.js';
import { importSource } from './import-source.js';
import { writeProblemsWorkbook } from '../excel/write-problems-workbook.js';
import type { DocumentIdentity } from '../excel/workbook-style.js';

export interface ImportOptions extends ReadRegisterOptions {
  readonly dryRun: boolean;
  /** Reject the whole file when any row has any problem. */
  readonly strict?: boolean;
  /** Who runs the import, for the audit trail (`cli`, a person's email). */
  readonly actor: string;
  /** The audit trail's source; `import:FILE` unless given (the sample register is `sample`). */
  readonly source?: string;
  readonly at?: Date;
  /** Called after each thousand accepted rows are read, and again as they are written; awaited. */
  readonly onProgress?: (progress: ImportProgress) => void | Promise<void>;
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
  /** Contracts kept under a provisional reference (their rows had none; repeated lines aside). */
  readonly provisional: number;
  /** Accepted rows that repeated an earlier row's reference for another contract: kept as lots (`REF/2`). */
  readonly lots: number;
  /** Lines that repeated an earlier row exactly (reference, supplier, dates, value): skipped. */
  readonly duplicatesSkipped: number;
  /** Provisional contracts given their real reference by this file. */
  readonly renamed: readonly { readonly from: string; readonly to: string; readonly row: number }[];
  /** True when --strict refused the file because of its problems. */
  readonly refused: boolean;
  readonly problems: readonly ImportProblem[];
  readonly ignoredColumns: readonly string[];
  /** The reading (headers, rejected rows), for the problems workbook. */
  readonly reading: RegisterReading;
  /**
   * Every rejected row with its cells, in file order, for the problems workbook. A row whose
   * reference an imported row holds carries a lot reference instead, so importing the corrected
   * workbook adds it rather than overwriting that contract.
   */
  readonly rejectedRows: readonly SourceRow[];
}

/** Contracts written per call to upsertMany, and kept together while the file is read. */
const WRITE_BATCH = 1000;

/** How far an import has got, for a caller that shows progress (or, in tests, acts between steps). */
export interface ImportProgress {
  /** `reading`: the file is being read and checked, and nothing is locked; `writing`: the write transaction is open. */
  readonly phase: 'reading' | 'writing';
  /** Accepted rows read so far, or written so far. */
  readonly rows: number;
}

interface Planned {
  readonly row: number;
  readonly contract: Contract;
}

/**
 * Accepted rows kept between reading and writing, a batch at a time as one UTF-8 JSON array
 * outside the V8 heap: about a third of the memory of the contracts as objects, and nothing
 * for the garbage collector to walk while the rest of the file is read.
 */
interface KeptBatch {
  readonly rows: Int32Array;
  readonly json: Buffer;
}

type Renamed = ImportReport['renamed'][number];

/**
 * Reads a register file (its name and bytes) and, unless this is a dry run, writes every accepted row in one
 * transaction, with each contract's write audited and one entry for the import itself. The
 * whole file is read and checked first, with no transaction open, keeping only the accepted
 * contracts (compactly); the write lock is then held only for the writes, so a bot sharing
 * the database answers while a large file is read. An error, a --strict refusal or a killed
 * process leaves the register exactly as it was. Importing the same file twice changes
 * nothing the second time.
 *
 * A row with a real reference whose contract the register holds under the provisional
 * reference its supplier, title and start date give (imported before without a reference)
 * renames that contract, with its history, instead of adding a second one.
 */
export async function importRegister(store: Store, file: SpreadsheetFile, options: ImportOptions): Promise<ImportReport> {
  if (options.dryRun) return dryRun(store, file, options);
  const audit: AuditContext = { actor: options.actor, source: options.source ?? importSource(file.name), ...(options.at ? { at: options.at } : {}) };
  const planner = createImportPlanner(new Map(), { strict: options.strict === true });
  const repeats: SourceRow[] = [];
  let provisional = 0;
  const kept: KeptBatch[] = [];
  let rows: number[] = [];
  let jsons: string[] = [];
  let accepted = 0;
  const keep = () => {
    if (rows.length === 0) return;
    kept.push({ rows: Int32Array.from(rows), json: Buffer.from(`[${jsons.join(',')}]`) });
    rows = [];
    jsons = [];
  };
  const reading = await readRegister(file, options, (row) => {
    const planned = planner.add(row);
    if (planned.verdict === 'rejected') repeats.push(row);
    if (!planned.contract) return;
    if (isProvisionalReference(planned.contract.reference)) provisional += 1;
    rows.push(row.row);
    jsons.push(JSON.stringify(planned.contract));
    accepted += 1;
    if (rows.length < WRITE_BATCH) return;
    keep();
    return options.onProgress?.({ phase: 'reading', rows: accepted });
  });
  keep();
  const checked = reportOf(reading, planner, { created: 0, updated: 0, unchanged: 0 }, options, repeats, [], provisional);
  if (checked.refused) return checked;

  return store.transaction(async (tx) => {
    const renamed: Renamed[] = [];
    const written: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
    let done = 0;
    // Each batch is taken out of the list as it is written, so its memory goes as the writes go.
    for (let batch = kept.shift(); batch !== undefined; batch = kept.shift()) {
      const contracts = JSON.parse(batch.json.toString('utf8')) as Contract[];
      const planned = contracts.map((contract, i) => ({ row: batch.rows[i] ?? 0, contract }));
      const present = await lookUp(tx.contracts, planned);
      for (const rename of renamesOf(planned, present)) {
        if (await tx.contracts.rename(rename.from, rename.to, audit)) renamed.push(rename);
      }
      const counts = await tx.contracts.upsertMany(contracts, audit);
      for (const outcome of ['created', 'updated', 'unchanged'] as const) written[outcome] += counts[outcome];
      done += contracts.length;
      await options.onProgress?.({ phase: 'writing', rows: done });
    }
    // Not reportOf again: handing rejected rows back takes lot references from the planner.
    const report: ImportReport = { ...checked, ...written, renamed };
    if (written.created + written.updated + renamed.length > 0) {
      await tx.audit.record(
        {
          action: 'import',
          entity: 'register',
          entityKey: reading.fileName,
          changes: {
            created: { from: null, to: written.created },
            updated: { from: null, to: written.updated },
            rejected: { from: null, to: report.rejected },
            ...(renamed.length > 0 ? { renamed: { from: null, to: renamed.length } } : {}),
          },
        },
        audit,
      );
    }
    return report;
  });
}

async function dryRun(store: Store, file: SpreadsheetFile, options: ImportOptions): Promise<ImportReport> {
  // The register's contracts are looked up a batch at a time, so a dry run against 100,000
  // contracts holds no more of them in memory than one against an empty register.
  const planner = createImportPlanner(new Map(), { strict: options.strict === true });
  const repeats: SourceRow[] = [];
  const renamed: Renamed[] = [];
  let provisional = 0;
  const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
  let batch: Planned[] = [];
  const flush = async () => {
    const present = await lookUp(store.contracts, batch);
    const renames = new Map(renamesOf(batch, present).map((rename) => [rename.to, rename]));
    for (const { contract } of batch) {
      const rename = renames.get(contract.reference);
      const before = present.get(rename ? rename.from : contract.reference);
      if (rename) renamed.push(rename);
      if (before === undefined) counts.created += 1;
      else counts[canonicalJson({ ...before, reference: contract.reference }) === canonicalJson(contract) ? 'unchanged' : 'updated'] += 1;
      // A later row with the same reference compares with this one, as the write would.
      present.set(contract.reference, contract);
    }
    batch = [];
  };
  const sink: AcceptedSink = async (row) => {
    const planned = planner.add(row);
    if (planned.verdict === 'rejected') repeats.push(row);
    if (!planned.contract) return;
    if (isProvisionalReference(planned.contract.reference)) provisional += 1;
    batch.push({ row: row.row, contract: planned.contract });
    if (batch.length >= WRITE_BATCH) await flush();
  };
  const reading = await readRegister(file, options, sink);
  await flush();
  return reportOf(reading, planner, counts, options, repeats, renamed, provisional);
}

/** The register's contracts under each row's reference and under the provisional one it would have had. */
async function lookUp(contracts: Store['contracts'], batch: readonly Planned[]): Promise<Map<string, Contract>> {
  const references = new Set<string>();
  for (const { contract } of batch) {
    references.add(contract.reference);
    if (!isProvisionalReference(contract.reference)) references.add(provisionalOf(contract));
  }
  return new Map((await contracts.getMany([...references])).map((contract) => [contract.reference, contract]));
}

/** Rows with a real reference new to the register whose provisional contract it holds. */
function renamesOf(batch: readonly Planned[], present: ReadonlyMap<string, Contract>): Renamed[] {
  const renames: Renamed[] = [];
  const taken = new Set<string>();
  for (const { row, contract } of batch) {
    if (isProvisionalReference(contract.reference) || present.has(contract.reference)) continue;
    const from = provisionalOf(contract);
    if (!present.has(from) || taken.has(from)) continue;
    taken.add(from);
    renames.push({ from, to: contract.reference, row });
  }
  return renames;
}

function provisionalOf(contract: Contract): string {
  return provisionalReference(contract.supplier.name, contract.title, contract.startDate);
}

function reportOf(
  reading: RegisterReading,
  planner: ImportPlanner,
  counts: Readonly<Record<UpsertOutcome, number>>,
  options: ImportOptions,
  repeats: readonly SourceRow[],
  renamed: readonly Renamed[],
  provisional: number,
): ImportReport {
  const handedBack = handBack([...reading.rejected, ...repeats.map(({ sheet, row, cells }) => ({ sheet, row, cells }))].sort((a, b) => a.row - b.row), reading, planner);
  const problems = [...reading.problems, ...planner.problems, ...handedBack.problems].sort((a, b) => a.row - b.row);
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
    rejected: refused ? reading.rows : reading.rejected.length + repeats.length,
    provisional: refused ? 0 : provisional,
    lots: refused ? 0 : planner.lots,
    duplicatesSkipped: refused ? 0 : planner.counts.duplicate,
    renamed: refused ? [] : renamed,
    refused,
    problems,
    ignoredColumns: reading.unmapped.map((u) => u.header),
    reading,
    rejectedRows: handedBack.rows,
  };
}

/**
 * Rejected rows as the problems workbook gives them back. One whose reference an accepted row
 * holds would, once corrected and imported, replace that contract: it is handed back under the
 * next free lot reference instead, and the Problems column says so.
 */
function handBack(rejected: readonly SourceRow[], reading: RegisterReading, planner: ImportPlanner): { rows: SourceRow[]; problems: ImportProblem[] } {
  const column = reading.columns.find((c) => c.field === 'reference')?.index;
  if (column === undefined) return { rows: [...rejected], problems: [] };
  const problems: ImportProblem[] = [];
  const rows = rejected.map((source) => {
    const reference = cleanText(source.cells[column]);
    const lot = reference === undefined ? undefined : planner.lotReferenceFor(reference);
    if (reference === undefined || lot === undefined) return source;
    problems.push(
      importProblem(
        { sheet: source.sheet, row: source.row, column: columnLetter(column + 1), value: reference },
        'lot-reference',
        `an imported row already has reference "${reference}", so the problems workbook gives this row ${lot}: importing it corrected adds it as that lot instead of replacing the other contract — write its own reference if it has one`,
        'warning',
      ),
    );
    const cells = [...source.cells];
    cells[column] = lot;
    return { ...source, cells };
  });
  return { rows, problems };
}

/**
 * The rows an import rejected, given back as a .xlsx (the original row and the problem first,
 * then the row's cells, and a summary) for the user to fix and import again.
 */
export function problemsWorkbook(report: ImportReport, identity?: DocumentIdentity): Promise<Buffer> {
  return writeProblemsWorkbook({
    fileName: report.fileName,
    headers: report.reading.headers,
    columns: report.reading.columns,
    rows: report.rejectedRows,
    problems: report.problems,
    identity,
  });
}
