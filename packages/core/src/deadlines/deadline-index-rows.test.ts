import { describe, expect, it } from 'vitest';
import { KpiSchema } from '../performance/kpi.schema.js';
import { ContractSchema, type ContractInput } from '../register/contract.schema.js';
import { decide } from '../renewals/decisions.js';
import { deadlineIndexRows } from './deadline-index-rows.js';

const contract = (input: Partial<ContractInput> = {}) =>
  ContractSchema.parse({
    reference: 'CON-1',
    title: 'Waste',
    supplier: { name: 'Veolia' },
    owner: { email: 'A.Khan@Council.gov.uk' },
    escalationContact: { email: 'procurement@council.gov.uk' },
    endDate: '2027-03-31',
    noticePeriod: { amount: 6, unit: 'months' },
    ...input,
  });
const summary = (rows: ReturnType<typeof deadlineIndexRows>) => rows.map((r) => `${r.date} ${r.source} ${r.kind} ${r.status}`);

describe('deadlineIndexRows', () => {
  // Worked by hand: no value is recorded, so no governance lead time, and no renewal type, so
  // "unknown". Notice: 31 March 2027 minus 6 months is Wednesday 30 September 2026. Re-procure:
  // 31 March 2027 minus the open procedure's 270 days is Saturday 4 July 2026, so Friday 3 July
  // (the notice period no longer counts: notice is given while the re-procurement runs).
  it('gives a row for each renewal key date, with the owner and escalation contact lower-cased', () => {
    const rows = deadlineIndexRows({ contract: contract() }, '2026-07-01');
    expect(summary(rows)).toEqual(['2026-07-03 renewal reprocure open', '2026-09-30 renewal notice open', '2027-03-31 renewal end open']);
    expect(rows[0]).toMatchObject({ ownerEmail: 'a.khan@council.gov.uk', escalationEmail: 'procurement@council.gov.uk', moves: false, daily: false, key: 'reprocure|2026-07-03' });
  });

  it('marks the deadlines a decision settles', () => {
    const c = contract();
    const outcome = decide(c, { action: 'reprocure' }, { today: '2026-07-01', by: 'a.khan@council.gov.uk' });
    if (!outcome.success) throw new Error('decision refused');
    // Re-procuring settles the re-procurement date; notice "in case it renews automatically" stays open.
    expect(summary(deadlineIndexRows({ contract: c, decisions: [outcome.value.decision] }, '2026-07-01'))).toEqual([
      '2026-07-03 renewal reprocure settled',
      '2026-09-30 renewal notice open',
      '2027-03-31 renewal end open',
    ]);
  });

  // Worked by hand: £300,000 needs 42 days of approval. End 30 June 2027, two one-year options.
  // Extension: 30 June 2027 minus 6 months is Wednesday 30 December 2026, less 42 days is
  // Wednesday 18 November 2026. If not extended: 30 June 2027 minus 270 days is Saturday
  // 3 October 2026, so Friday 2 October, less 42 days is Friday 21 August 2026. Re-procure: the
  // latest end, 30 June 2029, minus 270 days is Tuesday 3 October 2028, less 42 days is Tuesday
  // 22 August 2028. Review: the date recorded in the register.
  it('indexes the extension decision, the re-procurement if not extended and the recorded review, and an extension settles only its own', () => {
    const c = contract({
      endDate: '2027-06-30',
      reviewDate: '2026-10-15',
      value: { total: 300_000 },
      renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 0 },
    });
    expect(summary(deadlineIndexRows({ contract: c }, '2026-07-01'))).toEqual([
      '2026-08-21 renewal reprocure-if-not-extended open',
      '2026-10-15 renewal review open',
      '2026-11-18 renewal extension open',
      '2027-06-30 renewal end open',
      '2028-08-22 renewal reprocure open',
    ]);
    const outcome = decide(c, { action: 'extend' }, { today: '2026-07-01', by: 'a.khan@council.gov.uk' });
    if (!outcome.success) throw new Error('decision refused');
    // The rows of the contract as it stood, with the decision: what the index holds until the extended contract is written.
    expect(summary(deadlineIndexRows({ contract: c, decisions: [outcome.value.decision] }, '2026-07-01'))).toEqual([
      '2026-08-21 renewal reprocure-if-not-extended settled',
      '2026-10-15 renewal review open',
      '2026-11-18 renewal extension settled',
      '2027-06-30 renewal end open',
      '2028-08-22 renewal reprocure open',
    ]);
  });

  it('rolls a tacit renewal forward to the day, keeping the unrolled date as the floor, and asks to be recomputed daily', () => {
    const rows = deadlineIndexRows({ contract: contract({ endDate: '2025-01-31', renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'years' } } }) }, '2026-07-01');
    const renewal = rows.find((r) => r.kind === 'renewal');
    expect(renewal).toMatchObject({ date: '2027-01-31', floorDate: '2025-01-31', moves: true, daily: true });
    expect(rows.every((r) => r.daily && r.floorDate <= r.date)).toBe(true);
  });

  it('adds the Procurement Act duties, settled once published', () => {
    const act = contract({
      startDate: '2025-12-01',
      endDate: '2029-11-30',
      value: { total: 1_000_000 },
      law: { regime: 'PA2023', procurementStarted: '2025-03-01', enteredInto: '2025-11-20', contractType: 'services', vatIncluded: true },
    });
    const published = { reference: 'CON-1', obligation: 'UK7', key: 'UK7', publishedOn: '2025-12-10', recordedBy: 'x', recordedAt: 'x' };
    const before = deadlineIndexRows({ contract: act }, '2026-07-01').filter((r) => r.source === 'procurement-act');
    const after = deadlineIndexRows({ contract: act, publications: [published] }, '2026-07-01').filter((r) => r.source === 'procurement-act');
    expect(summary(before)).toEqual(['2025-12-19 procurement-act UK7 open', '2029-12-29 procurement-act UK11 open']);
    expect(summary(after)[0]).toBe('2025-12-19 procurement-act UK7 settled');
  });

  it('adds the KPI results due and the next review, and a contract with KPIs is recomputed daily', () => {
    const kpi = KpiSchema.parse({ contract: 'CON-1', name: 'Collections', measure: 'percentage', target: 99, frequency: 'quarterly', from: '2026-01-01' });
    const rows = deadlineIndexRows({ contract: contract({ startDate: '2026-01-01' }), kpis: [kpi] }, '2026-07-01').filter((r) => r.source === 'performance');
    expect(summary(rows)).toEqual(['2026-03-31 performance kpi-result open', '2026-06-30 performance kpi-result open', '2026-07-01 performance review open', '2026-09-30 performance kpi-result open']);
    expect(rows.every((r) => r.daily)).toBe(true);
  });
});
