import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { decide, IEG4_SAVING, KpiSchema, ReviewMeetingSchema, SavingSchema, UsageSchema, type Store } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { STORE_FACTORIES, TEST_POSTGRES_URL } from '../support/stores.js';

/** The IEG4 saving, moved onto another contract. */
function savingOf(contract: string) {
  const { state: _signedOff, signedOffBy: _signer, ...ieg4 } = IEG4_SAVING;
  return { ...ieg4, id: `${contract}-saving`, contract };
}

const cli = { actor: 'a.khan@council.gov.uk', source: 'test', at: new Date('2026-11-26T09:00:00Z') };

for (const makeFactory of STORE_FACTORIES) {
  const factory = makeFactory();

  describe(`storage conformance: contracts on ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterAll(() => factory.cleanup(), 60_000);

    it('creates, then reports an identical upsert as unchanged, then updates', async () => {
      const contract = makeContract();
      expect(await store.contracts.upsert(contract, cli)).toBe('created');
      expect(await store.contracts.upsert(makeContract(), cli)).toBe('unchanged');
      expect(await store.contracts.upsert(makeContract({ endDate: '2028-03-31' }), cli)).toBe('updated');
      expect((await store.contracts.get('CON-0042'))?.endDate).toBe('2028-03-31');
      expect(await store.contracts.count()).toBe(1);
    });

    it('returns the contract exactly as stored, nested fields included', async () => {
      const contract = makeContract({
        renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }], taken: 0, maximumEndDate: '2028-03-31' },
        itSystem: { systemName: 'IEG4 OneVu', hosting: 'cloud', personalData: true },
      });
      await store.contracts.upsert(contract, cli);
      expect(await store.contracts.get('CON-0042')).toEqual(contract);
      expect(await store.contracts.get('CON-9999')).toBeUndefined();
    });

    it('deletes and says whether there was anything to delete', async () => {
      await store.contracts.upsert(makeContract(), cli);
      expect(await store.contracts.delete('CON-0042', cli)).toBe(true);
      expect(await store.contracts.delete('CON-0042', cli)).toBe(false);
      expect(await store.contracts.get('CON-0042')).toBeUndefined();
    });

    it('queries by end-date range, owner and service area, soonest end first and undated last', async () => {
      await store.contracts.upsert(makeContract({ reference: 'A', endDate: '2027-06-30' }), cli);
      await store.contracts.upsert(makeContract({ reference: 'B', endDate: '2026-12-31', serviceArea: 'Housing' }), cli);
      await store.contracts.upsert(makeContract({ reference: 'C', endDate: undefined, owner: { email: 'b.jones@council.gov.uk' } }), cli);
      await store.contracts.upsert(makeContract({ reference: 'D', endDate: '2029-01-01' }), cli);

      expect((await store.contracts.list()).map((c) => c.reference)).toEqual(['B', 'A', 'D', 'C']);
      const inRange = await store.contracts.list({ endFrom: '2026-12-31', endTo: '2027-06-30' });
      expect(inRange.map((c) => c.reference)).toEqual(['B', 'A']);
      const owned = await store.contracts.list({ ownerEmail: 'B.Jones@council.gov.uk' });
      expect(owned.map((c) => c.reference)).toEqual(['C']);
      const housing = await store.contracts.list({ serviceArea: 'housing' });
      expect(housing.map((c) => c.reference)).toEqual(['B']);
    });

    it('records who changed what, when and from where in the audit trail', async () => {
      await store.contracts.upsert(makeContract(), { ...cli, source: 'import:register.xlsx' });
      await store.contracts.upsert(makeContract({ endDate: '2028-03-31' }), { ...cli, actor: 'b.jones@council.gov.uk' });
      const [update, create] = await store.audit.list({ entity: 'contract', entityKey: 'CON-0042' });
      expect(create).toMatchObject({ action: 'create', source: 'import:register.xlsx', actor: 'a.khan@council.gov.uk', at: '2026-11-26T09:00:00.000Z' });
      expect(update).toMatchObject({ action: 'update', actor: 'b.jones@council.gov.uk', changes: { endDate: { from: '2027-03-31', to: '2028-03-31' } } });
    });

    it('commits a transaction whole', async () => {
      await store.transaction(async (tx) => {
        await tx.contracts.upsert(makeContract({ reference: 'A' }), cli);
        await tx.contracts.upsert(makeContract({ reference: 'B' }), cli);
      });
      expect(await store.contracts.count()).toBe(2);
    });

    it('rolls a failed transaction back entirely, audit entries included', async () => {
      await store.contracts.upsert(makeContract({ reference: 'KEEP' }), cli);
      await expect(
        store.transaction(async (tx) => {
          await tx.contracts.upsert(makeContract({ reference: 'A' }), cli);
          await tx.contracts.upsert(makeContract({ reference: 'KEEP', title: 'Changed' }), cli);
          throw new Error('row 3 is broken');
        }),
      ).rejects.toThrow('row 3 is broken');
      expect((await store.contracts.list()).map((c) => c.reference)).toEqual(['KEEP']);
      expect((await store.contracts.get('KEEP'))?.title).toBe('Revenues and benefits e-forms');
      expect(await store.audit.list()).toHaveLength(1);
    });

    it('keeps reads outside a transaction from seeing its uncommitted writes', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const tx = store.transaction(async (t) => {
        await t.contracts.upsert(makeContract({ reference: 'PENDING' }), cli);
        await held;
      });
      const outside = store.contracts.get('PENDING');
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await tx;
      // One connection (SQLite, embedded PGlite) serialises the read after the commit; a
      // PostgreSQL server reads the committed state at once. Never the uncommitted row.
      const seen = await outside;
      expect(seen === undefined || seen.reference === 'PENDING').toBe(true);
      if (TEST_POSTGRES_URL && store.kind === 'postgres') expect(seen).toBeUndefined();
      expect(await store.contracts.get('PENDING')).toBeDefined();
    });

    it('files everything recorded against a contract under its new reference when it is renamed', async () => {
      // A row imported without a reference gets a provisional one; people may record things
      // against it before a later file gives its real reference.
      await store.contracts.upsert(makeContract({ reference: 'PROV-1', endDate: '2027-03-31' }), cli);
      const snooze = decide(makeContract({ reference: 'PROV-1', endDate: '2027-03-31' }), { action: 'snooze', days: 14 }, { today: '2026-11-26', by: 'a.khan@council.gov.uk' });
      if (!snooze.success) throw new Error('the snooze was refused');
      await store.renewals.recordDecision(snooze.value, cli);
      await store.savings.upsert(SavingSchema.parse({ ...savingOf('PROV-1') }), cli);
      await store.procurementAct.addModification({ id: 'M-1', reference: 'PROV-1', date: '2026-10-01', valueChange: 1_000, termChangeDays: 0, ground: 'not-substantial', reason: 'more bins', regime: 'PCR2015', belowThreshold: true, noticeRequired: false, recordedBy: 'x', recordedAt: 'x' }, cli);
      await store.procurementAct.recordPublication({ reference: 'PROV-1', obligation: 'UK7', key: 'UK7', publishedOn: '2026-10-02', recordedBy: 'x', recordedAt: 'x' }, cli);
      await store.performance.upsertKpi(KpiSchema.parse({ contract: 'PROV-1', name: 'Collections', measure: 'percentage', target: 99, frequency: 'quarterly', from: '2026-04-01' }), cli);
      await store.performance.recordResults([{ contract: 'PROV-1', kpi: 'Collections', periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 99.5, enteredBy: 'x', enteredAt: 'x' }], cli);
      await store.performance.upsertUsage(UsageSchema.parse({ contract: 'PROV-1', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 60 }), cli);
      await store.performance.upsertReview(ReviewMeetingSchema.parse({ id: 'R-1', contract: 'PROV-1', date: '2026-09-15' }), cli);

      expect(await store.contracts.rename('PROV-1', 'BAN12005', cli)).toBe(true);

      const named = (records: readonly { reference?: string; contract?: string }[]) => records.map((r) => r.reference ?? r.contract);
      expect(named(await store.renewals.listDecisions('BAN12005'))).toEqual(['BAN12005']);
      expect(named(await store.savings.list({ contract: 'BAN12005' }))).toEqual(['BAN12005']);
      expect(named(await store.procurementAct.listModifications('BAN12005'))).toEqual(['BAN12005']);
      expect(named(await store.procurementAct.listPublications('BAN12005'))).toEqual(['BAN12005']);
      expect(named(await store.performance.listKpis('BAN12005'))).toEqual(['BAN12005']);
      expect(named(await store.performance.listResults({ contract: 'BAN12005' }))).toEqual(['BAN12005']);
      expect(named(await store.performance.listUsage('BAN12005'))).toEqual(['BAN12005']);
      expect(named(await store.performance.listReviews('BAN12005'))).toEqual(['BAN12005']);
      for (const records of [await store.renewals.listDecisions('PROV-1'), await store.procurementAct.listModifications('PROV-1'), await store.performance.listKpis('PROV-1'), await store.performance.listReviews('PROV-1')]) {
        expect(records).toEqual([]);
      }
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
