import { describe, expect, it } from 'vitest';
import { DEFAULT_GOVERNANCE_BANDS, governanceBandFor, parseGovernanceBands } from './renewal-settings.js';

describe('parseGovernanceBands', () => {
  it('reads 100000:0,500000:42,70 as the default bands', () => {
    expect(parseGovernanceBands('100000:0,500000:42,70')).toEqual(DEFAULT_GOVERNANCE_BANDS);
  });

  it('allows spaces, pound signs and digit separators', () => {
    expect(parseGovernanceBands(' £250_000 : 28 , 56 ')).toEqual([{ below: 250_000, days: 28 }, { days: 56 }]);
  });

  it('reads a single number as one lead time for every contract', () => {
    expect(parseGovernanceBands('21')).toEqual([{ days: 21 }]);
  });

  it.each([
    ['a top band with a limit', '100000:0,500000:42'],
    ['a band without a limit before the last', '0,500000:42,70'],
    ['limits that do not rise', '500000:42,100000:0,70'],
    ['words', 'forty-two days'],
    ['a negative number of days', '100000:-1,70'],
    ['nothing', ' , '],
    ['more than a year of approval', '100000:0,400'],
  ])('refuses %s', (_, text) => {
    expect(parseGovernanceBands(text)).toBeUndefined();
  });
});

describe('governanceBandFor', () => {
  it('puts £99,999 under delegated powers, £100,000 in the middle band and £500,000 in the top one', () => {
    expect(governanceBandFor(99_999, DEFAULT_GOVERNANCE_BANDS)?.days).toBe(0);
    expect(governanceBandFor(100_000, DEFAULT_GOVERNANCE_BANDS)?.days).toBe(42);
    expect(governanceBandFor(500_000, DEFAULT_GOVERNANCE_BANDS)?.days).toBe(70);
  });

  it('has no band for a contract whose value is not known', () => {
    expect(governanceBandFor(undefined, DEFAULT_GOVERNANCE_BANDS)).toBeUndefined();
  });
});
