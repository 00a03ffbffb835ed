import type { IsoDate } from '../shared/iso-date.js';
import { financialYearsBetween, type FinancialYear } from './financial-year.js';
import type { Saving } from './saving.schema.js';
import { addMonths, dateOfDayNumber, dayNumber } from '../shared/calendar.js';

/** What a saving is worth in one financial year. */
export interface YearAllocation {
  readonly year: FinancialYear;
  /** Days of the term that fall in this year. */
  readonly days: number;
  /** The whole-term saving before one-off costs, pro rata by day (unrounded). */
  readonly share: number;
  /** One-off costs charged to this year (all of them in the year the term starts). */
  readonly oneOffCosts: number;
  /** share − one-off costs, unrounded. */
  readonly amount: number;
  /** The amount in whole pence, by the rounding rule of {@link computeSaving}. */
  readonly pence: number;
}

export interface SavingFigures {
  /** baseline − new, a year. Negative for a price rise. */
  readonly annualSaving: number;
  /** annual saving × term in years (months / 12). */
  readonly grossSaving: number;
  readonly oneOffCosts: number;
  /** Whole-term saving: gross − one-off costs, unrounded. */
  readonly totalSaving: number;
  /** The whole-term saving rounded to the penny; the years' `pence` add up to exactly this. */
  readonly totalPence: number;
  /** First day of the term. */
  readonly first: IsoDate;
  /** The day after the term ends: start + term months (EDATE). The term is [first, end). */
  readonly end: IsoDate;
  /** Last day of the term. */
  readonly last: IsoDate;
  /** Days in the term. */
  readonly days: number;
  /** One entry per financial year the term touches, in order. */
  readonly years: readonly YearAllocation[];
}

export type SavingTerms = Pick<Saving, 'baselineAnnual' | 'newAnnual' | 'start' | 'termMonths' | 'oneOffCosts'>;

/**
 * The annual and whole-term saving, and how it falls across UK financial years.
 *
 * - annual saving = baseline − new (a price rise gives a negative saving, shown as such);
 * - whole-term saving = annual saving × term months / 12 − one-off costs;
 * - the term is the days [start, start + term months), with EDATE's month-end clamping;
 * - the whole-term saving before one-off costs is spread over those days equally, and each
 *   financial year takes its days' share. A 29 February is a day like any other: a year that
 *   holds one takes one day more of the term, so the years always add up to the whole term;
 * - one-off costs (implementation, exit) fall in the financial year the term starts;
 * - rounding happens once, for presentation: every year but the last is rounded to the penny
 *   (half away from zero, like Excel's ROUND), and the last year takes the rounded whole-term
 *   saving minus the others, so the pence add up exactly. The workbook's formulas do the same.
 *
 * @example computeSaving({ baselineAnnual: 160000, newAnnual: 100000, start: '2024-04-01', termMonths: 36, oneOffCosts: 0 })
 *   // annualSaving 60000, totalSaving 180000, 60000 in each of 2024/25, 2025/26, 2026/27
 */
export function computeSaving(terms: SavingTerms): SavingFigures {
  const annualSaving = terms.baselineAnnual - terms.newAnnual;
  const grossSaving = (annualSaving * terms.termMonths) / 12;
  const totalSaving = grossSaving - terms.oneOffCosts;
  const totalPence = roundToPence(totalSaving);
  const end = addMonths(terms.start, terms.termMonths);
  const firstDay = dayNumber(terms.start);
  const endDay = dayNumber(end);
  const days = endDay - firstDay;
  const last = dateOfDayNumber(endDay - 1);
  const years = financialYearsBetween(terms.start, last);
  let penceSoFar = 0;
  const allocations = years.map((year, index): YearAllocation => {
    const overlap = Math.min(endDay, dayNumber(year.last) + 1) - Math.max(firstDay, dayNumber(year.first));
    const share = (grossSaving * overlap) / days;
    const oneOffCosts = index === 0 ? terms.oneOffCosts : 0;
    const amount = share - oneOffCosts;
    const pence = index === years.length - 1 ? totalPence - penceSoFar : roundToPence(amount);
    penceSoFar += pence;
    return { year, days: overlap, share, oneOffCosts, amount, pence };
  });
  return { annualSaving, grossSaving, oneOffCosts: terms.oneOffCosts, totalSaving, totalPence, first: terms.start, end, last, days, years: allocations };
}

/**
 * Pounds to whole pence, half away from zero as Excel's ROUND(x, 2) does. Excel rounds the
 * decimal it shows (15 significant digits), so 1.005 becomes 1.01 although 1.005 × 100 is
 * 100.49999999999999 in binary; toPrecision(15) does the same.
 */
export function roundToPence(pounds: number): number {
  const pence = Math.round(Number((Math.abs(pounds) * 100).toPrecision(15)));
  return pounds < 0 ? -pence : pence;
}

/** The figures as `steward savings list --json` and the bot show them, in pounds to the penny. */
export interface SavingSummary {
  readonly id: string;
  readonly contract: string;
  readonly description: string;
  readonly serviceArea: string | null;
  readonly kind: Saving['kind'];
  readonly state: Saving['state'];
  readonly cashable: boolean;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly termMonths: number;
  readonly annualSaving: number;
  readonly oneOffCosts: number;
  readonly totalSaving: number;
  /** Keyed like "2024/25", in order. */
  readonly byFinancialYear: Readonly<Record<string, number>>;
}

/** A saving with its figures rounded to the penny, ready to show. */
export function summariseSaving(saving: Saving): SavingSummary {
  const figures = computeSaving(saving);
  return {
    id: saving.id,
    contract: saving.contract,
    description: saving.description,
    serviceArea: saving.serviceArea ?? null,
    kind: saving.kind,
    state: saving.state,
    cashable: saving.cashable,
    start: figures.first,
    end: figures.last,
    termMonths: saving.termMonths,
    annualSaving: roundToPence(figures.annualSaving) / 100,
    oneOffCosts: roundToPence(figures.oneOffCosts) / 100,
    totalSaving: figures.totalPence / 100,
    byFinancialYear: Object.fromEntries(figures.years.map((y) => [y.year.label, y.pence / 100])),
  };
}
