import { describe, expect, it } from 'vitest';
import { thresholdFor } from './thresholds.js';

describe('thresholdFor', () => {
  it('gives £214,904 for council services whose procurement started on 31 December 2025', () => {
    expect(thresholdFor('PA2023', 'services', '2025-12-31').amount).toBe(214_904);
  });

  it('gives £207,720 for council goods whose procurement started on 1 January 2026', () => {
    expect(thresholdFor('PA2023', 'goods', '2026-01-01').amount).toBe(207_720);
  });

  it('gives £5,372,609 for works started in 2025 and £5,193,000 for works started in 2026', () => {
    expect(thresholdFor('PA2023', 'works', '2025-03-01').amount).toBe(5_372_609);
    expect(thresholdFor('PA2023', 'works', '2026-01-01').amount).toBe(5_193_000);
  });

  it('keeps light touch at £663,540 on both sides of 1 January 2026', () => {
    expect(thresholdFor('PA2023', 'light-touch', '2025-12-31').amount).toBe(663_540);
    expect(thresholdFor('PA2023', 'light-touch', '2026-01-01').amount).toBe(663_540);
  });

  it('pins a Regulations contract to the amounts in force when its procurement started', () => {
    expect(thresholdFor('PCR2015', 'services', '2023-06-01').amount).toBe(213_477);
    expect(thresholdFor('PCR2015', 'services', '2024-01-01').amount).toBe(214_904);
  });

  it('says the amount is assumed when the procurement started before the earliest set', () => {
    const early = thresholdFor('PCR2015', 'works', '2019-05-01');
    expect(early).toMatchObject({ amount: 5_336_937, assumed: true });
  });
});
