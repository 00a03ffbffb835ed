import type { Contract } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';

/** A calendar quarter: 2026Q3 is 1 July to 30 September 2026. */
export interface Quarter {
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export type QuarterResult = { readonly success: true; readonly value: Quarter } | { readonly success: false; readonly problem: { readonly code: 'bad-quarter'; readonly message: string } };

const ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

/** Reads `2026Q3` (or `2026-Q3`, `2026 q3`): the year and one of quarters 1 to 4. */
export function parseQuarter(text: string): QuarterResult {
  const match = /^(\d{4})\s*-?\s*[Qq]([1-4])$/.exec(text.trim());
  if (!match) {
    return { success: false, problem: { code: 'bad-quarter', message: `"${text}" is not a quarter: write the year and Q1 to Q4, e.g. 2026Q3 for July to September 2026.` } };
  }
  return { success: true, value: quarterOf(Number(match[1]), Number(match[2])) };
}

function quarterOf(year: number, n: number): Quarter {
  const month = String(3 * (n - 1) + 1).padStart(2, '0');
  return { label: `${year}Q${n}`, start: `${year}-${month}-01`, end: `${year}-${ENDS[n - 1] ?? '12-31'}` };
}

/** The last quarter that has ended by `today` (on 1 July 2026, 2026Q2). */
export function lastCompleteQuarter(today: IsoDate): Quarter {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return current === 1 ? quarterOf(year - 1, 4) : quarterOf(year, current - 1);
}

/** The Code's threshold: contracts over £5,000 are published. */
export const TRANSPARENCY_THRESHOLD = 5000;

/**
 * Where a contract stands in the quarter's Transparency Code file (Local Government Transparency
 * Code 2015, part 2, procurement information: every contract with a value over £5,000): listed
 * when in force on some day of the quarter — started by its last day and not ended before its
 * first (an unknown date does not rule it out) — and worth more than £5,000; listed and marked
 * when no value is recorded, so an officer checks it rather than it being dropped; otherwise
 * left out, with the reason.
 */
export type TransparencyStanding = 'listed' | 'no-value' | 'starts-after' | 'ended-before' | 'not-over-threshold';

export function transparencyStanding(contract: Contract, quarter: Quarter): TransparencyStanding {
  if (contract.startDate !== undefined && contract.startDate > quarter.end) return 'starts-after';
  if (contract.endDate !== undefined && contract.endDate < quarter.start) return 'ended-before';
  const value = contract.value.total ?? contract.value.annual;
  if (value === undefined) return 'no-value';
  return value > TRANSPARENCY_THRESHOLD ? 'listed' : 'not-over-threshold';
}

/** Whether the Transparency Code asks for the contract in the quarter: listed, or listed and marked (see transparencyStanding). */
export function inTransparencyQuarter(contract: Contract, quarter: Quarter): boolean {
  const standing = transparencyStanding(contract, quarter);
  return standing === 'listed' || standing === 'no-value';
}
