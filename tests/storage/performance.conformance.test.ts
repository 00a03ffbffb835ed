import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { KpiSchema, ReviewMeetingSchema, UsageSchema, type KpiInput, type KpiResult, type Store } from '@contract-steward/core';
import { STORE_FACTORIES } from '../support/stores.js';

const manager = { actor: 'a.khan@council.gov.uk', source: 'test', at: new Date('2026-11-26T09:00:00Z') };

const kpi = (overrides: Partial<KpiInput> = {}) =>
  KpiSchema.parse({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99.5, tolerance: 0.5, frequency: 'quarterly', from: '2026-04-01', published: true, ...overrides });

const result = (overrides: Partial<KpiResult> = {}): KpiResult => ({
  contract: 'CON-0042',
  kpi: 'Availability',
  periodStart: '2026-04-01',
  periodEnd: '2026-06-30',
  value: 99.7,
  enteredBy: 'a.khan@council.gov.uk',
  enteredAt: '2026-07-02T09:00:00.000Z',
  ...overrides,
});

for (const makeFactory of STORE_FACTORIES) {
  const factory = makeFactory();

  describe(`storage conformance: contract performance on ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterAll(() => factory.cleanup(), 60_000);

    it('adds a KPI, finds it by name whatever the case, and updates it', async () => {
      expect(await store.performance.upsertKpi(kpi(), manager)).toBe('created');
      expect(await store.performance.upsertKpi(kpi(), manager)).toBe('unchanged');
      expect(await store.performance.upsertKpi(kpi({ name: 'availability', target: 99.9 }), manager)).toBe('updated');
      expect(await store.performance.getKpi('CON-0042', 'AVAILABILITY ')).toEqual(kpi({ name: 'availability', target: 99.9 }));
      expect(await store.performance.getKpi('CON-0007', 'Availability')).toBeUndefined();
    });

    it('lists KPIs by contract, then name', async () => {
      await store.performance.upsertKpi(kpi({ name: 'Time to fix', measure: 'time', unit: 'hours', target: 4, direction: 'lower-is-better' }), manager);
      await store.performance.upsertKpi(kpi(), manager);
      await store.performance.upsertKpi(kpi({ contract: 'CON-0007', name: 'Calls answered' }), manager);
      expect((await store.performance.listKpis()).map((k) => `${k.contract} ${k.name}`)).toEqual(['CON-0007 Calls answered', 'CON-0042 Availability', 'CON-0042 Time to fix']);
      expect((await store.performance.listKpis('CON-0042')).map((k) => k.name)).toEqual(['Availability', 'Time to fix']);
    });

    it('records results in one go, and the same figures again change nothing whoever enters them', async () => {
      const first = [result(), result({ periodStart: '2026-07-01', periodEnd: '2026-09-30', value: null, note: 'monitoring down' })];
      expect(await store.performance.recordResults(first, manager)).toEqual({ created: 2, updated: 0, unchanged: 0 });
      const again = first.map((r) => ({ ...r, enteredBy: 'b.jones@council.gov.uk', enteredAt: '2026-11-01T10:00:00.000Z' }));
      expect(await store.performance.recordResults(again, manager)).toEqual({ created: 0, updated: 0, unchanged: 2 });
      expect(await store.performance.recordResults([result({ value: 98 })], manager)).toEqual({ created: 0, updated: 1, unchanged: 0 });
      expect(await store.performance.listResults({ contract: 'CON-0042', kpi: 'availability' })).toEqual([result({ value: 98 }), first[1]]);
      expect((await store.performance.listResults({ from: '2026-07-01' })).map((r) => r.periodStart)).toEqual(['2026-07-01']);
      expect((await store.performance.listResults({ to: '2026-06-30' })).map((r) => r.periodStart)).toEqual(['2026-04-01']);
    });

    it('audits every write to KPIs, results, usage and reviews', async () => {
      await store.performance.upsertKpi(kpi(), manager);
      await store.performance.recordResults([result()], manager);
      await store.performance.upsertUsage(UsageSchema.parse({ contract: 'CON-0042', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 60 }), manager);
      await store.performance.upsertReview(ReviewMeetingSchema.parse({ id: 'R-1', contract: 'CON-0042', date: '2026-10-15' }), manager);
      const entries = await store.audit.list();
      expect(entries.map((e) => `${e.action} ${e.entity} ${e.entityKey} ${e.actor}`)).toEqual([
        'create review R-1 a.khan@council.gov.uk',
        'create usage CON-0042/licences/2026-04-01 a.khan@council.gov.uk',
        'create kpi-result CON-0042/Availability/2026-04-01 a.khan@council.gov.uk',
        'create kpi CON-0042/Availability a.khan@council.gov.uk',
      ]);
    });

    it('keeps usage per item and period', async () => {
      const usage = UsageSchema.parse({ contract: 'CON-0042', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 60, annualCost: 160000 });
      expect(await store.performance.upsertUsage(usage, manager)).toBe('created');
      expect(await store.performance.upsertUsage({ ...usage, used: 65 }, manager)).toBe('updated');
      expect(await store.performance.listUsage('CON-0042')).toEqual([{ ...usage, used: 65 }]);
      expect(await store.performance.listUsage('CON-0007')).toEqual([]);
    });

    it('keeps review meetings with their attendees and actions, by date', async () => {
      const held = ReviewMeetingSchema.parse({
        id: 'R-1',
        contract: 'CON-0042',
        date: '2026-10-15',
        held: true,
        attendees: ['a.khan@council.gov.uk', 'IEG4 account manager'],
        actions: [{ description: 'Send usage report', owner: 'IEG4 account manager', due: '2026-11-01' }],
      });
      const next = ReviewMeetingSchema.parse({ id: 'R-2', contract: 'CON-0042', date: '2027-04-15' });
      await store.performance.upsertReview(next, manager);
      await store.performance.upsertReview(held, manager);
      expect(await store.performance.getReview('R-1')).toEqual(held);
      expect((await store.performance.listReviews('CON-0042')).map((m) => m.id)).toEqual(['R-1', 'R-2']);
      expect(await store.performance.getReview('R-404')).toBeUndefined();
    });

    it('writes nothing when the transaction around a results import fails', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.performance.recordResults([result()], manager);
          throw new Error('interrupted');
        }),
      ).rejects.toThrow('interrupted');
      expect(await store.performance.listResults()).toEqual([]);
    });
  });
}
