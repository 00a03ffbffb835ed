import { describe, expect, it } from 'vitest';
import { computeCompliance } from './compliance.js';

describe('computeCompliance', () => {
  it('meets the 80% goal at exactly four Good results in five', () => {
    const compliance = computeCompliance(['Good', 'Good', 'Good', 'Good', 'Approaching target']);
    expect(compliance).toMatchObject({ results: 5, good: 4, share: 0.8, meetsGoal: true });
    expect(compliance.rule).toBe('4 of 5 results rated Good is 80%, meeting the 80% goal for compliance with KPIs and SLAs (DDaT strategy, Appendix E, mission 2.3).');
  });

  it('falls short at three Good results in four (75%)', () => {
    expect(computeCompliance(['Good', 'Good', 'Good', 'Other']).meetsGoal).toBe(false);
  });

  it('counts Approaching target and Other as not Good', () => {
    expect(computeCompliance(['Approaching target', 'Other']).share).toBe(0);
  });

  it('takes a different goal', () => {
    expect(computeCompliance(['Good', 'Good', 'Good', 'Inadequate'], 0.75).meetsGoal).toBe(true);
    expect(computeCompliance(['Good', 'Good', 'Good', 'Inadequate'], 0.9).meetsGoal).toBe(false);
  });

  it('says compliance cannot be measured when there are no results', () => {
    expect(computeCompliance([])).toMatchObject({ share: null, meetsGoal: false });
  });
});
