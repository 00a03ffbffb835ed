import type { SavingInput } from './saving.schema.js';

/**
 * The strategy's model saving (Appendix I): IEG4's renewal would have raised the price from
 * £100,000 to £160,000 a year; research and benchmarking held it at about £100,000 a year for
 * three years from 1 April 2024 — £60,000 in each of 2024/25, 2025/26 and 2026/27, £180,000
 * in all. The council pays what it paid before, so it is cost avoidance against the
 * proposal, not a cut in a budget: nothing is cashable. Written in the public import format;
 * it is the example in the docs and the tests' reference case.
 */
export const IEG4_SAVING = {
  contract: 'CON-0042',
  description: 'IEG4 renewal renegotiated',
  serviceArea: 'Customer Services',
  kind: 'renegotiation',
  currentAnnual: 100000,
  baselineAnnual: 160000,
  newAnnual: 100000,
  start: '2024-04-01',
  termMonths: 36,
  oneOffCosts: 0,
  state: 'signed-off',
  signedOffBy: 'f.ahmed@council.gov.uk',
} as const satisfies SavingInput;
