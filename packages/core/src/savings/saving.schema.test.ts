import { describe, expect, it } from 'vitest';
import { SavingSchema, savingsFileJsonSchema } from './saving.schema.js';
import { IEG4_SAVING } from './ieg4-example.js';

const publicExample = IEG4_SAVING;

describe('the saving schema', () => {
  it('accepts the public import format and keys the saving by contract, start and kind', () => {
    const saving = SavingSchema.parse(publicExample);
    expect(saving.id).toBe('CON-0042/2024-04-01/renegotiation');
    expect(saving.state).toBe('signed-off');
  });

  it('refuses a signed-off saving that names nobody as its signer, and says what to add', () => {
    const { signedOffBy: _signer, ...unsigned } = publicExample;
    const result = SavingSchema.safeParse(unsigned);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['signedOffBy'], 'is missing: a signed-off saving names who signed it off (signedOffBy) — add their name or email, or import it as validated'],
    ]);
    expect(SavingSchema.safeParse({ ...unsigned, state: 'validated' }).success).toBe(true);
  });

  it('takes the signer of a file written before signedOffBy from who moved it to signed-off', () => {
    const { signedOffBy: _signer, ...older } = publicExample;
    expect(SavingSchema.parse({ ...older, stateBy: 'f.ahmed@council.gov.uk' }).signedOffBy).toBe('f.ahmed@council.gov.uk');
  });

  it('adds implementation and exit costs up into the one-off total', () => {
    const rest: Record<string, unknown> = { ...publicExample };
    delete rest.oneOffCosts;
    expect(SavingSchema.parse({ ...rest, implementationCost: 5000, exitCost: 2500 }).oneOffCosts).toBe(7500);
  });

  it('refuses a one-off total that disagrees with its breakdown', () => {
    const result = SavingSchema.safeParse({ ...publicExample, oneOffCosts: 100, implementationCost: 5000 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['oneOffCosts']);
  });

  it('refuses an unknown kind, a state outside the sign-off path, a 31 February and a term of no months', () => {
    for (const bad of [{ kind: 'haggling' }, { state: 'approved' }, { start: '2025-02-31' }, { termMonths: 0 }, { newAnnual: -1 }]) {
      expect(SavingSchema.safeParse({ ...publicExample, ...bad }).success).toBe(false);
    }
  });

  it('takes the IEG4 case with its current price as cost avoidance: nothing cashable', () => {
    const saving = SavingSchema.parse(IEG4_SAVING);
    expect([saving.currentAnnual, saving.cashable]).toEqual([100000, false]);
  });

  it('reads a file without a current price as it always meant: the whole saving of the type cashable says', () => {
    const { currentAnnual: _none, ...old } = IEG4_SAVING;
    // Cashable: the council paid the baseline, so current = 160,000 and all 60,000 comes off a budget.
    expect(SavingSchema.parse({ ...old, cashable: true })).toMatchObject({ currentAnnual: 160000, cashable: true });
    // Not cashable: current = the new price, so all 60,000 is avoidance.
    expect(SavingSchema.parse({ ...old, cashable: false })).toMatchObject({ currentAnnual: 100000, cashable: false });
    const neither = SavingSchema.safeParse(old);
    expect(neither.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['currentAnnual'], expect.stringContaining('give the current annual price')],
    ]);
  });

  it('refuses a cashable flag that the prices contradict', () => {
    const result = SavingSchema.safeParse({ ...publicExample, cashable: true });
    expect(result.error?.issues[0]?.path).toEqual(['cashable']);
    expect(result.error?.issues[0]?.message).toContain('is not above the new price');
  });

  it('reads back what it wrote unchanged, so stored savings round-trip', () => {
    const saving = SavingSchema.parse({ ...publicExample, oneOffCosts: 15, implementationCost: 10, exitCost: 5, stateAt: '2026-11-26T09:00:00.000Z' });
    expect(SavingSchema.parse(JSON.parse(JSON.stringify(saving)))).toEqual(saving);
  });

  it('publishes the import format as a JSON Schema with the required fields', () => {
    const schema = savingsFileJsonSchema() as { properties: { savings: { items: { required: string[]; properties: Record<string, unknown> } } } };
    const item = schema.properties.savings.items;
    expect(item.required).toEqual(expect.arrayContaining(['contract', 'description', 'kind', 'baselineAnnual', 'newAnnual', 'start', 'termMonths']));
    expect(item.required).not.toContain('cashable');
    expect(item.properties).toHaveProperty('currentAnnual');
    expect(item.required).not.toContain('state');
    expect(item.properties.kind).toEqual({ type: 'string', enum: ['renegotiation', 're-procurement', 'decommissioning', 'consolidation', 'move-to-cloud'] });
  });
});
