import { CRITERION_IDS } from './criteria.js';
import type { EvaluationInput } from './evaluation.schema.js';

/**
 * A blank evaluation to fill in: equal weights, the standards rule as a gate (Technology
 * Code of Practice and WCAG), and two options with a score line per criterion and five years
 * of cash flows. It does not pass validation until someone fills in the rationales.
 */
export function evaluationTemplate(): EvaluationInput {
  const evaluator = 'your.name@council.gov.uk';
  const option = (name: string) => ({
    name,
    description: 'What the supplier offers',
    scores: CRITERION_IDS.map((criterion) => ({ criterion, evaluator, score: 0, rationale: '' })),
    gateResults: { standards: 'pass' as const },
    cashflows: [
      { year: 0, cost: 0, benefit: 0, label: 'implementation' },
      ...[1, 2, 3, 4, 5].map((year) => ({ year, cost: 0, benefit: 0, label: 'licences and support' })),
    ],
    nonMonetisedBenefits: [],
  });
  return {
    title: 'What the TDA is choosing',
    rationale: 'Why a decision is needed, and what the solution is for',
    evaluators: [evaluator],
    weights: Object.fromEntries(CRITERION_IDS.map((id) => [id, 10])) as NonNullable<EvaluationInput['weights']>,
    gates: ['standards'],
    options: [option('Option A'), option('Option B')],
  };
}
