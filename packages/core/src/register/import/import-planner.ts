import { canonicalJson } from './canonical-json.js';
import { importProblem, type ImportProblem } from './import-problem.js';

export type RowVerdict = 'created' | 'updated' | 'unchanged' | 'duplicate';

export interface ImportPlanner {
  /** Decides one accepted row, in file order; a repeated reference is a `duplicate` (and a problem). */
  add(row: { readonly sheet: string; readonly row: number; readonly reference: string; readonly contract: unknown }): RowVerdict;
  readonly counts: Readonly<Record<RowVerdict, number>>;
  readonly problems: readonly ImportProblem[];
  readonly duplicates: readonly { readonly sheet: string; readonly row: number }[];
}

/**
 * The streaming form of `planImport`: rows arrive one at a time while the file is read, and
 * only their references are remembered. `existing` maps reference → `canonicalJson` of the
 * contract in the register; leave it out when the writer decides created/updated itself.
 */
export function createImportPlanner(existing: ReadonlyMap<string, string> = new Map()): ImportPlanner {
  const firstRow = new Map<string, number>();
  const counts: Record<RowVerdict, number> = { created: 0, updated: 0, unchanged: 0, duplicate: 0 };
  const problems: ImportProblem[] = [];
  const duplicates: { sheet: string; row: number }[] = [];
  return {
    counts,
    problems,
    duplicates,
    add({ sheet, row, reference, contract }) {
      const verdict = decide();
      counts[verdict] += 1;
      return verdict;

      function decide(): RowVerdict {
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
          return 'duplicate';
        }
        firstRow.set(reference, row);
        const before = existing.get(reference);
        if (before === undefined) return 'created';
        return before === canonicalJson(contract) ? 'unchanged' : 'updated';
      }
    },
  };
}
