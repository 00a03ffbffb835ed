import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModificationRecord, PublicationRecord, Store } from '@contract-steward/core';
import { STORE_FACTORIES } from '../support/stores.js';

const officer = { actor: 'p.officer@council.gov.uk', source: 'test', at: new Date('2026-05-01T09:00:00Z') };
const modification = (id: string, date: string): ModificationRecord => ({
  id, reference: 'CON-1', date, valueChange: 10_000, termChangeDays: 0, ground: 'below-threshold', regime: 'PA2023',
  belowThreshold: true, noticeRequired: false, recordedBy: officer.actor, recordedAt: '2026-05-01T09:00:00.000Z',
});
const publication: PublicationRecord = { reference: 'CON-1', obligation: 'UK7', key: 'UK7', publishedOn: '2025-12-01', noticeId: 'N-1', recordedBy: officer.actor, recordedAt: 'x' };

for (const makeFactory of STORE_FACTORIES) {
  const factory = makeFactory();

  describe(`storage conformance: modifications and publications on ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterAll(() => factory.cleanup(), 60_000);

    it('keeps a contract\'s modifications oldest first, exactly as recorded, and audits each', async () => {
      await store.procurementAct.addModification(modification('M-2', '2026-07-01'), officer);
      await store.procurementAct.addModification(modification('M-1', '2026-06-01'), officer);
      expect((await store.procurementAct.listModifications('CON-1')).map((m) => m.id)).toEqual(['M-1', 'M-2']);
      expect((await store.procurementAct.listModifications('CON-1'))[0]).toEqual(modification('M-1', '2026-06-01'));
      expect(await store.procurementAct.listModifications('CON-2')).toEqual([]);
      expect((await store.audit.list({ entity: 'contract-modification' })).length).toBe(2);
    });

    it('refuses a modification id used twice', async () => {
      await store.procurementAct.addModification(modification('M-1', '2026-06-01'), officer);
      await expect(store.procurementAct.addModification(modification('M-1', '2026-06-01'), officer)).rejects.toThrow();
      expect(await store.procurementAct.listModifications('CON-1')).toHaveLength(1);
    });

    it('records a publication once per obligation, a second record correcting the first', async () => {
      await store.procurementAct.recordPublication(publication, officer);
      await store.procurementAct.recordPublication({ ...publication, noticeId: 'N-2' }, officer);
      expect(await store.procurementAct.listPublications('CON-1')).toEqual([{ ...publication, noticeId: 'N-2' }]);
      expect(await store.procurementAct.listPublications()).toHaveLength(1);
    });

    it('writes nothing when the transaction around a modification fails', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.procurementAct.addModification(modification('M-1', '2026-06-01'), officer);
          throw new Error('interrupted');
        }),
      ).rejects.toThrow('interrupted');
      expect(await store.procurementAct.listModifications('CON-1')).toEqual([]);
    });
  });
}
