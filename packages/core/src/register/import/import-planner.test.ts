import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../contract.schema.js';
import { createImportPlanner } from './import-planner.js';
import { canonicalJson } from './canonical-json.js';

const contract = (reference: string, title = 'Cleaning') => ContractSchema.parse({ reference, title, supplier: { name: 'Acme Ltd' } });
const row = (n: number, reference: string, title?: string) => ({ sheet: 'Register', row: n, reference, contract: contract(reference, title) });

describe('createImportPlanner', () => {
  it('decides each row as it arrives against the register', () => {
    const planner = createImportPlanner(new Map([['A', canonicalJson(contract('A'))], ['B', canonicalJson(contract('B'))]]));
    expect([row(2, 'A'), row(3, 'B', 'Deep cleaning'), row(4, 'C'), row(5, 'C')].map((r) => planner.add(r))).toEqual(['unchanged', 'updated', 'created', 'duplicate']);
    expect(planner.counts).toEqual({ created: 1, updated: 1, unchanged: 1, duplicate: 1 });
    expect(planner.problems.map((p) => p.message)).toEqual(['Register!5: reference "C" is already used on row 4 — give each contract its own reference, or delete the repeat']);
  });

  it('calls every first occurrence created when it is not told the register', () => {
    const planner = createImportPlanner();
    expect(planner.add(row(2, 'A'))).toBe('created');
  });
});
