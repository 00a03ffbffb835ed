import type { Contract } from '../contract.schema.js';
import { importProblem, type ImportProblem } from './import-problem.js';

export interface CandidateRow {
  readonly sheet: string;
  readonly row: number;
  readonly contract: Contract;
}

export interface ImportPlan {
  readonly created: readonly Contract[];
  readonly updated: readonly Contract[];
  readonly unchanged: number;
  /** Rows rejected here: later rows repeating a reference. */
  readonly duplicates: readonly { readonly sheet: string; readonly row: number }[];
  readonly problems: readonly ImportProblem[];
}

/**
 * Compares the accepted rows with the register as it is. A reference that appears twice in the
 * file keeps its first row; later ones are rejected, since which is right is the user's call.
 */
export function planImport(candidates: Iterable<CandidateRow>, existing: ReadonlyMap<string, Contract>): ImportPlan {
  const created: Contract[] = [];
  const updated: Contract[] = [];
  const duplicates: { sheet: string; row: number }[] = [];
  const problems: ImportProblem[] = [];
  const firstRow = new Map<string, number>();
  let unchanged = 0;
  for (const { sheet, row, contract } of candidates) {
    const first = firstRow.get(contract.reference);
    if (first !== undefined) {
      duplicates.push({ sheet, row });
      problems.push(
        importProblem(
          { sheet, row, value: contract.reference },
          'duplicate-reference',
          `reference "${contract.reference}" is already used on row ${first} — give each contract its own reference, or delete the repeat`,
        ),
      );
      continue;
    }
    firstRow.set(contract.reference, row);
    const before = existing.get(contract.reference);
    if (before === undefined) created.push(contract);
    else if (canonicalJson(before) === canonicalJson(contract)) unchanged += 1;
    else updated.push(contract);
  }
  return { created, updated, unchanged, duplicates, problems };
}

/** JSON with keys sorted and undefined left out, so key order never makes a change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
