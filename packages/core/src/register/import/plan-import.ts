import { importProblem, type ImportProblem } from './import-problem.js';

/**
 * An accepted row, held as the contract's JSON: 100,000 contracts as objects take several
 * times the memory of their text, and the text is what the database stores anyway.
 */
export interface CandidateRow {
  readonly sheet: string;
  readonly row: number;
  readonly reference: string;
  /** `JSON.stringify` of the validated Contract. */
  readonly json: string;
}

export interface ImportPlan {
  /** JSON of the contracts to create and to update, in file order. */
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: number;
  /** Rows rejected here: later rows repeating a reference. */
  readonly duplicates: readonly { readonly sheet: string; readonly row: number }[];
  readonly problems: readonly ImportProblem[];
}

/**
 * Compares the accepted rows with the register as it is (`existing`: reference → canonical
 * JSON, see `canonicalJson`). A reference that appears twice in the file keeps its first row;
 * later ones are rejected, since which is right is the user's call.
 */
export function planImport(candidates: Iterable<CandidateRow>, existing: ReadonlyMap<string, string>): ImportPlan {
  const created: string[] = [];
  const updated: string[] = [];
  const duplicates: { sheet: string; row: number }[] = [];
  const problems: ImportProblem[] = [];
  const firstRow = new Map<string, number>();
  let unchanged = 0;
  for (const { sheet, row, reference, json } of candidates) {
    const first = firstRow.get(reference);
    if (first !== undefined) {
      duplicates.push({ sheet, row });
      problems.push(
        importProblem(
          { sheet, row, value: reference },
          'duplicate-reference',
          `reference "${reference}" is already used on row ${first} — give each contract its own reference, or delete the repeat`,
        ),
      );
      continue;
    }
    firstRow.set(reference, row);
    const before = existing.get(reference);
    if (before === undefined) created.push(json);
    else if (before === canonicalJson(JSON.parse(json))) unchanged += 1;
    else updated.push(json);
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
