import type { IsoDate } from '../shared/iso-date.js';
import { financialYearsBetween, type FinancialYear } from './financial-year.js';
import type { Saving } from './saving.schema.js';
import { addMonths, dateOfDayNumber, dayNumber, daysInMonth } from '../shared/calendar.js';

/** What a saving is worth in one financial year. */
export interface YearAllocation {
  readonly year: FinancialYear;
  /** Days of the term that fall in this year. */
  readonly days: number;
  /** Calendar months of the term in this year, a part month as its share of that month's days. */
  readonly months: number;
  /**
   * `full-year`: the term covers the whole year, which takes the annual saving exactly;
   * `part-year`: the term starts or ends inside it (the first and last years of most terms).
   */
  readonly effect: 'full-year' | 'part-year';
  /** annual saving ÷ 12 × the months of the term in this year, before one-off costs (unrounded). */
  readonly share: number;
  /** One-off costs charged to this year (all of them in the year the term starts). */
  readonly oneOffCosts: number;
  /** share − one-off costs, unrounded. */
  readonly amount: number;
  /** The amount in whole pence, by the rounding rule of {@link computeSaving}. */
  readonly pence: number;
}

export interface SavingFigures {
  /** baseline − new, a year: the full-year effect. Negative for a price rise. */
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
 * - annual saving (the full-year effect) = baseline − new (a price rise gives a negative
 *   saving, shown as such);
 * - whole-term saving = annual saving × term months / 12 − one-off costs;
 * - the term is the days [start, start + term months), with EDATE's month-end clamping;
 * - the saving is profiled by calendar month, as finance books it: annual ÷ 12 for each whole
 *   month of the term, and a part month by its share of that month's days (16 of April's 30
 *   days take 16/30 of a month). A financial year the term covers whole therefore takes the
 *   annual saving exactly, leap day or not; the years the term starts or ends in take the
 *   part-year effect;
 * - one-off costs (implementation, exit) fall in the financial year the term starts;
 * - rounding happens once, for presentation: every year but the last is rounded to the penny
 *   (half away from zero, like Excel's ROUND), and the last year takes the rounded whole-term
 *   saving minus the others, so the pence add up exactly to the whole term (a term that starts
 *   on the 29th–31st and ends in a shorter month, clamped, leaves its last year the few pence
 *   the month profile and months ÷ 12 differ by). The workbook's formulas do the same.
 *
 * @example computeSaving({ baselineAnnual: 160000, newAnnual: 100000, start: '2027-04-01', termMonths: 36, oneOffCosts: 0 })
 *   // annualSaving 60000, totalSaving 180000, 60000 in each of 2027/28 (29 February and all), 2028/29, 2029/30
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
    const from = Math.max(firstDay, dayNumber(year.first));
    const until = Math.min(endDay, dayNumber(year.last) + 1);
    const overlap = until - from;
    const months = monthPosition(dateOfDayNumber(until)) - monthPosition(dateOfDayNumber(from));
    const share = (annualSaving * months) / 12;
    const oneOffCosts = index === 0 ? terms.oneOffCosts : 0;
    const amount = share - oneOffCosts;
    const pence = index === years.length - 1 ? totalPence - penceSoFar : roundToPence(amount);
    penceSoFar += pence;
    const effect = from === dayNumber(year.first) && until === dayNumber(year.last) + 1 ? 'full-year' : 'part-year';
    return { year, days: overlap, months, effect, share, oneOffCosts, amount, pence };
  });
  return { annualSaving, grossSaving, oneOffCosts: terms.oneOffCosts, totalSaving, totalPence, first: terms.start, end, last, days, years: allocations };
}

/**
 * Months from January of year 0 to the start of `day`, a part month counted by its days:
 * 16 April 2024 is 2024 × 12 + 3 + 15/30. The months between two days are the difference.
 */
export function monthPosition(day: IsoDate): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return year * 12 + (month - 1) + (Number(day.slice(8, 10)) - 1) / daysInMonth(year, month);
}

/** The three prices of a saving, a year (pounds). */
export type SavingPrices = Pick<Saving, 'currentAnnual' | 'baselineAnnual' | 'newAnnual'>;

/** A year's saving split into money off a budget and cost avoided. */
export interface SavingSplit {
  /** current − new, when positive: comes off a budget. */
  readonly cashableAnnual: number;
  /** baseline − max(current, new): a rise the council would otherwise have paid. */
  readonly avoidanceAnnual: number;
}

/**
 * Splits a saving's annual amount into its cashable part and its cost avoidance; the two add
 * up to baseline − new. IEG4's proposed rise from £100,000 to £160,000 held at £100,000 is
 * £60,000 of avoidance and nothing cashable.
 *
 * @example splitSaving({ currentAnnual: 100000, baselineAnnual: 160000, newAnnual: 100000 })
 *   // { cashableAnnual: 0, avoidanceAnnual: 60000 }
 */
export function splitSaving(prices: SavingPrices): SavingSplit {
  return {
    cashableAnnual: Math.max(0, prices.currentAnnual - prices.newAnnual),
    avoidanceAnnual: prices.baselineAnnual - Math.max(prices.currentAnnual, prices.newAnnual),
  };
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
  readonly currentAnnual: number;
  readonly baselineAnnual: number;
  readonly newAnnual: number;
  /** The full-year effect: baseline − new. */
  readonly annualSaving: number;
  /** Of the annual saving, what comes off a budget: current − new when positive. */
  readonly cashableAnnual: number;
  /** Of the annual saving, the cost avoided: baseline − max(current, new). */
  readonly avoidanceAnnual: number;
  readonly oneOffCosts: number;
  readonly totalSaving: number;
  /** Keyed like "2024/25", in order. */
  readonly byFinancialYear: Readonly<Record<string, number>>;
}

/** A saving with its figures rounded to the penny, ready to show. */
export function summariseSaving(saving: Saving): SavingSummary {
  const figures = computeSaving(saving);
  const split = splitSaving(saving);
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
    currentAnnual: saving.currentAnnual,
    baselineAnnual: saving.baselineAnnual,
    newAnnual: saving.newAnnual,
    annualSaving: roundToPence(figures.annualSaving) / 100,
    cashableAnnual: roundToPence(split.cashableAnnual) / 100,
    avoidanceAnnual: roundToPence(split.avoidanceAnnual) / 100,
    oneOffCosts: roundToPence(figures.oneOffCosts) / 100,
    totalSaving: figures.totalPence / 100,
    byFinancialYear: Object.fromEntries(figures.years.map((y) => [y.year.label, y.pence / 100])),
  };
}
