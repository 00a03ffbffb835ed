import type { IsoDate } from '../shared/iso-date.js';

/**
 * UK public-sector financial years run from 1 April to 31 March and are written with both
 * calendar years, "2024/25". We identify one by the calendar year it starts in (2024).
 */
export interface FinancialYear {
  /** The calendar year it starts in: 2024 for 2024/25. */
  readonly startYear: number;
  /** "2024/25". */
  readonly label: string;
  /** Its first day, 1 April. */
  readonly first: IsoDate;
  /** Its last day, 31 March of the next calendar year. */
  readonly last: IsoDate;
}

/**
 * The financial year that contains a day.
 * @example financialYearOf('2025-03-31').label // "2024/25"
 */
export function financialYearOf(day: IsoDate): FinancialYear {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return financialYear(month >= 4 ? year : year - 1);
}

/** The financial year starting on 1 April of `startYear`. */
export function financialYear(startYear: number): FinancialYear {
  return {
    startYear,
    label: financialYearLabel(startYear),
    first: `${pad4(startYear)}-04-01`,
    last: `${pad4(startYear + 1)}-03-31`,
  };
}

/** "2024/25" for 2024; "1999/00" for 1999. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The start year of a label such as "2024/25", or undefined when it is not one. */
export function parseFinancialYearLabel(label: string): number | undefined {
  const match = /^(\d{4})\/(\d{2})$/.exec(label.trim());
  if (!match) return undefined;
  const startYear = Number(match[1]);
  return (startYear + 1) % 100 === Number(match[2]) ? startYear : undefined;
}

/** Every financial year from the one containing `first` to the one containing `last`, in order. */
export function financialYearsBetween(first: IsoDate, last: IsoDate): FinancialYear[] {
  const years: FinancialYear[] = [];
  for (let y = financialYearOf(first).startYear; y <= financialYearOf(last).startYear; y++) years.push(financialYear(y));
  return years;
}

function pad4(year: number): string {
  return String(year).padStart(4, '0');
}
