import { describe, expect, it } from 'vitest';
import { ContractSchema, type Contract } from '../contract.schema.js';
import { canonicalJson, planImport } from './plan-import.js';

const contract = (reference: string, title = 'Cleaning'): Contract => ContractSchema.parse({ reference, title, supplier: { name: 'Acme Ltd' } });

describe('planImport', () => {
  it('sorts rows into created, updated and unchanged against the register', () => {
    const existing = new Map([
      ['A', contract('A')],
      ['B', contract('B')],
    ]);
    const plan = planImport(
      [
        { sheet: 'Register', row: 2, contract: contract('A') },
        { sheet: 'Register', row: 3, contract: contract('B', 'Cleaning and hygiene') },
        { sheet: 'Register', row: 4, contract: contract('C') },
      ],
      existing,
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.updated.map((c) => c.reference)).toEqual(['B']);
    expect(plan.created.map((c) => c.reference)).toEqual(['C']);
  });

  it('keeps the first row of a repeated reference and rejects the repeat', () => {
    const plan = planImport(
      [
        { sheet: 'Register', row: 2, contract: contract('A') },
        { sheet: 'Register', row: 9, contract: contract('A', 'Other') },
      ],
      new Map(),
    );
    expect(plan.created).toHaveLength(1);
    expect(plan.duplicates).toEqual([{ sheet: 'Register', row: 9 }]);
    expect(plan.problems[0]?.message).toBe('Register!9: reference "A" is already used on row 2 — give each contract its own reference, or delete the repeat');
  });

  it('compares contracts whatever the order of their keys', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: undefined } })).toBe(canonicalJson({ b: { c: 2 }, a: 1 }));
  });
});
