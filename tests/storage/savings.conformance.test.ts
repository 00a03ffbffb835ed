import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SavingSchema, type Saving, type SavingInput, type Store } from '@contract-steward/core';
import { STORE_FACTORIES } from '../support/stores.js';
import { IEG4_SAVING } from '@contract-steward/core';

const finance = { actor: 'f.ahmed@council.gov.uk', source: 'test', at: new Date('2026-11-26T09:00:00Z') };

function makeSaving(overrides: Partial<SavingInput> = {}): Saving {
  // A proposed saving whose one-off costs the tests set through implementation and exit costs.
  const { state: _signedOff, signedOffBy: _signer, oneOffCosts: _none, ...ieg4 } = IEG4_SAVING;
  return SavingSchema.parse({ ...ieg4, ...overrides });
}

for (const makeFactory of STORE_FACTORIES) {
  const factory = makeFactory();

  describe(`storage conformance: savings on ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterAll(() => factory.cleanup(), 60_000);

    it('adds a saving, reports the same one again as unchanged, then updates it', async () => {
      expect(await store.savings.upsert(makeSaving(), finance)).toBe('created');
      expect(await store.savings.upsert(makeSaving(), finance)).toBe('unchanged');
      expect(await store.savings.upsert(makeSaving({ newAnnual: 95000 }), finance)).toBe('updated');
      expect((await store.savings.get('CON-0042/2024-04-01/renegotiation'))?.newAnnual).toBe(95000);
      expect(await store.savings.count()).toBe(1);
    });

    it('returns the saving exactly as stored', async () => {
      const saving = makeSaving({ id: 'S-1', implementationCost: 5000, exitCost: 2500, baselineSource: 'supplier quote, January 2024' });
      await store.savings.upsert(saving, finance);
      expect(await store.savings.get('S-1')).toEqual(saving);
      expect(await store.savings.get('S-2')).toBeUndefined();
    });

    it('keeps the current price beside the baseline and the new price, and lists it', async () => {
      // IEG4 as avoidance (current 100,000) and a cut (current 120,000 → new 100,000: 20,000 cashable).
      await store.savings.upsert(makeSaving({ id: 'AVOID' }), finance);
      await store.savings.upsert(makeSaving({ id: 'CUT', currentAnnual: 120000 }), finance);
      expect((await store.savings.get('AVOID'))?.currentAnnual).toBe(100000);
      expect((await store.savings.list()).map((s) => [s.id, s.currentAnnual, s.cashable])).toEqual([
        ['AVOID', 100000, false],
        ['CUT', 120000, true],
      ]);
    });

    it('moves a saving through validation to sign-off, recording who and when', async () => {
      await store.savings.upsert(makeSaving({ id: 'S-1' }), finance);
      const validated = await store.savings.setState('S-1', 'validated', { ...finance, actor: 'b.jones@council.gov.uk' });
      expect(validated).toMatchObject({ state: 'validated', stateBy: 'b.jones@council.gov.uk', stateAt: '2026-11-26T09:00:00.000Z' });
      const signedOff = await store.savings.setState('S-1', 'signed-off', { ...finance, at: new Date('2026-12-01T12:00:00Z') });
      expect(signedOff).toMatchObject({ state: 'signed-off', stateBy: 'f.ahmed@council.gov.uk', signedOffBy: 'f.ahmed@council.gov.uk', stateAt: '2026-12-01T12:00:00.000Z' });
      expect(await store.savings.get('S-1')).toEqual(signedOff);
      expect(await store.savings.setState('S-404', 'validated', finance)).toBeUndefined();
      expect((await store.savings.list({ state: 'signed-off' })).map((s) => s.id)).toEqual(['S-1']);
    });

    it('lists by contract, by state, and by the period the term overlaps, earliest start first', async () => {
      await store.savings.upsert(makeSaving({ id: 'A', start: '2025-10-01', termMonths: 24 }), finance); // to 2027-09-30
      await store.savings.upsert(makeSaving({ id: 'B', start: '2024-04-01', termMonths: 12, contract: 'CON-0007' }), finance); // to 2025-03-31
      await store.savings.upsert(makeSaving({ id: 'C', start: '2027-04-01', termMonths: 12, state: 'signed-off', signedOffBy: 'f.ahmed@council.gov.uk' }), finance);

      expect((await store.savings.list()).map((s) => s.id)).toEqual(['B', 'A', 'C']);
      expect((await store.savings.list({ contract: 'CON-0007' })).map((s) => s.id)).toEqual(['B']);
      expect((await store.savings.list({ state: 'signed-off' })).map((s) => s.id)).toEqual(['C']);
      // 2025/26: B ended 31 March 2025, C starts in 2027.
      expect((await store.savings.list({ from: '2025-04-01', to: '2026-03-31' })).map((s) => s.id)).toEqual(['A']);
      expect((await store.savings.list({ from: '2025-03-31', to: '2025-10-01' })).map((s) => s.id)).toEqual(['B', 'A']);
      expect((await store.savings.list({ to: '2024-04-01' })).map((s) => s.id)).toEqual(['B']);
    });

    it('records every change to a saving in the audit trail', async () => {
      await store.savings.upsert(makeSaving({ id: 'S-1' }), { ...finance, source: 'import:savings.json' });
      await store.savings.setState('S-1', 'validated', finance);
      const [validated, created] = await store.audit.list({ entity: 'saving', entityKey: 'S-1' });
      expect(created).toMatchObject({ action: 'create', source: 'import:savings.json', actor: 'f.ahmed@council.gov.uk' });
      expect(validated).toMatchObject({ action: 'state:validated', changes: { state: { from: 'proposed', to: 'validated' } } });
    });

    it('rolls back every saving of a failed transaction', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.savings.upsert(makeSaving({ id: 'A' }), finance);
          await tx.savings.upsert(makeSaving({ id: 'B' }), finance);
          throw new Error('row 3 is broken');
        }),
      ).rejects.toThrow('row 3 is broken');
      expect(await store.savings.count()).toBe(0);
      expect(await store.audit.list({ entity: 'saving' })).toHaveLength(0);
    });
  });
}
