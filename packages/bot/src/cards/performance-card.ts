import type { Contract, ContractPerformance, PerformanceHistory, Rating } from '@contract-steward/core';
import { adaptiveCard, escapeMarkdown, formatDate, heading, text, type AdaptiveCard, type CardElement } from './card-kit.js';
import { donutChart, lineChart } from './charts.js';
import { utilisationBlock } from './utilisation-block.js';

/** Chart colours by rating, as Teams names them; every chart also says the rating in words. */
const RATING_COLOURS: Readonly<Record<Rating, string>> = {
  Good: 'good',
  'Approaching target': 'warning',
  'Requires improvement': 'attention',
  Inadequate: 'categoricalPurple',
  Other: 'neutral',
};

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
/** "Apr 2026" from "2026-04-01". */
const month = (iso: string) => (formatDate(iso) ?? iso).replace(/^\d+ /, '');

export interface PerformanceCardInput {
  readonly contract: Contract;
  readonly history: PerformanceHistory;
  readonly complianceGoal: number;
  readonly utilisationFloor: number;
}

/** Compliance of the latest results against the goal, in words. */
function complianceLine(latest: ContractPerformance, goal: number): CardElement[] {
  if (latest.compliance === null) return [text(`**Compliance**: no results recorded yet, so it cannot be measured against the ${percent(goal)} goal.`, { spacing: 'Medium' })];
  return [
    text(`**Compliance, latest results**: ${percent(latest.compliance)} rated Good, ${latest.meetsComplianceGoal ? 'meeting' : 'below'} the ${percent(goal)} goal`, { spacing: 'Medium', color: latest.meetsComplianceGoal ? 'Good' : 'Attention', weight: 'Bolder' }),
    text(escapeMarkdown(latest.complianceRule), { isSubtle: true, size: 'Small', spacing: 'None' }),
  ];
}

/**
 * `performance REF`: each KPI's last rating and the rule behind it, compliance against the
 * goal, each KPI over time (Chart.Line) and the ratings (Chart.Donut), each chart with a text
 * fallback, and utilisation.
 */
export function performanceCard(input: PerformanceCardInput): AdaptiveCard {
  const { contract, history } = input;
  const body: CardElement[] = [...heading(`Performance of ${escapeMarkdown(contract.reference)}: ${escapeMarkdown(contract.title)}`, escapeMarkdown(contract.supplier.name))];
  if (history.kpis.length === 0) {
    body.push(text(`⚠ No KPIs are recorded for ${escapeMarkdown(contract.reference)}. Ask procurement to add them (steward kpis add ${escapeMarkdown(contract.reference)}), then record results each period.`));
  }
  body.push(...complianceLine(history.latest, input.complianceGoal));
  if (history.latest.ratings.length > 0) {
    body.push(text('**KPIs, last rating**', { spacing: 'Medium' }));
    for (const r of history.latest.ratings) {
      const shown = history.kpis.find((k) => k.kpi === r.kpi)?.points.find((p) => p.periodStart === r.periodStart)?.shown ?? String(r.value);
      body.push({
        type: 'Container',
        spacing: 'Small',
        items: [
          text(`**${escapeMarkdown(r.kpi)}**: ${shown} (target ${escapeMarkdown(r.target)}), **${r.rating}**, ${formatDate(r.periodStart) ?? r.periodStart} to ${formatDate(r.periodEnd) ?? r.periodEnd}`, r.rating === 'Good' || r.rating === 'Other' ? {} : { color: 'Attention' }),
          text(escapeMarkdown(r.rule), { isSubtle: true, size: 'Small', spacing: 'None' }),
        ],
      });
    }
  }
  for (const kpi of history.kpis) {
    const measured = kpi.points.filter((p) => p.value !== null);
    if (kpi.points.length < 2) continue;
    body.push(
      ...lineChart({
        title: `${kpi.kpi} over time (target ${kpi.target})`,
        xAxisTitle: 'Period',
        yAxisTitle: kpi.unit ? `${kpi.kpi} (${kpi.unit})` : kpi.kpi,
        series: [
          { legend: kpi.kpi, values: measured.map((p) => ({ x: month(p.periodStart), y: p.value ?? 0 })) },
          { legend: 'Target', values: kpi.points.map((p) => ({ x: month(p.periodStart), y: kpi.targetValue })) },
        ],
        fallback: [kpi.points.map((p) => `${month(p.periodStart)}: ${p.shown}, ${p.rating}`).join(' · ')],
      }),
    );
  }
  const counted = history.ratingCounts.filter((c) => c.count > 0);
  const total = counted.reduce((n, c) => n + c.count, 0);
  if (total > 0) {
    body.push(
      ...donutChart({
        title: `Ratings of the ${total} result${total === 1 ? '' : 's'} shown`,
        slices: counted.map((c) => ({ legend: c.rating, value: c.count, color: RATING_COLOURS[c.rating] })),
        fallback: [counted.map((c) => `${c.rating}: ${c.count}`).join(' · ')],
      }),
    );
  }
  body.push(...utilisationBlock(history.latest.utilisation, input.utilisationFloor));
  return adaptiveCard(body);
}

export interface ComplianceDigestRow {
  readonly contract: Contract;
  readonly performance: ContractPerformance;
}

/** Rows shown on the digest; the rest are counted, so the card stays under 28 KB. */
export const COMPLIANCE_DIGEST_LIMIT = 25;

/** `performance` for procurement: contracts below the compliance goal in their latest results, lowest first. */
export function complianceDigestCard(rows: readonly ComplianceDigestRow[], input: { readonly goal: number; readonly measured: number }): AdaptiveCard {
  const body: CardElement[] = [
    ...heading(`Contracts below ${percent(input.goal)} compliance`, `Latest results of ${input.measured} contract${input.measured === 1 ? '' : 's'} with KPI results; compliance is the share rated Good (DDaT strategy, Appendix E, mission 2.3).`),
  ];
  if (rows.length === 0) body.push(text(input.measured === 0 ? 'No KPI results are recorded yet, so there is nothing to measure.' : `✓ Every contract with results meets the ${percent(input.goal)} goal.`));
  for (const { contract, performance } of rows.slice(0, COMPLIANCE_DIGEST_LIMIT)) {
    const weakest = performance.ratings.filter((r) => r.rating !== 'Good').map((r) => `${escapeMarkdown(r.kpi)} (${r.rating})`);
    body.push({
      type: 'Container',
      separator: true,
      items: [
        text(`**${escapeMarkdown(contract.reference)}**: ${escapeMarkdown(contract.title)}, ${escapeMarkdown(contract.supplier.name)}`),
        text(`${percent(performance.compliance ?? 0)} rated Good; not Good: ${weakest.join(', ')}`, { color: 'Attention', spacing: 'None' }),
      ],
    });
  }
  if (rows.length > COMPLIANCE_DIGEST_LIMIT) body.push(text(`And ${rows.length - COMPLIANCE_DIGEST_LIMIT} more below the goal: run steward performance for the full list.`, { isSubtle: true }));
  body.push(text('Type `performance CON-0042` (any reference) for a contract\'s KPIs and trends.', { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  return adaptiveCard(body);
}
