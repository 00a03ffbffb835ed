import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES } from './bank-holidays.js';
import { isWorkingDay, previousWorkingDay } from './working-days.js';

describe('previousWorkingDay', () => {
  it('keeps a working day as it is', () => {
    expect(previousWorkingDay('2026-09-30', ENGLAND_AND_WALES)).toBe('2026-09-30');
  });

  it('moves Saturday 29 August 2026, before the bank-holiday Monday, back to Friday 28 August', () => {
    expect(isWorkingDay('2026-08-31', ENGLAND_AND_WALES)).toBe(false);
    expect(previousWorkingDay('2026-08-29', ENGLAND_AND_WALES)).toBe('2026-08-28');
  });

  it('moves the Boxing Day substitute Monday 28 December 2026 back past Christmas to Thursday 24 December', () => {
    expect(previousWorkingDay('2026-12-28', ENGLAND_AND_WALES)).toBe('2026-12-24');
  });

  it('moves Easter Monday 6 April 2026 back past Good Friday to Thursday 2 April', () => {
    expect(previousWorkingDay('2026-04-06', ENGLAND_AND_WALES)).toBe('2026-04-02');
  });

  it('moves the Platinum Jubilee Friday 3 June 2022 back past the moved spring holiday to Wednesday 1 June', () => {
    expect(previousWorkingDay('2022-06-03', ENGLAND_AND_WALES)).toBe('2022-06-01');
  });
});
