/** Pounds as a council report writes them: £1,234 or −£1,234 (to the pound unless pence are asked for). */
export function formatPounds(amount: number, pence = false): string {
  const digits = pence ? 2 : 0;
  const text = Math.abs(amount).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${amount < -0.005 ? '−' : ''}£${text}`;
}

/** A score or weight to at most two decimal places: 76.33, 69, 34.15. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}
