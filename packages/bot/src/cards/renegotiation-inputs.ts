import type { CardElement } from './card-kit.js';

/** The inputs a "Renegotiated" decision needs for its saving; ignored for the other decisions. */
export function renegotiationInputs(): CardElement[] {
  return [
    { type: 'TextBlock', text: 'If renegotiated: the prices, so the saving is recorded for finance.', wrap: true, isSubtle: true, spacing: 'Medium' },
    { type: 'Input.Number', id: 'baselineAnnual', label: 'Annual price the supplier proposed (£)', min: 0 },
    { type: 'Input.Number', id: 'newAnnual', label: 'Annual price agreed (£)', min: 0 },
    { type: 'Input.Date', id: 'newEndDate', label: 'New end date (optional)' },
    { type: 'Input.Number', id: 'termMonths', label: 'Without a new end date: for how many months the saving counts (default 12). This does not change the end date.', min: 1, max: 600 },
  ];
}
