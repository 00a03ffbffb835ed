import type { FinancialYear, SavingSummary } from '@contract-steward/core';
import { adaptiveCard, facts, formatMoney, heading, escapeMarkdown, text, type AdaptiveCard, type CardElement } from './card-kit.js';

/** Rows listed on the card; the workbook has them all. */
const ROWS_ON_CARD = 10;

/** Savings for one financial year: totals by state, and the largest savings in the year. */
export function savingsTotalsCard(summaries: readonly SavingSummary[], year: FinancialYear, today: string): AdaptiveCard {
  const inYear = summaries
    .map((s) => ({ saving: s, amount: s.byFinancialYear[year.label] ?? 0 }))
    .filter((row) => row.amount !== 0)
    .sort((a, b) => b.amount - a.amount);
  const sumPence = (rows: typeof inYear) => rows.reduce((total, row) => total + Math.round(row.amount * 100), 0);
  const total = sumPence(inYear);
  const byState = (state: SavingSummary['state']) => sumPence(inYear.filter((row) => row.saving.state === state)) / 100;
  const cashable = sumPence(inYear.filter((row) => row.saving.cashable)) / 100;
  const body: CardElement[] = [
    ...heading(`Savings ${year.label}`, `1 April ${year.first.slice(0, 4)} to 31 March ${year.last.slice(0, 4)}, as at ${today}; each saving pro rata by day.`),
    facts([
      ['Total', formatMoney(total / 100)],
      ['Signed off', formatMoney(byState('signed-off'))],
      ['Validated', formatMoney(byState('validated'))],
      ['Proposed', formatMoney(byState('proposed'))],
      ['Cashable', formatMoney(cashable)],
      ['Savings', String(inYear.length)],
    ]),
  ];
  if (inYear.length === 0) body.push(text('No saving falls in this financial year yet.'));
  for (const { saving, amount } of inYear.slice(0, ROWS_ON_CARD)) {
    body.push(text(`**${escapeMarkdown(saving.contract)}** ${escapeMarkdown(saving.description)}: ${formatMoney(amount) ?? ''} (${saving.state})`, { spacing: 'Small' }));
  }
  if (inYear.length > ROWS_ON_CARD) body.push(text(`…and ${inYear.length - ROWS_ON_CARD} more. Type \`savings export\` for the workbook.`, { isSubtle: true }));
  return adaptiveCard(body);
}
