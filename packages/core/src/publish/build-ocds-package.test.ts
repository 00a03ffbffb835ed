import { describe, expect, it } from 'vitest';
import { createOcdsValidator } from '../../../../tests/support/ocds-validator.js';
import { makeContract } from '../../../../tests/support/contracts.js';
import type { ModificationRecord } from '../procurement-act/modification-record.js';
import { buildOcdsPackage, ocidsFor, type OcdsContractInput, type OcdsPackageOptions, type OcdsReleasePackage } from './build-ocds-package.js';
import { OCDS_EXTENSIONS } from './ocds-types.js';

const validate = createOcdsValidator();
const OPTIONS: OcdsPackageOptions = { ocidPrefix: 'ocds-abc123', publisher: 'Norfolk County Council', uri: 'https://example.org/contracts.json', publishedDate: '2026-07-01T09:00:00Z', today: '2026-07-01' };

const contract = makeContract({
  reference: 'CON-0042',
  title: 'Revenues and benefits system',
  description: 'Hosted revenues and benefits software',
  startDate: '2024-04-01',
  endDate: '2027-03-31',
  value: { total: 300000, basis: 'fixed' },
  supplier: { name: 'IEG4 Ltd', companyNumber: '4841343', sme: true, vcse: false, address: '1 High Street, Manchester', postcode: 'M1 1AA' },
});

const modification: ModificationRecord = {
  id: 'MOD-1', reference: 'CON-0042', date: '2025-10-01', valueChange: 25000, newEndDate: '2027-03-31', previousEndDate: '2026-03-31', termChangeDays: 365,
  description: 'One more year of support', ground: 'below-threshold', regime: 'PA2023', belowThreshold: true, noticeRequired: false, recordedBy: 'cli', recordedAt: '2025-09-20T10:00:00Z',
};

function build(inputs: readonly OcdsContractInput[], options: Partial<OcdsPackageOptions> = {}): OcdsReleasePackage {
  const result = buildOcdsPackage(inputs, { ...OPTIONS, ...options });
  if (!result.success) throw new Error(result.problem.message);
  return result.value;
}

const full: OcdsContractInput = {
  contract: { ...contract, endDate: '2026-06-30', value: { total: 325000 } },
  modifications: [{ ...modification, newEndDate: '2026-06-30' }],
  performance: {
    kpis: [{ name: 'Calls answered in 60 seconds', target: 95, unit: '%' }],
    results: [{ kpi: 'Calls answered in 60 seconds', periodStart: '2025-04-01', periodEnd: '2025-06-30', value: 93.5, rating: 'Approaching target' }],
  },
};

describe('buildOcdsPackage', () => {
  it('publishes a contract as a valid OCDS 1.1.5 contract release with buyer, supplier, award and contract', () => {
    const pkg = build([{ contract }]);
    expect(validate(pkg).errors).toEqual([]);
    const [release] = pkg.releases;
    expect(release).toMatchObject({ ocid: 'ocds-abc123-CON-0042', id: 'ocds-abc123-CON-0042-contract', date: '2024-04-01T00:00:00Z', tag: ['contract'] });
    expect(release?.parties.map((p) => p.roles)).toEqual([['buyer'], ['supplier']]);
    expect(release?.parties[1]).toMatchObject({ id: 'GB-COH-04841343', identifier: { scheme: 'GB-COH', id: '04841343' }, details: { scale: 'sme', vcse: false }, address: { postalCode: 'M1 1AA' } });
    expect(release?.contracts[0]).toMatchObject({ status: 'active', period: { startDate: '2024-04-01T00:00:00Z', endDate: '2027-03-31T23:59:59Z' }, value: { amount: 300000, currency: 'GBP' }, items: [{ description: 'Hosted revenues and benefits software' }] });
    expect(pkg.extensions).toBeUndefined();
  });

  it('publishes a modification, KPI results and the end as amendment, implementation and termination releases, each valid', () => {
    const pkg = build([full]);
    expect(validate(pkg).errors).toEqual([]);
    expect(pkg.releases.map((r) => [r.tag[0], r.date.slice(0, 10)])).toEqual([
      ['contract', '2024-04-01'], ['implementation', '2025-06-30'], ['contractAmendment', '2025-10-01'], ['contractTermination', '2026-06-30'],
    ]);
    expect(pkg.extensions?.sort()).toEqual(Object.values(OCDS_EXTENSIONS).sort());
    const [contractRelease, implementation, amendment, termination] = pkg.releases;
    // Before the change the contract was worth £300,000 and ended on 31 March 2026.
    expect(contractRelease?.contracts[0]).toMatchObject({ value: { amount: 300000 }, period: { endDate: '2026-03-31T23:59:59Z' } });
    expect(amendment?.contracts[0]?.amendments).toEqual([expect.objectContaining({
      id: 'MOD-1', date: '2025-10-01T00:00:00Z', description: 'One more year of support', amendsReleaseID: 'ocds-abc123-CON-0042-contract', releaseID: 'ocds-abc123-CON-0042-amendment-MOD-1',
      value: { amount: 325000, currency: 'GBP' }, period: { startDate: '2024-04-01T00:00:00Z', endDate: '2026-06-30T23:59:59Z' },
      rationaleClassifications: [expect.objectContaining({ id: 'below-threshold' })],
    })]);
    expect(implementation?.contracts[0]?.implementation?.metrics?.[0]?.observations[0]).toMatchObject({ measure: 93.5, unit: { name: '%' }, measureClassification: { id: 'slightlyBelow', description: 'Approaching target' } });
    expect(termination?.contracts[0]).toMatchObject({ status: 'terminated', implementation: { endDate: '2026-06-30T23:59:59Z', finalValue: { amount: 325000, currency: 'GBP' } } });
  });

  it('gives the same release ids and content on every run', () => {
    expect(JSON.stringify(build([full]))).toBe(JSON.stringify(build([full])));
  });

  it('keeps only releases dated after --since', () => {
    const pkg = build([full], { since: '2025-10-01' });
    expect(pkg.releases.map((r) => r.tag[0])).toEqual(['contractTermination']);
    expect(pkg.extensions).toEqual([OCDS_EXTENSIONS.contractCompletion]);
    expect(validate(pkg).errors).toEqual([]);
  });

  it('marks a contract that has not started as pending', () => {
    const pkg = build([{ contract: makeContract({ reference: 'NEW-1', startDate: '2026-09-01', law: { enteredInto: '2026-06-15' } }) }]);
    expect(pkg.releases[0]).toMatchObject({ date: '2026-06-15T00:00:00Z' });
    expect(pkg.releases[0]?.contracts[0]?.status).toBe('pending');
    expect(validate(pkg).errors).toEqual([]);
  });

  it('keeps the Contracts Finder ocid a contract was imported from, unless two contracts share it', () => {
    const ids = ocidsFor(['ocds-b5fd17-e3b5f385-1', 'ocds-b5fd17-aaaa-1/1', 'ocds-b5fd17-aaaa-1/2', 'CON-1'], 'ocds-abc123');
    expect([...ids.values()]).toEqual(['ocds-b5fd17-e3b5f385', 'ocds-abc123-ocds-b5fd17-aaaa-1/1', 'ocds-abc123-ocds-b5fd17-aaaa-1/2', 'ocds-abc123-CON-1']);
  });

  it('refuses an ocid prefix that is not "ocds-" and six characters, and an empty register', () => {
    for (const prefix of ['ocds-abc12', 'abc123', 'ocds-ABC123', 'ocds-abc1234']) {
      expect(buildOcdsPackage([{ contract }], { ...OPTIONS, ocidPrefix: prefix })).toMatchObject({ success: false, problem: { code: 'bad-ocid-prefix' } });
    }
    expect(buildOcdsPackage([], OPTIONS)).toMatchObject({ success: false, problem: { code: 'empty-register', message: expect.stringContaining('steward import') } });
  });
});

describe('the OCDS validation used by these tests', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break the package on purpose, field by field
  const good = () => JSON.parse(JSON.stringify(build([full]))) as any;

  it('fails a release with a tag outside the release tag codelist', () => {
    const pkg = good();
    pkg.releases[0].tag = ['contractSigned'];
    expect(validate(pkg).errors).toContainEqual(expect.stringMatching(/^\/releases\/0\/tag .*closed codelist releaseTag/));
  });

  it('fails a contract status outside the closed codelist', () => {
    const pkg = good();
    pkg.releases[0].contracts[0].status = 'expired';
    expect(validate(pkg).valid).toBe(false);
    expect(validate(pkg).errors).toContainEqual(expect.stringContaining('/releases/0/contracts/0/status'));
  });

  it('fails a release without an ocid', () => {
    const pkg = good();
    delete pkg.releases[1].ocid;
    expect(validate(pkg).errors).toContainEqual("/releases/1 must have required property 'ocid'");
  });

  it('fails an observation whose measure classification is not an object, as the UK extension defines it', () => {
    const pkg = good();
    pkg.releases[1].contracts[0].implementation.metrics[0].observations[0].measureClassification = 'met';
    expect(validate(pkg).valid).toBe(false);
  });
});
