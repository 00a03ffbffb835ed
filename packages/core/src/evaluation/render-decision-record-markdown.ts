import { criterionById, TDA_CRITERIA } from './criteria.js';
import { decisionStatus, type DecisionRecordDetails } from './decision-record-details.js';
import { formatLongDate } from '../shared/calendar.js';
import { describeSensitivity } from './describe-sensitivity.js';
import { describeDivergence, describeRecommendation } from './describe-recommendation.js';
import type { EvaluationResult, OptionResult } from './evaluate-options.js';
import { formatNumber, formatPounds } from '../shared/format.js';
import { DIVERGENCE_THRESHOLD } from './score-options.js';

/**
 * The decision record TDA rule 9 asks for ("document the rationale behind solution selection,
 * including the evaluation criteria, decision-making process, and key considerations"), as
 * Markdown for chat, a wiki or a committee paper.
 */
export function renderDecisionRecordMarkdown(result: EvaluationResult, details: DecisionRecordDetails & { readonly councilName?: string | undefined }): string {
  const { evaluation } = result;
  const date = formatLongDate(details.date);
  const out: string[] = [`# ${escape(evaluation.title)}: Technical Design Authority decision record`, ''];
  if (details.councilName) out.push(`**${escape(details.councilName)}**`, '');
  out.push(`- **Status:** ${escape(decisionStatus(details))}`, `- **Evaluated on:** ${date}`, `- **Evaluators:** ${result.evaluators.map(escape).join('; ')}`, '');
  if (evaluation.description) out.push(escape(evaluation.description), '');
  if (evaluation.rationale) out.push('## Why a decision is needed', '', escape(evaluation.rationale), '');

  out.push(`## Recommendation (as evaluated on ${date})`, '', describeRecommendation(result, { escape, winner: (name) => `**${name}**` }), '');
  const sensitivity = describeSensitivity(result);
  if (sensitivity) out.push(`**Sensitivity:** ${escape(sensitivity)}`, '');

  out.push('## Ranking', '');
  const priced = evaluation.priceWeight !== undefined;
  out.push(
    table(
      ['Rank', 'Option', 'Eligible', 'Quality (0–100)', ...(priced ? ['Price score', 'Total'] : []), 'Whole-life cost (PV)', 'NPV'],
      result.ranking.map((o) => [
        o.rank === null ? '—' : String(o.rank),
        escape(o.name),
        o.eligible ? 'yes' : `no: failed ${o.failedGates.map((g) => criterionById(g).title).join(', ')}`,
        formatNumber(o.qualityScore),
        ...(priced ? [formatNumber(o.priceScore ?? 0), formatNumber(o.totalScore)] : []),
        formatPounds(o.costBenefit.presentValueCost),
        formatPounds(o.costBenefit.npv),
      ]),
      [false, false, false, true, ...(priced ? [true, true] : []), true, true],
    ),
    '',
  );
  if (priced) {
    out.push(
      `Quality counts for ${formatNumber(100 - (evaluation.priceWeight ?? 0))}% and price for ${formatNumber(evaluation.priceWeight ?? 0)}%: ` +
        'price score = lowest eligible whole-life cost ÷ the option’s whole-life cost × the price weight.',
      '',
    );
  }

  out.push('## Criteria and weights', '');
  out.push(
    table(
      ['#', 'Criterion (Appendix K rule)', 'Weight', 'Gate'],
      TDA_CRITERIA.map((c) => [String(c.number), c.title, `${formatNumber(result.weights[c.id])}%`, evaluation.gates.includes(c.id) ? 'pass/fail' : '']),
      [true, false, true, false],
    ),
    '',
    'Each option is scored 0 (unacceptable) to 5 (excellent) on each criterion. The quality score is the sum of weight × score ÷ 5, out of 100; ' +
      'where the panel moderated a score, the moderated score counts, otherwise the mean of the evaluators.',
    '',
  );

  if (evaluation.gates.length > 0) {
    out.push('## Gates', '');
    out.push(
      table(
        ['Option', ...evaluation.gates.map((g) => criterionById(g).title)],
        result.options.map((o) => [escape(o.name), ...evaluation.gates.map((g) => evaluation.options.find((e) => e.name === o.name)?.gateResults[g] ?? '')]),
      ),
      '',
      'An option that fails a gate is not eligible, whatever its score.',
      '',
    );
  }

  out.push('## Scores', '');
  for (const option of result.options) out.push(...optionScores(option, result.evaluators), '');

  if (result.divergences.length > 0) {
    out.push(`## Where evaluators differed by ${DIVERGENCE_THRESHOLD} or more`, '');
    for (const d of result.divergences) {
      out.push(`- ${describeDivergence(d, { escape })}`);
    }
    out.push('');
  }

  out.push('## Costs and benefits', '');
  out.push(
    'Costs and monetisable benefits are in today’s prices, discounted at the HM Treasury Green Book rate ' +
      '(3.5% a year for years 0–30, 3.0% from year 31; year 0 is not discounted).',
    '',
  );
  out.push(
    table(
      ['Option', 'Whole-life cost', 'Whole-life cost (PV)', 'Benefits (PV)', 'NPV'],
      result.options.map((o) => [
        escape(o.name),
        formatPounds(o.costBenefit.undiscountedCost),
        formatPounds(o.costBenefit.presentValueCost),
        formatPounds(o.costBenefit.presentValueBenefit),
        formatPounds(o.costBenefit.npv),
      ]),
      [false, true, true, true, true],
    ),
    '',
  );
  for (const option of result.options) {
    if (option.costBenefit.cashflows.length > 0) {
      out.push(`### ${escape(option.name)}`, '');
      out.push(
        table(
          ['Year', 'Item', 'Cost', 'Benefit', 'Discount factor', 'Cost (PV)', 'Benefit (PV)'],
          option.costBenefit.cashflows.map((f) => [
            String(f.year),
            escape(f.label),
            formatPounds(f.cost),
            formatPounds(f.benefit),
            f.discountFactor.toFixed(4),
            formatPounds(f.presentValueCost),
            formatPounds(f.presentValueBenefit),
          ]),
          [true, false, true, true, true, true, true],
        ),
        '',
      );
    }
    if (option.nonMonetisedBenefits.length > 0) {
      out.push(`Benefits not valued in money for ${escape(option.name)}:`, '', ...option.nonMonetisedBenefits.map((b) => `- ${escape(b)}`), '');
    }
  }

  out.push('## Approval', '');
  const a = details.approval;
  out.push(a ? `${escape(decisionStatus(details))}.` : 'The Technical Design Authority approves this recommendation by signing below.', '');
  out.push(
    table(
      ['Name', 'Role', 'Date', 'Signature'],
      a ? [[escape(a.name), escape(a.role), formatLongDate(a.date), ''], ['', '', '', '']] : [['', '', '', ''], ['', '', '', '']],
    ),
    '',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

function optionScores(option: OptionResult, evaluators: readonly string[]): string[] {
  const scored = option.criteria.filter((c) => c.weight > 0 || c.scores.length > 0);
  const rows = scored.map((c) => [
    criterionById(c.criterion).title,
    ...evaluators.map((e) => String(c.scores.find((x) => x.evaluator === e)?.score ?? '')),
    c.moderated === undefined ? '' : formatNumber(c.moderated),
    formatNumber(c.score),
    formatNumber(c.weighted),
  ]);
  const rationale = scored.flatMap((c) => [
    `- ${criterionById(c.criterion).title}`,
    ...c.scores.map((s) => `  - ${escape(s.evaluator)} (${s.score}): ${escape(s.rationale)}`),
  ]);
  return [
    `### ${escape(option.name)}: ${formatNumber(option.qualityScore)} out of 100`,
    '',
    table(
      ['Criterion', ...evaluators.map(escape), 'Moderated', 'Score used', 'Weighted'],
      rows,
      [false, ...evaluators.map(() => true), true, true, true],
    ),
    '',
    'Why:',
    '',
    ...rationale,
  ];
}

function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string {
  const align = header.map((_, i) => (right[i] ? '---:' : '---'));
  return [header, align, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** Keeps user text from breaking the table or being read as Markdown or HTML. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
