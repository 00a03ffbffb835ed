import type { SavingInput } from './saving.schema.js';

/**
 * The strategy's model saving (Appendix I): IEG4's renewal, proposed at £160,000 a year and
 * renegotiated with research and benchmarking to £100,000 a year for three years from
 * 1 April 2024 — £60,000 in each of 2024/25, 2025/26 and 2026/27, £180,000 in all. Written in
 * the public import format; it is the example in the docs and the tests' reference case.
 */
export const IEG4_SAVING = {
  contract: 'CON-0042',
  description: 'IEG4 renewal renegotiated',
  serviceArea: 'Customer Services',
  kind: 'renegotiation',
  baselineAnnual: 160000,
  newAnnual: 100000,
  start: '2024-04-01',
  termMonths: 36,
  oneOffCosts: 0,
  cashable: true,
  state: 'signed-off',
} as const satisfies SavingInput;
