import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../contract.schema.js';
import { canonicalJson, planImport } from './plan-import.js';

const contract = (reference: string, title = 'Cleaning') => ContractSchema.parse({ reference, title, supplier: { name: 'Acme Ltd' } });
const row = (n: number, reference: string, title?: string) => ({ sheet: 'Register', row: n, reference, json: JSON.stringify(contract(reference, title)) });
const stored = (reference: string) => [reference, canonicalJson(contract(reference))] as const;

describe('planImport', () => {
  it('sorts rows into created, updated and unchanged against the register', () => {
    const plan = planImport([row(2, 'A'), row(3, 'B', 'Cleaning and hygiene'), row(4, 'C')], new Map([stored('A'), stored('B')]));
    expect(plan.unchanged).toBe(1);
    expect(plan.updated.map((json) => (JSON.parse(json) as { title: string }).title)).toEqual(['Cleaning and hygiene']);
    expect(plan.created.map((json) => (JSON.parse(json) as { reference: string }).reference)).toEqual(['C']);
  });

  it('keeps the first row of a repeated reference and rejects the repeat', () => {
    const plan = planImport([row(2, 'A'), row(9, 'A', 'Other')], new Map());
    expect(plan.created).toHaveLength(1);
    expect(plan.duplicates).toEqual([{ sheet: 'Register', row: 9 }]);
    expect(plan.problems[0]?.message).toBe('Register!9: reference "A" is already used on row 2 — give each contract its own reference, or delete the repeat');
  });

  it('compares contracts whatever the order of their keys', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: undefined } })).toBe(canonicalJson({ b: { c: 2 }, a: 1 }));
  });
});
