import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_RENEWAL_SETTINGS,
  KpiSchema,
  ReviewMeetingSchema,
  compareRows,
  deadlineIndexRows,
  decide,
  importRegister,
  listRenewals,
  listRenewalsFromStore,
  type AuditContext,
  type Contract,
  type ContractInput,
  type DeadlineIndexRow,
  type DecisionRequest,
  type ModificationRecord,
  type Store,
} from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { STORE_FACTORIES } from '../support/stores.js';

const TODAY = '2026-07-02';
const at = (day: string): AuditContext => ({ actor: 'p.officer@council.gov.uk', source: 'test', at: new Date(`${day}T09:00:00Z`) });

/** An Act contract over £5m, so it has UK7, a copy, KPIs, UK9s and UK11. */
const actContract = (overrides: Partial<ContractInput> = {}) =>
  makeContract({
    reference: 'CON-ACT',
    owner: { name: 'Ben Ode', email: 'b.ode@council.gov.uk' },
    escalationContact: { name: 'Head of Procurement', email: 'procurement@council.gov.uk' },
    startDate: '2025-12-01',
    endDate: '2029-11-30',
    value: { total: 8_000_000 },
    law: { regime: 'PA2023', procurementStarted: '2025-03-01', enteredInto: '2025-11-20', contractType: 'services', vatIncluded: true },
    ...overrides,
  });
/** A tacitly renewing contract whose recorded end has passed: its dates roll forward with the day. */
const rolling = () => makeContract({ reference: 'CON-ROLL', endDate: '2025-01-31', renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'years' } }, noticePeriod: { amount: 3, unit: 'months' } });
const register = (): Contract[] => [
  makeContract({ reference: 'CON-0042' }),
  makeContract({ reference: 'CON-0043', endDate: '2026-09-30', noticePeriod: { amount: 1, unit: 'months' }, owner: { name: 'Ben Ode', email: 'B.Ode@council.gov.uk' } }),
  makeContract({ reference: 'CON-0044', endDate: '2027-06-30', renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 0 } }),
  makeContract({ reference: 'CON-NOEND', endDate: undefined }),
  rolling(),
  actContract(),
];
const modification = (id: string, date: string): ModificationRecord => ({
  id, reference: 'CON-ACT', date, valueChange: 600_000, termChangeDays: 0, ground: 'not-substantial', reason: 'more bins', regime: 'PA2023',
  belowThreshold: false, noticeRequired: true, recordedBy: 'p.officer@council.gov.uk', recordedAt: '2026-07-02T09:00:00.000Z',
});

/** What the index should hold: every contract's rows worked out again from everything stored. */
async function recomputed(store: Store, today: string): Promise<DeadlineIndexRow[]> {
  const [contracts, decisions, kpis, results, meetings] = await Promise.all([
    store.contracts.list(),
    store.renewals.listDecisions(),
    store.performance.listKpis(),
    store.performance.listResults(),
    store.performance.listReviews(),
  ]);
  const rows: DeadlineIndexRow[] = [];
  for (const contract of contracts) {
    const reference = contract.reference;
    rows.push(
      ...deadlineIndexRows(
        {
          contract,
          decisions: [...decisions].reverse().filter((d) => d.reference === reference),
          modifications: await store.procurementAct.listModifications(reference),
          publications: await store.procurementAct.listPublications(reference),
          kpis: kpis.filter((k) => k.contract === reference),
          kpiResults: results.filter((r) => r.contract === reference),
          reviewMeetings: meetings.filter((m) => m.contract === reference),
        },
        today,
        store.deadlines.rules,
      ),
    );
  }
  return rows.sort(compareRows);
}

/** The index as stored, without the day each row was computed on. */
async function indexed(store: Store): Promise<DeadlineIndexRow[]> {
  return (await store.deadlines.list()).map(({ asOf: _asOf, ...row }) => row);
}

async function decideAndRecord(store: Store, reference: string, request: DecisionRequest, today: string): Promise<void> {
  const contract = await store.contracts.get(reference);
  if (!contract) throw new Error(`no ${reference}`);
  const outcome = decide(contract, request, { today, by: 'a.khan@council.gov.uk' });
  if (!outcome.success) throw new Error(outcome.problems.map((p) => p.message).join('; '));
  await store.renewals.recordDecision(outcome.value, at(today));
}

for (const makeFactory of STORE_FACTORIES) {
  const factory = makeFactory();

  describe(`storage conformance: the deadline index on ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterAll(() => factory.cleanup(), 60_000);

    it('holds a row for every key date, statutory duty and performance deadline of an imported register, with owner and escalation contact', async () => {
      await store.contracts.upsertMany(register(), at(TODAY));
      const rows = await indexed(store);
      expect(rows).toEqual(await recomputed(store, TODAY));
      expect(rows.filter((r) => r.reference === 'CON-0042').map((r) => [r.source, r.kind, r.date, r.status])).toEqual([
        // The start, 1 April 2024, plus six months (two reviews a year).
        ['performance', 'review', '2024-10-01', 'open'],
        ['renewal', 'reprocure', '2026-01-02', 'open'],
        ['renewal', 'notice', '2026-09-30', 'open'],
        ['renewal', 'end', '2027-03-31', 'open'],
      ]);
      const uk7 = rows.find((r) => r.reference === 'CON-ACT' && r.kind === 'UK7');
      expect(uk7).toMatchObject({ source: 'procurement-act', date: '2025-12-19', ownerEmail: 'b.ode@council.gov.uk', escalationEmail: 'procurement@council.gov.uk', status: 'open' });
      expect(rows.find((r) => r.reference === 'CON-0043')?.ownerEmail).toBe('b.ode@council.gov.uk');
    });

    it('stays equal to a full recomputation after an import, an edit, a decision, a modification, a publication, KPIs, results, a review and a deletion', async () => {
      const changes: [string, () => Promise<unknown>][] = [
        ['import', () => importRegister(store, csvFileOf(register()), { dryRun: false, actor: 'p.officer@council.gov.uk', at: new Date(`${TODAY}T09:00:00Z`) })],
        ['import of the rest', () => store.transaction((tx) => tx.contracts.upsertMany(register(), at(TODAY)))],
        ['edit', () => store.contracts.upsert({ ...makeContract({ reference: 'CON-0042' }), endDate: '2027-09-30', owner: { name: 'Ben Ode', email: 'b.ode@council.gov.uk' } }, at(TODAY))],
        ['extension', () => decideAndRecord(store, 'CON-0044', { action: 'extend' }, TODAY)],
        ['re-procurement', () => decideAndRecord(store, 'CON-0043', { action: 'reprocure' }, TODAY)],
        ['snooze', () => decideAndRecord(store, 'CON-0042', { action: 'snooze', days: 14 }, TODAY)],
        ['modification', () => store.procurementAct.addModification(modification('M-1', '2026-08-01'), at(TODAY))],
        ['publication', () => store.procurementAct.recordPublication({ reference: 'CON-ACT', obligation: 'UK7', key: 'UK7', publishedOn: '2025-12-10', recordedBy: 'x', recordedAt: 'x' }, at(TODAY))],
        ['KPI', () => store.performance.upsertKpi(KpiSchema.parse({ contract: 'CON-ACT', name: 'Collections', measure: 'percentage', target: 99, frequency: 'quarterly', from: '2025-12-01' }), at(TODAY))],
        ['result', () => store.performance.recordResults([{ contract: 'CON-ACT', kpi: 'Collections', periodStart: '2025-12-01', periodEnd: '2026-02-28', value: 99.5, enteredBy: 'x', enteredAt: 'x' }], at(TODAY))],
        ['review', () => store.performance.upsertReview(ReviewMeetingSchema.parse({ id: 'R-1', contract: 'CON-ACT', date: '2026-09-15', actions: [{ description: 'Fix rounds', owner: 'Veolia', due: '2026-10-01' }] }), at(TODAY))],
        ['deletion', () => store.contracts.delete('CON-0043', at(TODAY))],
      ];
      for (const [change, run] of changes) {
        const before = await indexed(store);
        await run();
        const after = await indexed(store);
        expect(after, `after the ${change}`).toEqual(await recomputed(store, TODAY));
        if (change !== 'snooze') expect(after, `the ${change} changes the index`).not.toEqual(before);
      }
      expect((await indexed(store)).some((r) => r.reference === 'CON-0043')).toBe(false);
    });

    it('is recomputed by the daily run for the dates that move with the day, and only those', async () => {
      await store.contracts.upsertMany(register(), at(TODAY));
      const nextYear = '2027-07-02';
      expect(await indexed(store)).not.toEqual(await recomputed(store, nextYear));
      expect(await store.deadlines.refresh(nextYear)).toBe(1);
      expect(await indexed(store)).toEqual(await recomputed(store, nextYear));
      expect(new Set((await store.deadlines.list()).filter((r) => r.asOf === nextYear).map((r) => r.reference))).toEqual(new Set(['CON-ROLL']));
      expect(await store.deadlines.refresh(nextYear)).toBe(0);
    });

    it('rolls back with the transaction that made the change', async () => {
      await store.contracts.upsertMany(register(), at(TODAY));
      const before = await indexed(store);
      await expect(
        store.transaction(async (tx) => {
          await tx.contracts.upsert({ ...makeContract({ reference: 'CON-0042' }), endDate: '2030-03-31' }, at(TODAY));
          await tx.contracts.delete('CON-ACT', at(TODAY));
          throw new Error('interrupted');
        }),
      ).rejects.toThrow('interrupted');
      expect(await indexed(store)).toEqual(before);
    });

    it('lists rows by date range, by owner, and the open ones overdue', async () => {
      await store.contracts.upsertMany(register(), at(TODAY));
      await decideAndRecord(store, 'CON-0042', { action: 'reprocure' }, TODAY);
      const window = await store.deadlines.list({ source: 'renewal', from: '2026-08-01', to: '2026-09-30' });
      expect(window.map((r) => `${r.date} ${r.reference} ${r.kind}`)).toEqual(['2026-08-28 CON-0043 notice', '2026-09-30 CON-0042 notice', '2026-09-30 CON-0043 end']);
      const bens = await store.deadlines.list({ ownerEmail: 'B.ODE@council.gov.uk' });
      expect(new Set(bens.map((r) => r.reference))).toEqual(new Set(['CON-0043', 'CON-ACT']));
      const overdue = await store.deadlines.overdue(TODAY, { source: 'renewal' });
      expect(overdue.every((r) => r.date < TODAY && r.status === 'open')).toBe(true);
      // CON-0042's re-procurement date (2 January 2026) has passed, but the decision settled it.
      expect(overdue.map((r) => `${r.reference} ${r.kind}`)).not.toContain('CON-0042 reprocure');
      expect((await store.deadlines.list({ source: 'renewal', from: '2026-01-02', to: '2026-01-02' })).map((r) => `${r.reference} ${r.kind} ${r.status}`)).toEqual(['CON-0042 reprocure settled']);
    });

    it('answers the renewals list exactly as a scan of the whole register does, on any day and window', async () => {
      await store.contracts.upsertMany(register(), at(TODAY));
      await decideAndRecord(store, 'CON-0044', { action: 'extend' }, TODAY);
      await decideAndRecord(store, 'CON-0042', { action: 'snooze', days: 30 }, TODAY);
      const all = await store.contracts.list();
      const decisions = await store.renewals.listDecisions();
      for (const today of ['2024-01-15', '2025-06-01', TODAY, '2026-12-25', '2028-02-29', '2031-01-01']) {
        for (const within of [undefined, 0, 30, 90, 365]) {
          for (const ownerEmail of [undefined, 'b.ode@council.gov.uk']) {
            const scope = ownerEmail ? all.filter((c) => c.owner?.email === ownerEmail) : all;
            const expected = listRenewals(scope, decisions, today, within === undefined ? {} : { within });
            const { rows, contracts } = await listRenewalsFromStore(store, today, { ...(within === undefined ? {} : { within }), ...(ownerEmail ? { ownerEmail } : {}) });
            expect(rows, `on ${today} within ${within} for ${ownerEmail ?? 'everyone'}`).toEqual(expected);
            expect(new Set(contracts.map((c) => c.reference))).toEqual(new Set(expected.map((r) => r.reference)));
          }
        }
      }
    });

    it('loads only the contracts of the rows it shows', async () => {
      await store.contracts.upsertMany(register(), at(TODAY));
      const { rows, contracts } = await listRenewalsFromStore(store, TODAY, { within: 90 });
      expect(rows.map((r) => `${r.date} ${r.reference} ${r.kind}`)).toEqual(['2026-08-28 CON-0043 notice', '2026-09-30 CON-0042 notice', '2026-09-30 CON-0043 end']);
      expect(contracts.map((c) => c.reference).sort()).toEqual(['CON-0042', 'CON-0043']);
    });

    it('reads the whole register when asked with renewal rules other than the index\'s, and still answers right', async () => {
      await store.contracts.upsertMany(register(), at(TODAY));
      const settings = { ...DEFAULT_RENEWAL_SETTINGS, defaultNoticePeriod: { amount: 9, unit: 'months' as const } };
      const withNoNotice = makeContract({ reference: 'CON-NONOTICE', noticePeriod: undefined, endDate: '2027-02-15' });
      await store.contracts.upsert(withNoNotice, at(TODAY));
      const expected = listRenewals(await store.contracts.list(), [], TODAY, { within: 60, settings });
      expect(expected.map((r) => r.reference)).toContain('CON-NONOTICE');
      expect((await listRenewalsFromStore(store, TODAY, { within: 60, settings })).rows).toEqual(expected);
    });
  });
}

/** The plain contracts as a register CSV file the importer reads. */
function csvFileOf(contracts: readonly Contract[]): string {
  const header = 'Reference,Title,Supplier,Owner,Owner email,Start date,End date,Notice period';
  const lines = contracts
    .filter((c) => c.law === undefined && c.renewal.type === 'fixed')
    .map((c) => [c.reference, c.title, c.supplier.name, c.owner?.name ?? '', c.owner?.email ?? '', c.startDate ?? '', c.endDate ?? '', c.noticePeriod ? `${c.noticePeriod.amount} ${c.noticePeriod.unit}` : ''].join(','));
  const file = join(mkdtempSync(join(tmpdir(), 'steward-index-')), 'register.csv');
  writeFileSync(file, [header, ...lines].join('\n'));
  return file;
}
