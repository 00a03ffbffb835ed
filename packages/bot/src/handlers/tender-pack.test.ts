import { describe, expect, it } from 'vitest';
import { buildTenderPack } from '@contract-steward/core';
import { packOptionsFromForm, packSummaryMarkdown } from './tender-pack.js';

const FORM = { title: 'E-forms', reference: 'CCC-2027-014', sections: 'data-extraction,api', chargesDataExtraction: 'no-charge', chargesApi: 'declare-charges' };

describe('packOptionsFromForm', () => {
  it('pairs each clause left out with the reason written for it, and passes the officer\'s wording of API-1.4', () => {
    const options = packOptionsFromForm({
      ...FORM,
      exclude: 'API-1.5,API-1.7',
      excludeReasons: 'api-1.5: The supplier publishes its API register openly\nnot a reason line',
      rewordApi14: '  Casework data should also be able to be entered via API.  ',
    });
    expect(options).toMatchObject({
      exclude: [{ id: 'API-1.5', reason: 'The supplier publishes its API register openly' }, 'API-1.7'],
      reword: { 'API-1.4': 'Casework data should also be able to be entered via API.' },
    });
    const result = buildTenderPack(options, { date: '2026-11-26' });
    if (!result.success) throw new Error(JSON.stringify(result.problems));
    expect(packSummaryMarkdown(result.value)).toContain('Left out: API-1.5 (The supplier publishes its API register openly), API-1.7.');
  });

  it('leaves the reason out when none is written, so the pack asks for it', () => {
    const result = buildTenderPack(packOptionsFromForm({ ...FORM, exclude: 'DE-1.2' }), { date: '2026-11-26' });
    expect(result.success ? [] : result.problems.map((p) => p.code)).toEqual(['reason-required']);
  });
});
