import { z } from 'zod';
import { CRITERION_IDS } from './criteria.js';
import { LAST_DISCOUNTED_YEAR } from './discounting.js';

/**
 * The public format of a Technical Design Authority evaluation: the options (candidate
 * solutions), the weights of the ten Appendix K rules, the pass/fail gates, every evaluator's
 * scores with their rationale, and each option's cash flows. Structure is checked here;
 * the rules that span fields (weights total 100, every score present) are checked by
 * `checkEvaluation`, so that each failure comes back as a problem with a path.
 */
export const CriterionIdSchema = z.enum(CRITERION_IDS).describe('One of the ten TDA rules of Appendix K');

const Text = z.string().trim().min(1);

export const ScoreSchema = z
  .strictObject({
    criterion: CriterionIdSchema,
    evaluator: Text.describe('Who gave the score, e.g. an email address'),
    score: z.number().int().min(0).max(5).describe('0 (unacceptable) to 5 (excellent)'),
    rationale: Text.describe('Why the evaluator gave this score'),
  })
  .describe("One evaluator's score for one option against one criterion");

export const CashFlowSchema = z
  .strictObject({
    year: z.number().int().min(0).max(LAST_DISCOUNTED_YEAR).describe('0 is now (not discounted); 1 is a year from now'),
    cost: z.number().min(0).default(0).describe('Cost in pounds, in real terms (today\'s prices)'),
    benefit: z.number().min(0).default(0).describe('Monetisable benefit in pounds, e.g. cashable savings'),
    label: Text.describe('What the money is for: implementation, licences, staff time saved...'),
  })
  .describe('Money going out and coming back in one year');

export const GateResultSchema = z.enum(['pass', 'fail']);

export const OptionSchema = z
  .strictObject({
    name: Text.describe('The candidate solution, e.g. a supplier and product'),
    description: Text.optional(),
    scores: z.array(ScoreSchema).default([]),
    moderated: z
      .partialRecord(CriterionIdSchema, z.number().min(0).max(5))
      .optional()
      .describe('The score the panel agreed at moderation; replaces the mean of the evaluators'),
    gateResults: z.partialRecord(CriterionIdSchema, GateResultSchema).default({}),
    cashflows: z.array(CashFlowSchema).default([]),
    nonMonetisedBenefits: z.array(Text).default([]).describe('Social, environmental or well-being benefits'),
  })
  .describe('A candidate solution');

export const EvaluationSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Where editors find this schema'),
    title: Text,
    description: Text.optional(),
    rationale: Text.optional().describe('Why the TDA needs to choose, and what it is choosing for'),
    evaluators: z.array(Text).optional().describe('Who must score every option; by default everyone who scored'),
    weights: z
      .record(CriterionIdSchema, z.number().min(0).max(100))
      .optional()
      .describe('Per cent per criterion, totalling 100; all ten, or leave out for equal weights (10 each)'),
    gates: z.array(CriterionIdSchema).default([]).describe('Criteria an option must pass to be eligible at all'),
    priceWeight: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Per cent given to price (lowest whole-life cost ÷ option\'s whole-life cost); quality gets the rest'),
    options: z.array(OptionSchema).min(1),
  })
  .describe('A Technical Design Authority evaluation of competing solutions');

/** An evaluation as written in a file, before defaults. */
export type EvaluationInput = z.input<typeof EvaluationSchema>;
/** An evaluation with its defaults filled in. */
export type Evaluation = z.output<typeof EvaluationSchema>;
export type EvaluationOption = z.output<typeof OptionSchema>;
export type Score = z.output<typeof ScoreSchema>;
export type CashFlow = z.output<typeof CashFlowSchema>;
export type GateResult = z.output<typeof GateResultSchema>;

/** The JSON schema of the evaluation file, for editors and other systems. */
export function evaluationJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(EvaluationSchema, { io: 'input' }) as Record<string, unknown>;
}

/** The JSON schema as the committed file holds it (packages/core/schemas/evaluation.schema.json). */
export function evaluationJsonSchemaText(): string {
  return `${JSON.stringify(evaluationJsonSchema(), null, 2)}\n`;
}
