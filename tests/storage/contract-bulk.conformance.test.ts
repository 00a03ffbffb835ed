import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { STORE_FACTORIES } from '../support/stores.js';

const importing = { actor: 'a.khan@council.gov.uk', source: 'import:register.xlsx', at: new Date('2026-11-26T09:00:00Z') };
const many = (n: number, title = 'Cleaning') => Array.from({ length: n }, (_, i) => makeContract({ reference: `BULK-${String(i).padStart(5, '0')}`, title }));

for (const makeFactory of STORE_FACTORIES) {
  const factory = makeFactory();

  describe(`storage conformance: bulk contract upserts on ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterAll(() => factory.cleanup(), 60_000);

    it('creates more contracts than one batch holds, auditing each', async () => {
      expect(await store.contracts.upsertMany(many(1203), importing)).toEqual({ created: 1203, updated: 0, unchanged: 0 });
      expect(await store.contracts.count()).toBe(1203);
      const entries = await store.audit.list({ entityKey: 'BULK-01202' });
      expect(entries).toMatchObject([{ action: 'create', source: 'import:register.xlsx', entity: 'contract' }]);
      expect(await store.contracts.get('BULK-00600')).toEqual(many(1203)[600]);
    });

    it('reports unchanged contracts without writing, and updates only the changed ones', async () => {
      await store.contracts.upsertMany(many(10), importing);
      const next = many(10);
      next[4] = makeContract({ reference: 'BULK-00004', title: 'Deep cleaning' });
      expect(await store.contracts.upsertMany(next, importing)).toEqual({ created: 0, updated: 1, unchanged: 9 });
      expect((await store.audit.list({ entityKey: 'BULK-00004' })).map((e) => e.action)).toEqual(['update', 'create']);
      expect((await store.audit.list({ entityKey: 'BULK-00005' })).map((e) => e.action)).toEqual(['create']);
    });

    it('audits a creation exactly as a single upsert does', async () => {
      const contract = makeContract({ renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }], taken: 0 } });
      await store.contracts.upsert(contract, importing);
      await store.contracts.upsertMany([{ ...contract, reference: 'CON-0043' }], importing);
      const [single] = await store.audit.list({ entityKey: 'CON-0042' });
      const [bulk] = await store.audit.list({ entityKey: 'CON-0043' });
      expect(single?.changes).toEqual({ '(value)': { from: null, to: contract } });
      expect(bulk?.changes).toEqual({ '(value)': { from: null, to: { ...contract, reference: 'CON-0043' } } });
    });

    it('fetches many contracts by reference, skipping those not in the register', async () => {
      await store.contracts.upsertMany(many(1100), importing);
      const found = await store.contracts.getMany(['BULK-00000', 'NOPE', 'BULK-01099', ...many(600).map((c) => c.reference)]);
      expect(new Set(found.map((c) => c.reference)).size).toBe(601);
      expect(await store.contracts.getMany([])).toEqual([]);
    });

    it('keeps the later contract when a reference is given twice', async () => {
      const result = await store.contracts.upsertMany([makeContract({ title: 'First' }), makeContract({ title: 'Second' })], importing);
      expect(result).toEqual({ created: 1, updated: 1, unchanged: 0 });
      expect((await store.contracts.get('CON-0042'))?.title).toBe('Second');
    });

    it('writes nothing when the surrounding transaction fails', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.contracts.upsertMany(many(700), importing);
          throw new Error('import interrupted');
        }),
      ).rejects.toThrow('import interrupted');
      expect(await store.contracts.count()).toBe(0);
      expect(await store.audit.list()).toEqual([]);
    });
  });
}
