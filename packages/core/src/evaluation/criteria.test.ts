import { describe, expect, it } from 'vitest';
import { CRITERION_IDS, criterionById, TDA_CRITERIA } from './criteria.js';

describe('the ten TDA rules of Appendix K', () => {
  it('lists ten rules in Appendix K order, numbered 1 to 10', () => {
    expect(TDA_CRITERIA.map((c) => c.id)).toEqual([...CRITERION_IDS]);
    expect(TDA_CRITERIA.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('words the standards rule as the strategy does: Technology Code of Practice, integration and WCAG', () => {
    const standards = criterionById('standards');
    expect(standards.title).toBe('Technology Standards Compliance');
    expect(standards.questions).toHaveLength(3);
    expect(standards.questions[0]).toContain("Government Digital Service's Technology Code of Practice");
    expect(standards.questions[1]).toContain('feasibility of integration with other systems and applications');
    expect(standards.questions[2]).toContain('Assess how well proposed solutions meet WCAG accessibility standards.');
  });

  it('asks for monetisable and non-monetisable benefits under cost–benefit analysis', () => {
    const costBenefit = criterionById('cost-benefit');
    expect(costBenefit.title).toBe('Cost–Benefit Analysis');
    expect(costBenefit.questions.at(-1)).toContain('non-monetisable benefits, such as social, environmental or well-being benefits');
  });

  it('gives every rule a title and at least two guidance questions', () => {
    for (const criterion of TDA_CRITERIA) {
      expect(criterion.title.length).toBeGreaterThan(5);
      expect(criterion.questions.length).toBeGreaterThanOrEqual(2);
    }
  });
});
