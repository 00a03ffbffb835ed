import { describe, expect, it } from 'vitest';
import { createOcdsValidator } from '../../../../tests/support/ocds-validator.js';
import { makeContract } from '../../../../tests/support/contracts.js';
import type { ModificationRecord } from '../procurement-act/modification-record.js';
import { computeObligations } from '../procurement-act/obligations.js';
import { draftNotice, type NoticeDraftOptions } from './draft-notice.js';

const validate = createOcdsValidator();
const OPTIONS: NoticeDraftOptions = { ocidPrefix: 'ocds-abc123', publisher: 'Anytown Council', uri: 'https://example.org/notice.json', publishedDate: '2026-07-01T09:00:00Z', today: '2026-07-01' };

// A £1m services contract under the Act, entered into on 20 November 2025, with a 16% rise that needs a UK10.
const contract = makeContract({
  reference: 'CON-PA', startDate: '2025-12-01', endDate: '2029-11-30', value: { total: 1_160_000 },
  law: { regime: 'PA2023', procurementStarted: '2025-03-01', enteredInto: '2025-11-20', contractType: 'services', vatIncluded: true },
});
const modification: ModificationRecord = {
  id: 'MOD-1', reference: 'CON-PA', date: '2026-06-01', valueChange: 160000, termChangeDays: 0, ground: 'not-substantial', reason: 'Indexation',
  regime: 'PA2023', belowThreshold: false, noticeRequired: true, recordedBy: 'cli', recordedAt: '2026-05-20T10:00:00Z',
};
const input = { contract, modifications: [modification] };
const obligations = computeObligations(contract, { today: OPTIONS.today, modifications: [modification] });
const draft = (wanted: string) => draftNotice(input, obligations, wanted, OPTIONS);

describe('draftNotice', () => {
  it('drafts a UK7 as the contract release, as the contract stood when it was entered into, valid against OCDS 1.1.5', () => {
    const result = draft('UK7');
    if (!result.success) throw new Error(result.problem.message);
    expect(validate(result.value.package).errors).toEqual([]);
    expect(result.value.obligation).toMatchObject({ key: 'UK7', due: '2025-12-19' });
    expect(result.value.package.releases).toEqual([expect.objectContaining({ id: 'ocds-abc123-CON-PA-contract', tag: ['contract'], date: '2025-11-20T00:00:00Z' })]);
    expect(result.value.package.releases[0]?.contracts[0]?.value).toEqual({ amount: 1_000_000, currency: 'GBP' });
  });

  it('drafts a UK10 by its key as the contractAmendment release of that modification, declaring the UK extension', () => {
    const result = draft('uk10:MOD-1');
    if (!result.success) throw new Error(result.problem.message);
    expect(validate(result.value.package).errors).toEqual([]);
    expect(result.value.package.releases.map((r) => [r.id, r.tag[0]])).toEqual([['ocds-abc123-CON-PA-amendment-MOD-1', 'contractAmendment']]);
    expect(result.value.package.releases[0]?.contracts[0]?.amendments?.[0]).toMatchObject({ id: 'MOD-1', rationale: 'Indexation', value: { amount: 1_160_000 } });
    expect(result.value.package.extensions).toEqual([expect.stringContaining('ocds_uk_extension')]);
  });

  it('drafts a UK11 before the contract ends, as the termination release on its end date', () => {
    const result = draft('UK11');
    if (!result.success) throw new Error(result.problem.message);
    expect(validate(result.value.package).errors).toEqual([]);
    expect(result.value.package.releases[0]).toMatchObject({ tag: ['contractTermination'], date: '2029-11-30T00:00:00Z', contracts: [{ status: 'terminated', implementation: { endDate: '2029-11-30T23:59:59Z' } }] });
  });

  it('keeps the ocid export ocds gives a contract imported from Contracts Finder', () => {
    const imported = { ...contract, reference: 'ocds-b5fd17-e3b5f385-1' };
    const result = draftNotice({ contract: imported }, computeObligations(imported, { today: OPTIONS.today }), 'UK7', { ...OPTIONS, references: ['ocds-b5fd17-e3b5f385-1', 'CON-2'] });
    expect(result.success && result.value.package.releases[0]?.ocid).toBe('ocds-b5fd17-e3b5f385');
  });

  it('refuses a code with no release to draft, an occurrence the contract does not have, and a contract without that duty', () => {
    expect(draft('UK9')).toMatchObject({ success: false, problem: { code: 'not-a-notice', message: expect.stringContaining('drafts are for UK7') } });
    expect(draft('UK99')).toMatchObject({ success: false, problem: { code: 'not-a-notice', message: expect.stringContaining('"UK99" is not an obligation') } });
    expect(draft('UK10:MOD-7')).toMatchObject({ success: false, problem: { code: 'no-such-obligation', message: expect.stringContaining('CON-PA has no UK10:MOD-7; its UK10 obligation is UK10:MOD-1') } });
    const old = makeContract({ reference: 'CON-OLD', startDate: '2020-04-01', endDate: '2027-03-31', law: { regime: 'PCR2015' } });
    expect(draftNotice({ contract: old }, computeObligations(old, { today: OPTIONS.today }), 'UK7', OPTIONS)).toMatchObject({ success: false, problem: { code: 'no-such-obligation', message: expect.stringContaining('CON-OLD has no UK7 obligation') } });
  });
});
