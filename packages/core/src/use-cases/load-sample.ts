import { IMPORT_FIELDS } from '../register/import/import-field.js';
import { contractToCells, EXPORT_FIELDS } from '../register/import/contract-to-cells.js';
import type { Contract } from '../register/contract.schema.js';
import { KpiSchema, UsageSchema } from '../performance/kpi.schema.js';
import { csvSafe } from '../excel/spreadsheet-safety.js';
import { sampleRegister, samplePerformance } from '../sample/sample-register.js';
import type { IsoDate } from '../shared/iso-date.js';
import { fail, ok, type Problem, type Result } from '../shared/problem.js';
import type { AuditContext, Store } from '../storage/store.js';
import { importRegister, type ImportReport } from './import-register.js';

/** The audit source of everything the sample loads, so it can be told from real data. */
export const SAMPLE_SOURCE = 'sample';

export interface LoadSampleOptions {
  /** The day the sample's dates are relative to, so some deadlines are always coming up. */
  readonly today: IsoDate;
  /** Who loads it, for the audit trail. */
  readonly actor: string;
  /** Load into a register that already holds contracts (sample references overwrite theirs). */
  readonly force?: boolean;
  readonly at?: Date;
}

export interface SampleLoaded {
  readonly register: ImportReport;
  readonly kpis: number;
  readonly results: number;
  readonly usage: number;
}

export interface SampleProblem extends Problem {
  readonly code: 'register-not-empty';
  readonly contracts: number;
}

/**
 * Loads the sample register (and CON-0042's KPIs, results and licence usage) into the store.
 * The contracts go through `importRegister`, as a CSV of the register's own columns, so the
 * sample is validated and audited exactly as an imported file is, with the source `sample`.
 * A register that already holds contracts is refused unless `force`: the sample's references
 * (CON-0042, ...) would overwrite real contracts with the same reference.
 */
export async function loadSample(store: Store, options: LoadSampleOptions): Promise<Result<SampleLoaded, SampleProblem>> {
  const existing = await store.contracts.count();
  if (existing > 0 && options.force !== true) {
    return fail([{ code: 'register-not-empty', path: [], contracts: existing, message: `the register already holds ${existing} contract${existing === 1 ? '' : 's'}, and the sample's references (CON-0042, ...) would overwrite any with the same reference` }]);
  }
  const register = await importRegister(
    store,
    { name: 'sample.csv', bytes: Buffer.from(registerCsv(sampleRegister(options.today)), 'utf8') },
    { dryRun: false, strict: true, actor: options.actor, source: SAMPLE_SOURCE, ...(options.at ? { at: options.at } : {}) },
  );
  // The sample is ours: a problem with it is a bug, not something the user can fix.
  if (register.refused || register.problems.length > 0) throw new Error(`the sample register does not import: ${register.problems.map((p) => p.message).join('; ')}`);
  const audit: AuditContext = { actor: options.actor, source: SAMPLE_SOURCE, ...(options.at ? { at: options.at } : {}) };
  const performance = samplePerformance(options.today);
  await store.transaction(async (tx) => {
    for (const kpi of performance.kpis) await tx.performance.upsertKpi(KpiSchema.parse(kpi), audit);
    await tx.performance.recordResults(performance.results, audit);
    for (const usage of performance.usage) await tx.performance.upsertUsage(UsageSchema.parse(usage), audit);
  });
  return ok({ register, kpis: performance.kpis.length, results: performance.results.length, usage: performance.usage.length });
}

/** The contracts as a register CSV under the importer's headers, as `steward export register` writes them. */
function registerCsv(contracts: readonly Contract[]): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [EXPORT_FIELDS.map((field) => quote(IMPORT_FIELDS[field])).join(',')];
  for (const contract of contracts) {
    const cells = contractToCells(contract);
    lines.push(EXPORT_FIELDS.map((field) => {
      const value = cells[field];
      return value === undefined ? '' : quote(csvSafe(String(value)));
    }).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
