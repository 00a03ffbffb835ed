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
  renewalsDigestFromStore,
  addDays,
  daysBetween,
  type AuditContext,
  type Contract,
  type ContractInput,
  type DeadlineIndexRow,
  type DecisionRequest,
  type ModificationRecord,
  type Store,
} from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { spreadsheetFile } from '../support/spreadsheet-file.js';
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
  // Options: an extension decision and a re-procurement if not extended; and a review date recorded in the register.
  makeContract({ reference: 'CON-0044', endDate: '2027-06-30', reviewDate: '2026-12-01', renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 0 } }),
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
      // Worked by hand: CON-0042 is worth £300,000, so its decisions need 42 days of approval, and
      // records no renewal type, so notice is given in case it renews automatically.
      expect(rows.filter((r) => r.reference === 'CON-0042').map((r) => [r.source, r.kind, r.date, r.status])).toEqual([
        // The start, 1 April 2024, plus six months (two reviews a year).
        ['performance', 'review', '2024-10-01', 'open'],
        // 31 March 2027 minus the open procedure's 270 days is Saturday 4 July 2026, so Friday 3 July; less 42 days.
        ['renewal', 'reprocure', '2026-05-22', 'open'],
        // 31 March 2027 minus the 6-month notice period is Wednesday 30 September 2026; less 42 days.
        ['renewal', 'notice', '2026-08-19', 'open'],
        ['renewal', 'end', '2027-03-31', 'open'],
      ]);
      // The new kinds are indexed too (30 June 2027 minus 270 days is Saturday 3 October 2026, so Friday 2 October; less 42 days).
      expect(rows.filter((r) => r.reference === 'CON-0044' && r.source === 'renewal' && ['reprocure-if-not-extended', 'review', 'extension'].includes(r.kind)).map((r) => `${r.date} ${r.kind}`)).toEqual([
        '2026-08-21 reprocure-if-not-extended',
        '2026-11-18 extension',
        '2026-12-01 review',
      ]);
      const uk7 = rows.find((r) => r.reference === 'CON-ACT' && r.kind === 'UK7');
      expect(uk7).toMatchObject({ source: 'procurement-act', date: '2025-12-19', ownerEmail: 'b.ode@council.gov.uk', escalationEmail: 'procurement@council.gov.uk', status: 'open' });
      expect(rows.find((r) => r.reference === 'CON-0043')?.ownerEmail).toBe('b.ode@council.gov.uk');
    });

    it('stays equal to a full recomputation after an import, an edit, a decision, a modification, a publication, KPIs, results, a review, a deletion and a rename', async () => {
      const changes: [string, () => Promise<unknown>][] = [
        ['import', () => importRegister(store, spreadsheetFile(csvFileOf(register())), { dryRun: false, actor: 'p.officer@council.gov.uk', at: new Date(`${TODAY}T09:00:00Z`) })],
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
        // A provisional reference replaced by the real one, as an import does.
        ['rename', () => store.contracts.rename('CON-0042', 'BAN12005', at(TODAY))],
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
      // Worked by hand (every contract here is worth £300,000: 42 days of approval before a decision):
      // CON-0042's notice, 30 September 2026 less 42 days; CON-0044's re-procurement if not
      // extended, 2 October 2026 less 42 days; CON-ROLL's notice, its term rolled to 31 January
      // 2027 minus 3 months (Saturday 31 October 2026, so Friday 30 October) less 42 days;
      // CON-0043's end. CON-0043's notice (28 August less 42 days, 17 July) is before the window.
      expect(window.map((r) => `${r.date} ${r.reference} ${r.kind}`)).toEqual([
        '2026-08-19 CON-0042 notice',
        '2026-08-21 CON-0044 reprocure-if-not-extended',
        '2026-09-18 CON-ROLL notice',
        '2026-09-30 CON-0043 end',
      ]);
      const bens = await store.deadlines.list({ ownerEmail: 'B.ODE@council.gov.uk' });
      expect(new Set(bens.map((r) => r.reference))).toEqual(new Set(['CON-0043', 'CON-ACT']));
      const overdue = await store.deadlines.overdue(TODAY, { source: 'renewal' });
      expect(overdue.every((r) => r.date < TODAY && r.status === 'open')).toBe(true);
      // CON-0042's re-procurement date (22 May 2026) has passed, but the decision settled it.
      expect(overdue.map((r) => `${r.reference} ${r.kind}`)).not.toContain('CON-0042 reprocure');
      expect((await store.deadlines.list({ source: 'renewal', from: '2026-05-22', to: '2026-05-22' })).map((r) => `${r.reference} ${r.kind} ${r.status}`)).toEqual(['CON-0042 reprocure settled']);
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

    it('counts, totals and names the first contracts of a digest exactly as a scan of the whole register does', async () => {
      // Annual values of their own, so a total that counted a contract twice, or missed one, shows.
      const annual = [120_000, 45_500, 300_000, undefined, 9_999, 2_000_000];
      await store.contracts.upsertMany(register().map((c, i) => ({ ...c, value: { ...c.value, ...(annual[i] === undefined ? {} : { annual: annual[i] }) } })), at(TODAY));
      await decideAndRecord(store, 'CON-0044', { action: 'extend' }, TODAY);
      const all = await store.contracts.list();
      const decisions = await store.renewals.listDecisions();
      const byReference = new Map(all.map((c) => [c.reference, c]));
      for (const today of ['2024-01-15', TODAY, '2026-12-25', '2028-02-29']) {
        for (const [from, to] of [[today, addDays(today, 90)], [addDays(today, 30), addDays(today, 365)], [addDays(today, -30), today], [today, addDays(today, 2000)]] as const) {
          for (const ownerEmail of [undefined, 'b.ode@council.gov.uk']) {
            for (const kinds of [undefined, ['end', 'renewal']]) {
              for (const limit of [1, 2, 25]) {
                const scope = ownerEmail ? all.filter((c) => c.owner?.email === ownerEmail) : all;
                const expected = listRenewals(scope, decisions, today, { within: Math.max(0, daysBetween(today, to)) }).filter(
                  (r) => !r.overdue && r.date >= from && r.date <= to && (kinds === undefined || kinds.includes(r.kind)),
                );
                const references = [...new Set(expected.map((r) => r.reference))];
                const digest = await renewalsDigestFromStore(store, today, { from, to, limit, ...(ownerEmail ? { ownerEmail } : {}), ...(kinds ? { kinds } : {}) });
                const what = `on ${today} from ${from} to ${to} for ${ownerEmail ?? 'everyone'}, kinds ${kinds?.join(',') ?? 'all'}, first ${limit}`;
                expect(digest.count, what).toBe(references.length);
                expect(digest.annualTotal, what).toBe(references.reduce((sum, r) => sum + (byReference.get(r)?.value.annual ?? 0), 0));
                const first = references.slice(0, limit);
                expect([...new Set(digest.rows.map((r) => r.reference))].slice(0, limit), what).toEqual(first);
                expect(digest.rows.filter((r) => first.includes(r.reference)), what).toEqual(expected.filter((r) => first.includes(r.reference)));
              }
            }
          }
        }
      }
    });

    it('answers a digest asked again after a change exactly as a scan does, whichever instance made the change', async () => {
      // A second bot instance, or the CLI, on the same database: its changes must show here at once.
      const beside = await factory.openBeside();
      await store.contracts.upsertMany(register(), at(TODAY));
      const window = { from: TODAY, to: addDays(TODAY, 400), limit: 25 } as const;
      const expectDigestAsScanned = async (what: string) => {
        const all = await store.contracts.list();
        const expected = listRenewals(all, await store.renewals.listDecisions(), TODAY, { within: 400 }).filter((r) => !r.overdue && r.date >= window.from && r.date <= window.to);
        const references = [...new Set(expected.map((r) => r.reference))];
        for (const asker of [store, beside]) {
          // Asked twice: the second answer may come from memory, and must still be right.
          for (let round = 0; round < 2; round += 1) {
            const digest = await renewalsDigestFromStore(asker, TODAY, window);
            expect(digest.count, what).toBe(references.length);
            expect(digest.annualTotal, what).toBe(references.reduce((sum, r) => sum + (all.find((c) => c.reference === r)?.value.annual ?? 0), 0));
            expect([...new Set(digest.rows.map((r) => r.reference))], what).toEqual(references);
            // What the card shows of each contract is as stored now, not as first asked.
            expect(new Map(digest.contracts.map((c) => [c.reference, c.title])), what).toEqual(new Map(all.filter((c) => references.includes(c.reference)).map((c) => [c.reference, c.title])));
          }
        }
      };
      await expectDigestAsScanned('after the import');
      await beside.contracts.upsert({ ...makeContract({ reference: 'CON-NEW', endDate: addDays(TODAY, 100) }), value: { annual: 77_000 } }, at(TODAY));
      await expectDigestAsScanned('after a contract added beside');
      const retitled = await beside.contracts.get('CON-0044');
      if (!retitled) throw new Error('CON-0044 is missing');
      await beside.contracts.upsert({ ...retitled, title: 'Waste collection, retendered' }, at(TODAY));
      await expectDigestAsScanned('after a title changed beside');
      await decideAndRecord(beside, 'CON-0044', { action: 'extend' }, TODAY);
      await expectDigestAsScanned('after a decision recorded beside');
      await store.contracts.delete('CON-0042', at(TODAY));
      await expectDigestAsScanned('after a deletion here');
      await beside.contracts.delete('CON-NEW', at(TODAY));
      await expectDigestAsScanned('after a deletion beside');
      // A change rolled back leaves the answer as it was.
      await expect(
        beside.transaction(async (tx) => {
          await tx.contracts.upsert(makeContract({ reference: 'CON-GONE', endDate: addDays(TODAY, 50) }), at(TODAY));
          throw new Error('abandoned');
        }),
      ).rejects.toThrow('abandoned');
      await expectDigestAsScanned('after a change rolled back');
    });

    it('loads only the contracts of the rows it shows', async () => {
      await store.contracts.upsertMany(register(), at(TODAY));
      const loaded: string[] = [];
      const contractsRead = Object.assign(Object.create(store.contracts) as Store['contracts'], {
        list: () => Promise.reject(new Error('read the whole register')),
        getMany: async (references: readonly string[]) => {
          loaded.push(...references);
          return store.contracts.getMany(references);
        },
      });
      const watched = Object.assign(Object.create(store) as Store, { contracts: contractsRead });
      const { rows, contracts } = await listRenewalsFromStore(watched, TODAY, { within: 90 });
      // From 3 May (60 days overdue) to 30 September 2026, with 42 days of approval on each
      // £300,000 decision: CON-0042's re-procurement (3 July less 42 days) and notice (30
      // September less 42 days), CON-0043's notice (28 August less 42 days) and end, CON-0044's
      // re-procurement if not extended (2 October less 42 days), CON-ROLL's notice (30 October less 42 days).
      expect(rows.map((r) => `${r.date} ${r.reference} ${r.kind}`)).toEqual([
        '2026-05-22 CON-0042 reprocure',
        '2026-07-17 CON-0043 notice',
        '2026-08-19 CON-0042 notice',
        '2026-08-21 CON-0044 reprocure-if-not-extended',
        '2026-09-18 CON-ROLL notice',
        '2026-09-30 CON-0043 end',
      ]);
      expect(contracts.map((c) => c.reference).sort()).toEqual(['CON-0042', 'CON-0043', 'CON-0044', 'CON-ROLL']);
      // Neither the Act contract nor the one with no end date is read.
      expect([...loaded].sort()).toEqual(['CON-0042', 'CON-0043', 'CON-0044', 'CON-ROLL']);
    });

    it('reads the whole register when asked with renewal rules other than the index\'s, and still answers right', async () => {
      await store.contracts.upsertMany(register(), at(TODAY));
      // Worked by hand: a default notice period of 12 months puts CON-NONOTICE's notice at 30
      // September 2027 minus 12 months, Wednesday 30 September 2026, less 42 days of approval:
      // 19 August 2026, in the window. Under the index's 3 months it is 19 May 2027, and its
      // re-procurement (31 December 2026 less 42 days, 19 November) is outside the window either way.
      const settings = { ...DEFAULT_RENEWAL_SETTINGS, defaultNoticePeriod: { amount: 12, unit: 'months' as const } };
      const withNoNotice = makeContract({ reference: 'CON-NONOTICE', noticePeriod: undefined, endDate: '2027-09-30' });
      await store.contracts.upsert(withNoNotice, at(TODAY));
      const expected = listRenewals(await store.contracts.list(), [], TODAY, { within: 60, settings });
      expect(expected.map((r) => r.reference)).toContain('CON-NONOTICE');
      expect((await listRenewalsFromStore(store, TODAY, { within: 60, settings })).rows).toEqual(expected);
    });

    it('reads the whole register when asked with governance lead times other than the index\'s', async () => {
      await store.contracts.upsertMany(register(), at(TODAY));
      // Worked by hand: with 200 days of approval on every decision, CON-SLOW's notice is 30 July
      // 2027 minus 6 months (Saturday 30 January, so Friday 29 January 2027) less 200 days:
      // Monday 13 July 2026, in the window. Its re-procurement (30 July 2027 minus 270 days is
      // Sunday 1 November 2026, so Friday 30 October) less 200 days is 13 April 2026, more than
      // 60 days overdue. Under the index's 42 days they are 18 December and 18 September 2026,
      // both after the window, so the index alone would not find the contract.
      const settings = { ...DEFAULT_RENEWAL_SETTINGS, governanceBands: [{ days: 200 }] };
      await store.contracts.upsert(makeContract({ reference: 'CON-SLOW', endDate: '2027-07-30' }), at(TODAY));
      const expected = listRenewals(await store.contracts.list(), [], TODAY, { within: 60, settings });
      expect(expected.filter((r) => r.reference === 'CON-SLOW').map((r) => `${r.date} ${r.kind}`)).toEqual(['2026-07-13 notice']);
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
