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
  it('gives a row for each renewal key date, with the owner and escalation contact lower-cased', () => {
    const rows = deadlineIndexRows({ contract: contract() }, '2026-07-01');
    expect(summary(rows)).toEqual(['2026-01-02 renewal reprocure open', '2026-09-30 renewal notice open', '2027-03-31 renewal end open']);
    expect(rows[0]).toMatchObject({ ownerEmail: 'a.khan@council.gov.uk', escalationEmail: 'procurement@council.gov.uk', moves: false, daily: false, key: 'reprocure|2026-01-02' });
  });

  it('marks the deadlines a decision settles', () => {
    const c = contract();
    const outcome = decide(c, { action: 'reprocure' }, { today: '2026-07-01', by: 'a.khan@council.gov.uk' });
    if (!outcome.success) throw new Error('decision refused');
    expect(summary(deadlineIndexRows({ contract: c, decisions: [outcome.value.decision] }, '2026-07-01'))).toEqual([
      '2026-01-02 renewal reprocure settled',
      '2026-09-30 renewal notice open',
      '2027-03-31 renewal end open',
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
