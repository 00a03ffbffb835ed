import type { Duration } from './contract.schema.js';

/** "6 months", "1 year", "90 days": the unit in the singular for one, never "1 months". */
export function describeDuration(duration: Duration): string {
  const unit = duration.amount === 1 ? duration.unit.slice(0, -1) : duration.unit;
  return `${duration.amount} ${unit}`;
}
