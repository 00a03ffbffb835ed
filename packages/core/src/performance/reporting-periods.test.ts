import { describe, expect, it } from 'vitest';
import { KpiSchema, type KpiResult } from './kpi.schema.js';
import { reportingPeriods, resultDeadlines } from './reporting-periods.js';

const kpi = KpiSchema.parse({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99, frequency: 'quarterly', from: '2026-04-01' });
const result = (periodStart: string, periodEnd: string): KpiResult => ({
  contract: 'CON-0042',
  kpi: 'Availability',
  periodStart,
  periodEnd,
  value: 99.5,
  enteredBy: 'a.khan@council.gov.uk',
  enteredAt: '2026-07-02T09:00:00Z',
});

describe('reportingPeriods', () => {
  it('lists quarters from the first day up to the one containing the day given', () => {
    expect(reportingPeriods(kpi, '2026-10-01')).toEqual([
      { start: '2026-04-01', end: '2026-06-30' },
      { start: '2026-07-01', end: '2026-09-30' },
      { start: '2026-10-01', end: '2026-12-31' },
    ]);
  });

  it('counts months from the first day so a 31st does not drift', () => {
    expect(reportingPeriods({ from: '2026-01-31', frequency: 'monthly' }, '2026-03-31').map((p) => p.end)).toEqual(['2026-02-27', '2026-03-30', '2026-04-29']);
  });
});

describe('resultDeadlines', () => {
  it('makes a missing result overdue once its period has ended', () => {
    const deadlines = resultDeadlines(kpi, [result('2026-04-01', '2026-06-30')], '2026-10-05');
    expect(deadlines.map((d) => d.date)).toEqual(['2026-09-30', '2026-12-31']);
    expect(deadlines[0]).toEqual({
      reference: 'CON-0042',
      kind: 'kpi-result',
      date: '2026-09-30',
      period: { start: '2026-07-01', end: '2026-09-30' },
      rule: 'The quarterly result for "Availability" for Wednesday 1 July 2026 to Wednesday 30 September 2026 is due when the period ends, on Wednesday 30 September 2026, and none is recorded.',
    });
  });

  it('is not overdue on the last day of the period, and allows days of grace', () => {
    expect(resultDeadlines(kpi, [], '2026-06-30').map((d) => d.date)).toEqual(['2026-06-30']);
    expect(resultDeadlines(kpi, [], '2026-07-01', 10).map((d) => d.date)).toEqual(['2026-07-10', '2026-10-10']);
  });
});
