import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateOptions, type EvaluationResult } from './evaluate-options.js';
import { renderDecisionRecordMarkdown } from './render-decision-record-markdown.js';

function evaluated(input: unknown): EvaluationResult {
  const result = evaluateOptions(input);
  if (!result.success) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const example = JSON.parse(readFileSync(new URL('../../../../examples/evaluation.example.json', import.meta.url), 'utf8')) as {
  options: { name: string }[];
};

const details = { date: '2026-03-12', councilName: 'Exampleton Borough Council' };

describe('the Markdown decision record', () => {
  const markdown = renderDecisionRecordMarkdown(evaluated(example), details);

  it('names the council, the status, the date and the evaluators, and ends with lines for the approvers', () => {
    expect(markdown).toContain('**Exampleton Borough Council**');
    expect(markdown).toContain('- **Status:** Draft: for approval by the Technical Design Authority');
    expect(markdown).toContain('- **Evaluated on:** 12 March 2026');
    expect(markdown).toContain('- **Evaluators:** a.khan@council.gov.uk; b.jones@council.gov.uk; c.patel@council.gov.uk');
    expect(markdown).toContain('## Recommendation (as evaluated on 12 March 2026)');
    expect(markdown.trimEnd().endsWith('| Name | Role | Date | Signature |\n| --- | --- | --- | --- |\n|  |  |  |  |\n|  |  |  |  |')).toBe(true);
  });

  it('says who approved it, and when, once approved', () => {
    const approved = renderDecisionRecordMarkdown(evaluated(example), { ...details, approval: { name: 'Dana Ortiz', role: 'Chair, Technical Design Authority', date: '2026-03-19' } });
    expect(approved).toContain('- **Status:** Approved on 19 March 2026 by Dana Ortiz (Chair, Technical Design Authority)');
    expect(approved).toContain('| Dana Ortiz | Chair, Technical Design Authority | 19 March 2026 |  |');
  });

  it('leaves the council line out when no council is configured', () => {
    expect(renderDecisionRecordMarkdown(evaluated(example), { date: '2026-03-12' })).not.toContain('Council**');
  });

  it('states the recommendation with its score, whole-life cost and NPV', () => {
    expect(markdown).toContain('**Supplier A** ranks first with 76.33 out of 100 ahead of Supplier B (69), with a whole-life cost of £230,452');
    expect(markdown).toContain('net present value of £17,876');
  });

  it('says how far one weight must move to change the winner', () => {
    expect(markdown).toContain('**Sensitivity:** The winner changes if the weight of Risk Assessment and Mitigation rises from 10% above 34.15% (the other weights rescaled in proportion): Supplier B would then rank first.');
  });

  it('records the ranking, with the gate an ineligible option failed', () => {
    expect(markdown).toContain('| 1 | Supplier A | yes | 76.33 | £230,452 | £17,876 |');
    expect(markdown).toContain('| — | Supplier C | no: failed Technology Standards Compliance | 84 | £232,876 | £38,027 |');
  });

  it("records each evaluator's score and rationale, and the moderated score", () => {
    expect(markdown).toContain('| Cost–Benefit Analysis | 5 | 3 | 4 | 4 | 4 | 16 |');
    expect(markdown).toContain('  - b.jones@council.gov.uk (3): The annual charge rises 6% a year after year 2');
    expect(markdown).toContain('- Evaluators scored Supplier B from 2 to 4 on Continuous Improvement (not moderated: the mean counts).');
  });

  it('shows each cash flow with its discount factor, and the benefits not valued in money', () => {
    expect(markdown).toContain('| 1 | licences and support | £30,000 | £0 | 0.9662 | £28,986 | £0 |');
    expect(markdown).toContain('- Fewer repeat visits for residents');
  });

  it('says there is no recommendation when options tie for first place', () => {
    const tied = structuredClone(example);
    tied.options = tied.options.slice(0, 1);
    tied.options.push({ ...structuredClone(tied.options[0]!), name: 'Supplier A2' });
    expect(renderDecisionRecordMarkdown(evaluated(tied), details)).toContain('No recommendation: Supplier A and Supplier A2 tie for first place.');
  });

  it('escapes text that would break a table or run as HTML', () => {
    const hostile = structuredClone(example);
    hostile.options[0]!.name = 'A | <script>';
    expect(renderDecisionRecordMarkdown(evaluated(hostile), details)).toContain('A \\| \\<script\\>');
  });
});
