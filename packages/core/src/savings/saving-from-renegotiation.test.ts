import { describe, expect, it } from 'vitest';
import { computeSaving } from './compute-savings.js';
import { savingFromRenegotiation } from './saving-from-renegotiation.js';

const contract = { reference: 'CON-0042', title: 'Revenues and benefits e-forms', serviceArea: 'Customer Services' };

describe('a saving from a renegotiated renewal', () => {
  it('records the IEG4 renegotiation as a proposed, cashable saving by whoever recorded the decision', () => {
    const result = savingFromRenegotiation({
      contract,
      baselineAnnual: 160000,
      newAnnual: 100000,
      start: '2024-04-01',
      termMonths: 36,
      by: 'a.khan@council.gov.uk',
      at: new Date('2024-02-01T10:00:00Z'),
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.value).toMatchObject({
      contract: 'CON-0042',
      kind: 'renegotiation',
      serviceArea: 'Customer Services',
      state: 'proposed',
      stateBy: 'a.khan@council.gov.uk',
      stateAt: '2024-02-01T10:00:00.000Z',
      cashable: true,
      description: 'Revenues and benefits e-forms: renewal renegotiated from £160,000 to £100,000 a year',
    });
    expect(computeSaving(result.value).totalSaving).toBe(180000);
  });

  it('records a held price rise, given today\'s price, as cost avoidance', () => {
    // IEG4: paying £100,000, proposed £160,000, held at £100,000.
    const result = savingFromRenegotiation({
      contract,
      currentAnnual: 100000,
      baselineAnnual: 160000,
      newAnnual: 100000,
      start: '2024-04-01',
      termMonths: 36,
      by: 'a.khan@council.gov.uk',
      at: new Date('2024-02-01T10:00:00Z'),
    });
    expect(result.success && result.value).toMatchObject({ currentAnnual: 100000, cashable: false });
  });

  it('returns problems rather than a saving when the term is impossible', () => {
    const result = savingFromRenegotiation({
      contract,
      baselineAnnual: 160000,
      newAnnual: 100000,
      start: '2024-02-30',
      termMonths: 36,
      by: 'a.khan@council.gov.uk',
      at: new Date('2024-02-01T10:00:00Z'),
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems[0]?.path).toEqual(['start']);
  });
});
