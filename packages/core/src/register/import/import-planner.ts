import type { Contract } from '../contract.schema.js';
import { canonicalJson } from './canonical-json.js';
import { importProblem, type ImportProblem } from './import-problem.js';

export type RowVerdict = 'created' | 'updated' | 'unchanged' | 'duplicate' | 'rejected';

export interface PlannedRow {
  readonly verdict: RowVerdict;
  /** The contract to write (a lot carries its lot reference); absent for a duplicate or rejected row. */
  readonly contract?: Contract;
}

export interface ImportPlannerOptions {
  /** `--strict`: a repeated reference for a different contract is rejected, not taken as a lot. */
  readonly strict?: boolean;
}

export interface ImportPlanner {
  /** Decides one accepted row, in file order. */
  add(row: { readonly sheet: string; readonly row: number; readonly contract: Contract }): PlannedRow;
  /**
   * For a row rejected for another reason whose reference an accepted row already has: the next
   * free lot reference, so handing the row back for correction cannot overwrite that contract.
   */
  lotReferenceFor(reference: string): string | undefined;
  readonly counts: Readonly<Record<RowVerdict, number>>;
  /** Rows taken as lots of an earlier row's reference. */
  readonly lots: number;
  readonly problems: readonly ImportProblem[];
  /** Rows rejected (under --strict) for repeating a reference. */
  readonly duplicates: readonly { readonly sheet: string; readonly row: number }[];
}

/**
 * The streaming form of `planImport`: rows arrive one at a time while the file is read, and
 * only their references and what identifies each contract are remembered. `existing` maps
 * reference → `canonicalJson` of the contract in the register; leave it out when the writer
 * decides created/updated itself.
 *
 * A reference repeated in the file is, in practice, either a line copied twice (same supplier,
 * dates and value: skipped) or another lot of the same agreement (Norfolk's `AON33121` names
 * seven school bus routes): a lot is kept as `AON33121/2`, `/3`, ... numbered in file order,
 * so importing the same file again gives every lot the same reference.
 */
export function createImportPlanner(existing: ReadonlyMap<string, string> = new Map(), options: ImportPlannerOptions = {}): ImportPlanner {
  /** Reference → its first row, the identities seen under it, and the last lot number given. */
  const seen = new Map<string, { row: number; identities: Map<string, number>; lastLot: number }>();
  const counts: Record<RowVerdict, number> = { created: 0, updated: 0, unchanged: 0, duplicate: 0, rejected: 0 };
  const problems: ImportProblem[] = [];
  const duplicates: { sheet: string; row: number }[] = [];
  let lots = 0;

  const nextLot = (reference: string): string => {
    const entry = seen.get(reference);
    if (entry === undefined) return reference;
    let lot: string;
    do {
      entry.lastLot += 1;
      lot = `${reference}/${entry.lastLot}`;
    } while (seen.has(lot));
    return lot;
  };
  const remember = (reference: string, row: number, identity: string) => {
    seen.set(reference, { row, identities: new Map([[identity, row]]), lastLot: 1 });
  };

  return {
    counts,
    problems,
    duplicates,
    get lots() {
      return lots;
    },
    lotReferenceFor(reference) {
      return seen.has(reference) ? nextLot(reference) : undefined;
    },
    add({ sheet, row, contract }) {
      const planned = decide();
      counts[planned.verdict] += 1;
      return planned;

      function decide(): PlannedRow {
        const reference = contract.reference;
        const identity = identityOf(contract);
        const first = seen.get(reference);
        if (first === undefined) {
          remember(reference, row, identity);
          return { verdict: verdictFor(contract), contract };
        }
        const same = first.identities.get(identity);
        if (same !== undefined) {
          problems.push(
            importProblem(
              { sheet, row, value: reference },
              'duplicate-row',
              `repeats row ${same} (reference "${reference}", same supplier, dates and value), so it was skipped — delete the repeated line`,
              'warning',
            ),
          );
          return { verdict: 'duplicate' };
        }
        if (options.strict === true) {
          duplicates.push({ sheet, row });
          problems.push(
            importProblem(
              { sheet, row, value: reference },
              'duplicate-reference',
              `reference "${reference}" is already used on row ${first.row} — give each contract its own reference (without --strict it is imported as a lot, ${reference}/2, ...)`,
            ),
          );
          return { verdict: 'rejected' };
        }
        const lot = nextLot(reference);
        first.identities.set(identity, row);
        remember(lot, row, identity);
        lots += 1;
        problems.push(
          importProblem(
            { sheet, row, value: reference },
            'lot-reference',
            `reference "${reference}" is already used on row ${first.row} for another supplier, value or dates, so this contract was imported as lot ${lot} — give it its own reference if it is not a lot of the same agreement`,
            'warning',
          ),
        );
        const asLot = { ...contract, reference: lot };
        return { verdict: verdictFor(asLot), contract: asLot };
      }
    },
  };

  function verdictFor(contract: Contract): RowVerdict {
    const before = existing.get(contract.reference);
    if (before === undefined) return 'created';
    return before === canonicalJson(contract) ? 'unchanged' : 'updated';
  }
}

/** What tells two lines under one reference apart: supplier, dates and value. */
function identityOf(contract: Contract): string {
  return JSON.stringify([
    contract.supplier.name.toLowerCase(),
    contract.startDate ?? null,
    contract.endDate ?? null,
    contract.value.total ?? null,
    contract.value.annual ?? null,
  ]);
}
