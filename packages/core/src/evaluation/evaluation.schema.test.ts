import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluationTemplate } from './evaluation-template.js';
import { EvaluationSchema, evaluationJsonSchemaText } from './evaluation.schema.js';
import { evaluateOptions } from './evaluate-options.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the evaluation file format', () => {
  it('has a committed JSON schema that matches the zod schema (run scripts/write-evaluation-schema.ts)', () => {
    expect(read('../../schemas/evaluation.schema.json')).toBe(evaluationJsonSchemaText());
  });

  it('accepts the worked example', () => {
    expect(EvaluationSchema.safeParse(JSON.parse(read('../../../../examples/evaluation.example.json'))).success).toBe(true);
  });

  it('accepts the format shown in the documentation, with its defaults filled in', () => {
    const parsed = EvaluationSchema.parse({
      title: 'Housing repairs scheduling',
      gates: ['standards'],
      options: [
        {
          name: 'Supplier A',
          scores: [{ criterion: 'alignment', evaluator: 'a.khan@council.gov.uk', score: 4, rationale: 'Supports the housing TOM' }],
          moderated: { alignment: 4 },
          gateResults: { standards: 'pass' },
          cashflows: [{ year: 0, cost: 80000, label: 'implementation' }],
          nonMonetisedBenefits: ['Fewer repeat visits for residents'],
        },
      ],
    });
    expect(parsed.options[0]?.cashflows[0]).toEqual({ year: 0, cost: 80000, benefit: 0, label: 'implementation' });
  });

  it('gives a template with the right shape that asks for rationales before it will evaluate', () => {
    const template = evaluationTemplate();
    const result = evaluateOptions(template);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(new Set(result.problems.map((p) => p.path.at(-1)))).toEqual(new Set(['rationale']));
  });
});
