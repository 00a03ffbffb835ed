import { problemsFromZod, type Problem, type Result } from '../shared/problem.js';
import { SavingSchema, SavingsFileSchema, type Saving } from './saving.schema.js';

/** A row of an import: where it came from (for messages) and its fields. */
export interface SavingRow {
  /** How to point at the row: "savings[3]" in JSON, "Savings!7" in a workbook. */
  readonly where: string;
  readonly fields: unknown;
  /** For a workbook row: each field's cell (`Savings!E7`) and the text in it, for messages. */
  readonly cells?: Readonly<Record<string, { readonly address: string; readonly text: string }>>;
}

/**
 * Checks every row of an import and returns the savings only when all are good, so an
 * import is all or nothing. Each problem names its row. `knownContracts`, when given, is the
 * set of contract references in the register: a saving must belong to a known contract.
 */
export function validateSavingRows(rows: readonly SavingRow[], knownContracts?: ReadonlySet<string>): Result<Saving[]> {
  const problems: Problem[] = [];
  const savings: Saving[] = [];
  const seen = new Map<string, string>();
  rows.forEach((row, index) => {
    const parsed = SavingSchema.safeParse(row.fields);
    if (!parsed.success) {
      for (const p of problemsFromZod(parsed.error.issues)) {
        const cell = typeof p.path[0] === 'string' ? row.cells?.[p.path[0]] : undefined;
        const where = cell ? `${cell.address} ${JSON.stringify(cell.text)}` : row.where;
        problems.push({ ...p, path: [index, ...p.path], message: `${where}: ${p.message}` });
      }
      return;
    }
    const saving = parsed.data;
    if (knownContracts && !knownContracts.has(saving.contract)) {
      problems.push({
        code: 'unknown-contract',
        path: [index, 'contract'],
        message: `${row.where}: contract "${saving.contract}" is not in the register — correct the reference, or import the contract first`,
      });
    }
    const earlier = seen.get(saving.id);
    if (earlier !== undefined) {
      problems.push({
        code: 'duplicate-saving',
        path: [index, 'id'],
        message: `${row.where}: saving "${saving.id}" is also at ${earlier}; give each an id`,
      });
    }
    seen.set(saving.id, row.where);
    savings.push(saving);
  });
  return problems.length > 0 ? { success: false, problems } : { success: true, value: savings };
}

/** Reads the public JSON import, `{"savings": [...]}`, into rows. */
export function savingRowsFromJson(text: string): Result<SavingRow[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { success: false, problems: [{ code: 'invalid-json', path: [], message: `not JSON: ${(error as Error).message}` }] };
  }
  const file = SavingsFileSchema.safeParse(data);
  if (!file.success) {
    return {
      success: false,
      problems: [{ code: 'invalid-savings-file', path: ['savings'], message: 'expected {"savings": [ ... ]}' }],
    };
  }
  return { success: true, value: file.data.savings.map((fields, i) => ({ where: `savings[${i}]`, fields })) };
}
