import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../register/contract.schema.js';
import { findMissingAppendixMClauses, flagMissingAppendixM, lacksAppendixM, TERMS_THAT_COUNT } from './missing-clauses.js';

const IT = { systemName: 'Revenues and benefits', hosting: 'cloud' } as const;
const ALL_DE = ['DE-1', 'DE-1.1', 'DE-1.2', 'DE-1.3', 'DE-2'] as const;
const ALL_API = ['API-1', 'API-1.1', 'API-1.2', 'API-1.3', 'API-1.4', 'API-1.5', 'API-1.6', 'API-1.7', 'API-2'] as const;

describe('findMissingAppendixMClauses', () => {
  it('counts the template requirements and the charges clause, not lead-ins or optional clauses', () => {
    expect(TERMS_THAT_COUNT).toEqual({
      'data-extraction': ['DE-1.1', 'DE-1.2', 'DE-1.3', 'DE-2'],
      api: ['API-1.1', 'API-1.4', 'API-1.5', 'API-1.6', 'API-2'],
    });
  });

  it('says an IT contract with no clauses recorded lacks both sections', () => {
    expect(lacksAppendixM({ itSystem: IT })).toEqual(['data-extraction', 'api']);
  });

  it('says an IT contract with every clause lacks nothing', () => {
    expect(findMissingAppendixMClauses({ itSystem: IT, appendixMClauses: [...ALL_DE, ...ALL_API] })).toEqual([]);
  });

  it('does not need the optional clauses or the lead-ins', () => {
    expect(lacksAppendixM({ itSystem: IT, appendixMClauses: [...TERMS_THAT_COUNT['data-extraction'], ...TERMS_THAT_COUNT.api] })).toEqual([]);
  });

  it('names the clauses missing from a section that is only partly there', () => {
    expect(findMissingAppendixMClauses({ itSystem: IT, appendixMClauses: ['DE-1.1', 'DE-1.2', 'DE-2', ...ALL_API] })).toEqual([
      { section: 'data-extraction', missing: ['DE-1.3'] },
    ]);
  });

  it('flags the API section of a contract that has only the data-extraction terms', () => {
    expect(lacksAppendixM({ itSystem: IT, appendixMClauses: [...ALL_DE] })).toEqual(['api']);
  });

  it('expects nothing of a contract with no IT system and no clauses recorded', () => {
    expect(lacksAppendixM({})).toEqual([]);
  });

  it('checks a contract that records clauses even without an IT system', () => {
    expect(lacksAppendixM({ appendixMClauses: [...ALL_DE] })).toEqual(['api']);
  });
});

describe('the contract record of Appendix M clauses', () => {
  const base = { reference: 'CON-1', title: 'E-forms', supplier: { name: 'IEG4 Ltd' } };

  it('reads clause ids as people type them', () => {
    expect(ContractSchema.parse({ ...base, appendixMClauses: [' de-1.1', 'API-2'] }).appendixMClauses).toEqual(['DE-1.1', 'API-2']);
  });

  it('rejects an id that is not an Appendix M clause', () => {
    expect(ContractSchema.safeParse({ ...base, appendixMClauses: ['DE-3'] }).success).toBe(false);
  });
});

describe('flagMissingAppendixM', () => {
  it('flags an IT contract without the data-extraction terms as a fault, and only notes the missing API terms', () => {
    expect(flagMissingAppendixM({ itSystem: IT })).toEqual([
      { code: 'lacks-appendix-m', message: 'lacks Appendix M data-extraction clauses (for all tenders)', lacksAppendixM: ['data-extraction'] },
      { code: 'no-appendix-m-api', message: "note: no Appendix M API clauses (council's discretion)", lacksAppendixM: ['api'] },
    ]);
  });

  it('raises no fault for a contract with the data-extraction terms but no API terms: the API section is at the council\'s discretion', () => {
    expect(flagMissingAppendixM({ itSystem: IT, appendixMClauses: [...ALL_DE] }).map((f) => f.code)).toEqual(['no-appendix-m-api']);
  });

  it('flags the missing data-extraction terms even when the API terms are there', () => {
    expect(flagMissingAppendixM({ itSystem: IT, appendixMClauses: [...ALL_API] }).map((f) => f.code)).toEqual(['lacks-appendix-m']);
  });

  it('does not flag a contract that has the terms, or is not an IT contract', () => {
    expect(flagMissingAppendixM({ itSystem: IT, appendixMClauses: [...ALL_DE, ...ALL_API] })).toEqual([]);
    expect(flagMissingAppendixM({})).toEqual([]);
  });
});
