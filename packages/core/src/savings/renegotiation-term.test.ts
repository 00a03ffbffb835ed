import { describe, expect, it } from 'vitest';
import { monthsThrough, renegotiationStart } from './renegotiation-term.js';

describe('renegotiationStart', () => {
  it('starts the new price the day after the current end date when that is still ahead', () => {
    expect(renegotiationStart('2027-03-31', '2027-01-10')).toBe('2027-04-01');
  });

  it('starts the new price today when the contract already ended, so a saving never starts in the past', () => {
    expect(renegotiationStart('2025-03-31', '2026-06-01')).toBe('2026-06-01');
  });

  it('starts today when the day after the end is today, or when there is no end date', () => {
    expect(renegotiationStart('2026-05-31', '2026-06-01')).toBe('2026-06-01');
    expect(renegotiationStart(undefined, '2026-06-01')).toBe('2026-06-01');
  });
});

describe('monthsThrough', () => {
  it('counts 1 April 2027 to 31 March 2029 as 24 months', () => {
    expect(monthsThrough('2027-04-01', '2029-03-31')).toBe(24);
  });

  it('counts a part month down, but never below one month', () => {
    expect(monthsThrough('2027-04-15', '2027-06-10')).toBe(1);
    expect(monthsThrough('2027-04-15', '2027-04-20')).toBe(1);
  });
});
