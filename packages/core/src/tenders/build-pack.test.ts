import { describe, expect, it } from 'vitest';
import { buildTenderPack, packClauses, type TenderPack } from './build-pack.js';
import { CLAUSE_LIBRARY_VERSION, PACK_PREAMBLE, findClause } from './clause-library.js';
import type { TenderPackOptionsInput } from './pack-options.schema.js';

const DATE = '2026-11-26';
const BASE: TenderPackOptionsInput = {
  title: 'Revenues and benefits system',
  reference: 'DN712345',
  sections: ['data-extraction', 'api'],
  charges: { 'data-extraction': 'no-charge', api: 'declare-charges' },
};

function build(overrides: Partial<TenderPackOptionsInput> = {}): TenderPack {
  const result = buildTenderPack({ ...BASE, ...overrides }, { date: DATE });
  if (!result.success) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function problems(options: unknown) {
  const result = buildTenderPack(options, { date: DATE });
  if (result.success) throw new Error('expected problems');
  return result.problems.map((p) => ({ code: p.code, path: p.path.join('.') }));
}

const numbered = (pack: TenderPack) => packClauses(pack).map((c) => `${c.number} ${c.id}`);

describe('buildTenderPack', () => {
  it('includes every clause of both sections by default, numbered as they appear', () => {
    expect(numbered(build())).toEqual([
      '1.1 DE-1', '1.1.1 DE-1.1', '1.1.2 DE-1.2', '1.1.3 DE-1.3', '1.2 DE-2',
      '2.1 API-1', '2.1.1 API-1.1', '2.1.2 API-1.2', '2.1.3 API-1.3', '2.1.4 API-1.4', '2.1.5 API-1.5', '2.1.6 API-1.6', '2.1.7 API-1.7', '2.2 API-2',
    ]);
  });

  it('records the title, reference, date and the clause library version', () => {
    const pack = build();
    expect(pack).toMatchObject({ title: 'Revenues and benefits system', reference: 'DN712345', date: DATE, libraryVersion: CLAUSE_LIBRARY_VERSION });
    expect(pack.preamble).toBe(PACK_PREAMBLE);
  });

  it('puts both sections in when sections is left out', () => {
    const options: Record<string, unknown> = { ...BASE };
    delete options.sections;
    const pack = buildTenderPack(options, { date: DATE });
    expect(pack.success && pack.value.sections.map((s) => s.id)).toEqual(['data-extraction', 'api']);
  });

  it('leaves the API section out when only data extraction is chosen, and says so in the preamble', () => {
    const pack = build({ sections: ['data-extraction'], charges: { 'data-extraction': 'declare-charges' } });
    expect(numbered(pack)).toEqual(['1.1 DE-1', '1.1.1 DE-1.1', '1.1.2 DE-1.2', '1.1.3 DE-1.3', '1.2 DE-2']);
    expect(pack.preamble).toBe('The Supplier must provide a full description of how they meet the Data Extraction requirements outlined below.');
  });

  it('keeps the sections in the appendix order whatever order the options give', () => {
    expect(build({ sections: ['api', 'data-extraction'] }).sections.map((s) => `${s.number} ${s.id}`)).toEqual(['1 data-extraction', '2 api']);
  });

  it('renumbers the clauses after the ones left out', () => {
    const pack = build({ exclude: ['API-1.2', 'API-1.7', { id: 'DE-1.2', reason: 'Extracts are covered by the hosting contract' }] });
    expect(numbered(pack)).toEqual([
      '1.1 DE-1', '1.1.1 DE-1.1', '1.1.2 DE-1.3', '1.2 DE-2',
      '2.1 API-1', '2.1.1 API-1.1', '2.1.2 API-1.3', '2.1.3 API-1.4', '2.1.4 API-1.5', '2.1.5 API-1.6', '2.2 API-2',
    ]);
    expect(pack.excluded.map((c) => c.id)).toEqual(['DE-1.2', 'API-1.2', 'API-1.7']);
  });

  it('lets an officer leave out an "always" clause that is not appropriate, and records the reason', () => {
    const pack = build({ exclude: [{ id: 'API-1.4', reason: 'Users cannot enter data: the system only publishes timetables' }] });
    expect(packClauses(pack).map((c) => c.id)).not.toContain('API-1.4');
    expect(pack.excluded).toMatchObject([{ id: 'API-1.4', inclusion: 'always', recommended: false, reason: 'Users cannot enter data: the system only publishes timetables' }]);
  });

  it('refuses to leave out an "always" clause without a reason, saying how to give one', () => {
    const result = buildTenderPack({ ...BASE, exclude: ['DE-1.3'] }, { date: DATE });
    expect(result.success ? [] : result.problems).toEqual([
      {
        code: 'reason-required',
        path: ['exclude', 0],
        message: 'DE-1.3 can be left out only with a reason, because the appendix includes it in all tenders unless it is not appropriate: give the reason it does not fit this tender (in an options file: {"id": "DE-1.3", "reason": "..."}); the pack records it.',
      },
    ]);
  });

  it('lets API-1.5, which the appendix recommends rather than requires, be left out with a reason', () => {
    expect(problems({ ...BASE, exclude: ['API-1.5'] })).toEqual([{ code: 'reason-required', path: 'exclude.0' }]);
    const pack = build({ exclude: [{ id: 'API-1.5', reason: 'The supplier publishes its API register openly' }] });
    expect(packClauses(pack).map((c) => c.id)).not.toContain('API-1.5');
    expect(pack.excluded).toMatchObject([{ id: 'API-1.5', recommended: true, reason: 'The supplier publishes its API register openly' }]);
  });

  it('leaves out an optional clause with no reason needed, and keeps one if given', () => {
    expect(build({ exclude: ['API-1.7', { id: 'API-1.2', reason: 'Overnight batch is enough' }] }).excluded.map((c) => [c.id, c.reason ?? null])).toEqual([
      ['API-1.2', 'Overnight batch is enough'],
      ['API-1.7', null],
    ]);
  });

  it('uses the officer\'s wording of API-1.4 and keeps the appendix\'s beside it', () => {
    const wording = 'Any data a user can submit through the casework screens should also be able to be entered via API.';
    const clause = packClauses(build({ reword: { 'API-1.4': wording } })).find((c) => c.id === 'API-1.4');
    expect(clause).toMatchObject({
      text: wording,
      originalText: 'Any data directly relevant to the business function of the application that can be submitted by a user operating the system should also be able to be entered via API.',
      number: '2.1.4',
    });
  });

  it('refuses to reword a clause the appendix does not say may be reworded, or one left out', () => {
    expect(problems({ ...BASE, reword: { 'API-1.5': 'Some APIs will be listed.' } })).toEqual([{ code: 'clause-not-rewordable', path: 'reword.API-1.5' }]);
    expect(problems({ ...BASE, exclude: [{ id: 'API-1.4', reason: 'n/a' }], reword: { 'API-1.4': 'x' } })).toEqual([{ code: 'parameter-without-clause', path: 'reword.API-1.4' }]);
  });

  it('uses the no-charge wording of clause 2 when the officer chooses it', () => {
    const charges = packClauses(build()).find((c) => c.id === 'DE-2');
    expect(charges).toMatchObject({ chargesChoice: 'no-charge', number: '1.2' });
    expect(charges?.text).toMatch(/^These features must be provided without additional charge/);
  });

  it('uses the declare-charges wording of clause 2 when the officer chooses it', () => {
    const charges = packClauses(build()).find((c) => c.id === 'API-2');
    expect(charges).toMatchObject({ chargesChoice: 'declare-charges' });
    expect(charges?.text).toBe('Any and all charges that would be incurred in respect of the above functionality must be explicitly stated in the tender response.');
  });

  it('names the business functions in API-1.1 instead of "all significant business functions"', () => {
    const clause = packClauses(build({ businessFunctions: ['Council Tax billing', 'Housing Benefit claims'] })).find((c) => c.id === 'API-1.1');
    expect(clause?.text).toBe(
      'The system must have web APIs that enable the Council to give other applications full ability to send data to, or request data from it. This should cover, at minimum, the following business functions:',
    );
    expect(clause?.items).toEqual(['Council Tax billing', 'Housing Benefit claims']);
  });

  it('keeps the appendix wording of API-1.1 when no business functions are named', () => {
    const clause = packClauses(build()).find((c) => c.id === 'API-1.1');
    const library = findClause('API-1.1');
    expect(clause?.text).toBe(library && 'text' in library ? library.text : '');
    expect(clause?.items).toEqual([]);
  });

  it('names the time-stamped datasets in API-1.3', () => {
    const clause = packClauses(build({ timestampedDatasets: ['Payments', 'Case notes'] })).find((c) => c.id === 'API-1.3');
    expect(clause?.text).toMatch(/for more specific web API calls\. This applies, at minimum, to the following datasets, which are recorded against a timestamp:$/);
    expect(clause?.items).toEqual(['Payments', 'Case notes']);
  });

  it('marks lead-ins as not needing a supplier response', () => {
    expect(packClauses(build()).filter((c) => !c.needsResponse).map((c) => c.id)).toEqual(['DE-1', 'API-1']);
  });

  it('keeps the officer guidance flag', () => {
    expect(build().includeGuidance).toBe(false);
    expect(build({ includeGuidance: true }).includeGuidance).toBe(true);
  });
});

describe('buildTenderPack refuses invalid options', () => {
  it('rejects an unknown clause id', () => {
    expect(problems({ ...BASE, exclude: ['API-9'] })).toEqual([{ code: 'unknown-clause', path: 'exclude.0' }]);
  });

  it.each(['DE-1', 'DE-2', 'API-1', 'API-1.1', 'API-2'])('refuses to leave out %s, which cannot be excluded', (id) => {
    expect(problems({ ...BASE, exclude: [id] })).toEqual([{ code: 'clause-not-excludable', path: 'exclude.0' }]);
  });

  it('says how to choose the wording when someone tries to exclude a charges clause', () => {
    const result = buildTenderPack({ ...BASE, exclude: ['DE-2'] }, { date: DATE });
    expect(!result.success && result.problems[0]?.message).toContain('choose its wording with "charges"');
  });

  it('rejects excluding a clause whose section is not in the pack', () => {
    expect(problems({ ...BASE, sections: ['data-extraction'], charges: { 'data-extraction': 'no-charge' }, exclude: ['API-1.2'] })).toEqual([
      { code: 'clause-not-in-pack', path: 'exclude.0' },
    ]);
  });

  it('requires a charges choice for each section in the pack', () => {
    expect(problems({ ...BASE, charges: { 'data-extraction': 'no-charge' } })).toEqual([{ code: 'charges-choice-missing', path: 'charges.api' }]);
    expect(problems({ ...BASE, charges: undefined })).toEqual([
      { code: 'charges-choice-missing', path: 'charges.data-extraction' },
      { code: 'charges-choice-missing', path: 'charges.api' },
    ]);
  });

  it('rejects a charges choice for a section that is not in the pack', () => {
    expect(problems({ ...BASE, sections: ['data-extraction'] })).toEqual([{ code: 'charges-for-absent-section', path: 'charges.api' }]);
  });

  it('rejects a charges choice that is neither wording', () => {
    expect(problems({ ...BASE, charges: { 'data-extraction': 'free', api: 'no-charge' } })).toEqual([
      { code: 'invalid-invalid-value', path: 'charges.data-extraction' },
    ]);
  });

  it('requires the data-extraction section, which is for all tenders', () => {
    expect(problems({ ...BASE, sections: ['api'], charges: { api: 'no-charge' } })).toEqual([{ code: 'data-extraction-required', path: 'sections' }]);
  });

  it('rejects business functions when the API section is not in the pack', () => {
    expect(problems({ ...BASE, sections: ['data-extraction'], charges: { 'data-extraction': 'no-charge' }, businessFunctions: ['Payments'] })).toEqual([
      { code: 'parameter-without-clause', path: 'businessFunctions' },
    ]);
  });

  it('rejects time-stamped datasets when API-1.3 is left out', () => {
    expect(problems({ ...BASE, exclude: ['API-1.3'], timestampedDatasets: ['Payments'] })).toEqual([{ code: 'parameter-without-clause', path: 'timestampedDatasets' }]);
  });

  it('rejects an empty or blank parameter list', () => {
    expect(problems({ ...BASE, businessFunctions: [] })).toEqual([{ code: 'invalid-too-small', path: 'businessFunctions' }]);
    expect(problems({ ...BASE, timestampedDatasets: ['  '] })).toEqual([{ code: 'invalid-too-small', path: 'timestampedDatasets.0' }]);
  });

  it('rejects excluding every data-extraction requirement, which would leave clause 1 introducing nothing', () => {
    const why = (id: string) => ({ id, reason: 'not appropriate' });
    expect(problems({ ...BASE, exclude: [why('DE-1.1'), why('DE-1.2'), why('DE-1.3')] })).toEqual([{ code: 'section-without-requirements', path: 'exclude' }]);
  });

  it('rejects a missing title or reference', () => {
    expect(problems({ ...BASE, title: ' ', reference: undefined })).toEqual([
      { code: 'invalid-too-small', path: 'title' },
      { code: 'invalid-invalid-type', path: 'reference' },
    ]);
  });

  it('rejects an option it does not know, so a misspelt one is not silently ignored', () => {
    expect(problems({ ...BASE, exlude: ['API-1.2'] })).toEqual([{ code: 'invalid-unrecognized-keys', path: '' }]);
  });

  it('rejects an unknown section', () => {
    expect(problems({ ...BASE, sections: ['data-extraction', 'apis'] })).toEqual([{ code: 'invalid-invalid-value', path: 'sections.1' }]);
  });

  it('reports every problem at once', () => {
    expect(problems({ ...BASE, charges: {}, exclude: ['DE-1', 'X-1'] }).map((p) => p.code)).toEqual([
      'clause-not-excludable',
      'unknown-clause',
      'charges-choice-missing',
      'charges-choice-missing',
    ]);
  });
});
