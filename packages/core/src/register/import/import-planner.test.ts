import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../contract.schema.js';
import { createImportPlanner } from './import-planner.js';
import { canonicalJson } from './canonical-json.js';

const contract = (reference: string, title = 'Cleaning', supplier = 'Acme Ltd', total?: number) =>
  ContractSchema.parse({ reference, title, supplier: { name: supplier }, ...(total === undefined ? {} : { value: { total } }) });
const row = (n: number, reference: string, title?: string, supplier?: string, total?: number) => ({ sheet: 'Register', row: n, contract: contract(reference, title, supplier, total) });

describe('createImportPlanner', () => {
  it('decides each row as it arrives against the register', () => {
    const planner = createImportPlanner(new Map([['A', canonicalJson(contract('A'))], ['B', canonicalJson(contract('B'))]]));
    expect([row(2, 'A'), row(3, 'B', 'Deep cleaning'), row(4, 'C')].map((r) => planner.add(r).verdict)).toEqual(['unchanged', 'updated', 'created']);
    expect(planner.counts).toMatchObject({ created: 1, updated: 1, unchanged: 1, duplicate: 0 });
  });

  it('takes a repeated reference for another supplier or value as a lot, numbered in file order, and skips a repeated line', () => {
    // AON33121 names several school bus routes: row 2 Acme £100, row 3 Beta £200, row 4 Acme £100
    // again (a copied line), row 5 Gamma £300. Lots: row 3 → /2, row 5 → /3; row 4 is skipped.
    const planner = createImportPlanner();
    const planned = [row(2, 'AON33121', 'Route 1', 'Acme', 100), row(3, 'AON33121', 'Route 2', 'Beta', 200), row(4, 'AON33121', 'Route 1', 'Acme', 100), row(5, 'AON33121', 'Route 3', 'Gamma', 300)].map((r) => planner.add(r));
    expect(planned.map((p) => [p.verdict, p.contract?.reference])).toEqual([
      ['created', 'AON33121'],
      ['created', 'AON33121/2'],
      ['duplicate', undefined],
      ['created', 'AON33121/3'],
    ]);
    expect(planner.lots).toBe(2);
    expect(planner.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      ['lot-reference', 'warning', 'Register!3: reference "AON33121" is already used on row 2 for another supplier, value or dates, so this contract was imported as lot AON33121/2 — give it its own reference if it is not a lot of the same agreement'],
      ['duplicate-row', 'warning', 'Register!4: repeats row 2 (reference "AON33121", same supplier, dates and value), so it was skipped — delete the repeated line'],
      ['lot-reference', 'warning', 'Register!5: reference "AON33121" is already used on row 2 for another supplier, value or dates, so this contract was imported as lot AON33121/3 — give it its own reference if it is not a lot of the same agreement'],
    ]);
    // A row rejected for another reason under the same reference is handed back as the next lot.
    expect(planner.lotReferenceFor('AON33121')).toBe('AON33121/4');
    expect(planner.lotReferenceFor('OTHER')).toBeUndefined();
  });

  it('skips a lot number a real reference in the file already has', () => {
    const planner = createImportPlanner();
    planner.add(row(2, 'X', 'One', 'Acme'));
    planner.add(row(3, 'X/2', 'Two', 'Acme'));
    expect(planner.add(row(4, 'X', 'Three', 'Beta')).contract?.reference).toBe('X/3');
  });

  it('rejects a repeated reference for another contract under --strict, as before lots', () => {
    const planner = createImportPlanner(new Map(), { strict: true });
    planner.add(row(2, 'A', 'One', 'Acme'));
    expect(planner.add(row(3, 'A', 'Two', 'Beta')).verdict).toBe('rejected');
    expect(planner.duplicates).toEqual([{ sheet: 'Register', row: 3 }]);
    expect(planner.problems.map((p) => p.code)).toEqual(['duplicate-reference']);
  });

  it('calls every first occurrence created when it is not told the register', () => {
    const planner = createImportPlanner();
    expect(planner.add(row(2, 'A')).verdict).toBe('created');
  });
});
