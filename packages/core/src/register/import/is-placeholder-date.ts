/**
 * Dates registers use to mean "unknown": Excel's day 0 and day 1, the Unix epoch, 1 January
 * 2000 and 9999-12-31. Norfolk's register has `01-Jan-2000` as the start of 226 contracts.
 * A contract that really started on 1 January 2000 is rare enough to ask about.
 */
const PLACEHOLDERS = new Set(['1899-12-30', '1899-12-31', '1900-01-01', '1900-01-00', '1970-01-01', '2000-01-01', '9999-12-31']);

/** True when `isoDate` is one of the dates registers write for "unknown". */
export function isPlaceholderDate(isoDate: string): boolean {
  return PLACEHOLDERS.has(isoDate);
}
