import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../register/contract.schema.js';
import { ReviewMeetingSchema, type ReviewMeetingInput } from './kpi.schema.js';
import { DEFAULT_REVIEW_SETTINGS, nextReview, overdueReviewActions } from './review-schedule.js';

const contract = ContractSchema.parse({ reference: 'CON-0042', title: 'Online forms', supplier: { name: 'IEG4' }, startDate: '2026-04-01', value: { annual: 100000 } });
const meeting = (overrides: Partial<ReviewMeetingInput>) => ReviewMeetingSchema.parse({ id: 'R-1', contract: 'CON-0042', date: '2026-10-15', ...overrides });

describe('nextReview (six-monthly by default)', () => {
  it('counts six months from the contract start when no review has been held', () => {
    const next = nextReview(contract, []);
    expect(next?.date).toBe('2026-10-01');
    expect(next?.rule).toBe(
      "Reviews are held twice a year, the council's default (DDaT strategy, Appendix E, mission 2.3: bi-annual review meetings), so every 6 months: the contract start on Wednesday 1 April 2026 plus 6 months is Thursday 1 October 2026.",
    );
  });

  it('counts six months from the last review held', () => {
    expect(nextReview(contract, [meeting({ held: true, date: '2026-10-15' }), meeting({ id: 'R-0', held: true, date: '2026-04-20' })])?.date).toBe('2027-04-15');
  });

  it('clamps to the end of a shorter month', () => {
    expect(nextReview(contract, [meeting({ held: true, date: '2026-08-31' })])?.date).toBe('2027-02-28');
  });

  it('takes a meeting already scheduled', () => {
    expect(nextReview(contract, [meeting({ held: true }), meeting({ id: 'R-2', date: '2027-03-03' })])).toMatchObject({ kind: 'review', date: '2027-03-03' });
  });

  it('uses the value band, then the contract’s own setting', () => {
    const settings = { ...DEFAULT_REVIEW_SETTINGS, bands: [{ fromAnnualValue: 50000, perYear: 4 }, { fromAnnualValue: 500000, perYear: 12 }] };
    expect(nextReview(contract, [], settings)?.date).toBe('2026-07-01');
    expect(nextReview(contract, [], settings, 1)?.date).toBe('2027-04-01');
  });

  it('has no next review without a start date or a meeting', () => {
    expect(nextReview({ ...contract, startDate: undefined } as never, [])).toBeUndefined();
  });
});

describe('overdueReviewActions', () => {
  it('reports open actions past their due date, not those done or not yet due', () => {
    const held = meeting({
      held: true,
      actions: [
        { description: 'Send usage report', owner: 'a.khan@council.gov.uk', due: '2026-11-01' },
        { description: 'Agree new SLA', owner: 'b.jones@council.gov.uk', due: '2026-11-01', done: true },
        { description: 'Price review', owner: 'a.khan@council.gov.uk', due: '2026-12-01' },
      ],
    });
    const overdue = overdueReviewActions([held], '2026-11-26');
    expect(overdue.map((a) => a.description)).toEqual(['Send usage report']);
    expect(overdue[0]?.deadline).toMatchObject({ reference: 'CON-0042', kind: 'review-action', date: '2026-11-01' });
  });
});
