
/*
 * How numbers, money and lengths of time read in the CLI, the bot's cards and the documents:
 * written once so a notice period or a value reads the same wherever it is shown.
 */

/** A length of time as the register holds it (register's Duration fits; written here so shared needs nothing above it). */
interface Length {
  readonly amount: number;
  readonly unit: 'days' | 'weeks' | 'months' | 'years';
}

/** "1 month", "6 months", "90 days": singular for one, never "1 months". */
export function describeDuration(duration: Length): string {
  const unit = duration.amount === 1 ? duration.unit.slice(0, -1) : duration.unit;
  return `${duration.amount} ${unit}`;
}

/** Extension options as a contract states them: "1 year + 1 year", "12 months + 6 months". */
export function describeDurations(durations: readonly Length[]): string {
  return durations.map(describeDuration).join(' + ');
}

/**
 * Whole pounds, as a council report writes them: "£1,234", "−£1,234" (a true minus sign). For
 * values, costs and totals where pence would only be noise.
 */
export function formatPounds(amount: number): string {
  const rounded = Math.round(amount);
  const whole = Math.abs(rounded);
  // Grouped by hand: toLocaleString costs microseconds a call, and key dates name every
  // contract's value (2.6 s of a 100,000-row import's index writes). Same text for en-GB.
  const text = whole < 1e21 ? String(whole).replace(/\B(?=(\d{3})+$)/g, ',') : whole.toLocaleString('en-GB', { maximumFractionDigits: 0 });
  return `${rounded < 0 ? '−' : ''}£${text}`;
}

/**
 * Pounds and pence: "£1,234.56", "£1,234.50", and "£100,000" when there are no pence; "−£12.50"
 * below zero. For amounts someone typed or will check to the penny (savings, modifications).
 */
export function formatMoney(amount: number): string {
  const pence = Math.round(amount * 100);
  const text = (pence % 100 === 0 ? WHOLE_POUNDS : POUNDS_AND_PENCE).format(Math.abs(pence) / 100);
  return `${pence < 0 ? '−' : ''}£${text}`;
}

// Made once: toLocaleString builds a formatter on every call, which showed in every digest.
const WHOLE_POUNDS = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const POUNDS_AND_PENCE = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A score or weight to at most two decimal places: 76.33, 69, 34.15. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The letters Excel shows above column `n`, counting from 1 as Excel numbers its columns:
 * 1 → A, 26 → Z, 27 → AA.
 */
export function columnLetter(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}
