import { describeDate } from '../shared/calendar.js';
import type { Contract } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import { fail, ok, type Result } from '../shared/problem.js';
import type { Kpi, KpiResult } from './kpi.schema.js';
import { DEFAULT_RATING_SETTINGS, describeTarget, describeValue, rateResult, RATING_DESCRIPTIONS, type Rating, type RatingSettings } from './rate-result.js';

/** The statement reg. 39(4)(e) requires in a notice published under s.71(2)(b). */
export const UK9_STATEMENT = "This notice sets out the contracting authority's assessment of the supplier's performance against the key performance indicators.";

export interface Uk9KpiAssessment {
  readonly kpi: string;
  readonly description?: string;
  readonly target: string;
  /** Results in the period that the rating rests on. */
  readonly results: number;
  /** The value rated: the mean of the period's results, or null with none measured. */
  readonly value: number | null;
  readonly rating: Rating;
  readonly ratingDescription: string;
  readonly rule: string;
}

/** The content of a contract performance notice (UK9) for one period, before it is published. */
export interface Uk9Draft {
  readonly notice: 'UK9';
  readonly legalBasis: string;
  readonly contract: { readonly reference: string; readonly title: string };
  readonly supplier: { readonly name: string; readonly companyNumber?: string };
  readonly period: { readonly start: IsoDate; readonly end: IsoDate };
  readonly statement: string;
  readonly kpis: readonly Uk9KpiAssessment[];
  readonly overall: { readonly rating: Rating; readonly ratingDescription: string; readonly rule: string };
}

const ORDER: readonly Rating[] = ['Good', 'Approaching target', 'Requires improvement', 'Inadequate'];

/**
 * Drafts the contract performance notice (UK9) for a period: each KPI published under s.52
 * rated from the period's results, and an overall assessment, as JSON and Markdown.
 * `kpisRequired` says whether s.52 requires KPIs for this contract (a Procurement Act 2023
 * contract over £5m, not exempt); the Procurement Act module decides it.
 */
export function draftUk9(
  input: {
    readonly contract: Contract;
    readonly kpis: readonly Kpi[];
    readonly results: readonly KpiResult[];
    readonly period: { readonly start: IsoDate; readonly end: IsoDate };
    readonly kpisRequired: boolean;
  },
  settings: RatingSettings = DEFAULT_RATING_SETTINGS,
): Result<{ json: Uk9Draft; markdown: string }> {
  const { contract, period } = input;
  if (!input.kpisRequired) {
    return fail([
      {
        code: 'uk9-not-required',
        path: ['contract'],
        message: `${contract.reference} has no KPIs required under Procurement Act 2023 s.52, so no contract performance notice under s.71(2) is due — check its regime and value`,
      },
    ]);
  }
  const published = input.kpis.filter((k) => k.contract === contract.reference && k.published);
  if (published.length === 0) {
    return fail([
      {
        code: 'no-published-kpis',
        path: ['kpis'],
        message: `${contract.reference} has no KPI marked as published under s.52 — mark them with steward kpis add ${contract.reference} --name NAME … --published`,
      },
    ]);
  }
  const kpis = published.map((kpi) => assess(kpi, input.results, period, settings));
  const json: Uk9Draft = {
    notice: 'UK9',
    legalBasis: 'Procurement Act 2023 s.71(2)(b); Procurement Regulations 2024, reg. 39',
    contract: { reference: contract.reference, title: contract.title },
    supplier: { name: contract.supplier.name, ...(contract.supplier.companyNumber ? { companyNumber: contract.supplier.companyNumber } : {}) },
    period,
    statement: UK9_STATEMENT,
    kpis,
    overall: overall(kpis),
  };
  return ok({ json, markdown: renderMarkdown(json) });
}

function assess(kpi: Kpi, results: readonly KpiResult[], period: { start: IsoDate; end: IsoDate }, settings: RatingSettings): Uk9KpiAssessment {
  const mine = results.filter(
    (r) => r.contract === kpi.contract && r.kpi.trim().toLowerCase() === kpi.name.trim().toLowerCase() && r.periodStart <= period.end && r.periodEnd >= period.start,
  );
  const measured = mine.map((r) => r.value).filter((v): v is number => v !== null);
  const base = { kpi: kpi.name, ...(kpi.description ? { description: kpi.description } : {}), target: describeTarget(kpi), results: mine.length };
  if (measured.length === 0) {
    const rule = mine.length === 0 ? 'No result is recorded for the period, so it is rated Other' : 'No result in the period could be measured, so it is rated Other';
    return { ...base, value: null, rating: 'Other', ratingDescription: RATING_DESCRIPTIONS.Other, rule: `${rule}: "${RATING_DESCRIPTIONS.Other}" (Procurement Regulations 2024, reg. 39(5)).` };
  }
  // A yes/no KPI is met over the period only if it was met every time.
  const value =
    kpi.measure === 'yes-no' ? (measured.every((v) => v === kpi.target) ? kpi.target : 1 - kpi.target) : Math.round((measured.reduce((a, b) => a + b, 0) / measured.length) * 100) / 100;
  const rated = rateResult(kpi, value, settings);
  const basis =
    measured.length === 1
      ? 'The one result in the period'
      : kpi.measure === 'yes-no'
        ? `Over the ${measured.length} results in the period, ${describeValue(kpi, value)}`
        : `The mean of the ${measured.length} results in the period, ${describeValue(kpi, value)}`;
  return { ...base, value, rating: rated.rating, ratingDescription: RATING_DESCRIPTIONS[rated.rating], rule: `${basis}: ${rated.rule}` };
}

function overall(kpis: readonly Uk9KpiAssessment[]): Uk9Draft['overall'] {
  const ranked = kpis.filter((k) => k.rating !== 'Other');
  if (ranked.length === 0) {
    return { rating: 'Other', ratingDescription: RATING_DESCRIPTIONS.Other, rule: 'No KPI could be rated, so the overall assessment is Other.' };
  }
  const worst = ranked.reduce((a, b) => (ORDER.indexOf(b.rating) > ORDER.indexOf(a.rating) ? b : a));
  return {
    rating: worst.rating,
    ratingDescription: RATING_DESCRIPTIONS[worst.rating],
    rule: `The overall assessment is the lowest rating of the published KPIs: "${worst.kpi}" is rated ${worst.rating}. Review it before publishing; the authority may judge otherwise.`,
  };
}

function renderMarkdown(draft: Uk9Draft): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    `# Contract performance notice (UK9) — draft`,
    '',
    `**Contract:** ${draft.contract.reference} — ${draft.contract.title}  `,
    `**Supplier:** ${draft.supplier.name}${draft.supplier.companyNumber ? ` (company ${draft.supplier.companyNumber})` : ''}  `,
    `**Period assessed:** ${describeDate(draft.period.start)} to ${describeDate(draft.period.end)}  `,
    `**Legal basis:** ${draft.legalBasis}`,
    '',
    draft.statement,
    '',
    '| KPI | Target | Value | Rating |',
    '|---|---|---|---|',
    ...draft.kpis.map((k) => `| ${cell(k.kpi)} | ${cell(k.target)} | ${k.value === null ? 'not measured' : k.value} | ${k.rating} |`),
    '',
    `**Overall assessment:** ${draft.overall.rating} — ${draft.overall.ratingDescription}.`,
    '',
    '## How each rating was reached',
    '',
    ...draft.kpis.map((k) => `- **${k.kpi}:** ${k.rule}`),
    `- **Overall:** ${draft.overall.rule}`,
    '',
  ].join('\n');
}
