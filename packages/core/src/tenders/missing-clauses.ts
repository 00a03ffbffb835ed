import { CLAUSES, TENDER_SECTIONS, type ClauseId, type TenderSectionId } from './clause-library.js';

/**
 * The two things about a contract these rules read. Spelled out here rather than picked from
 * the register's Contract, because the register already imports the clause library.
 */
export interface AppendixMHoldings {
  /** Any IT system the contract is for: its presence makes Appendix M expected. */
  readonly itSystem?: unknown;
  readonly appendixMClauses?: readonly ClauseId[] | undefined;
}

/** An Appendix M section a contract lacks, with the clauses it would need. */
export interface MissingAppendixMSection {
  readonly section: TenderSectionId;
  readonly missing: readonly ClauseId[];
}

/**
 * The clauses that make a section's terms real: every requirement a pack includes as a
 * template, and the charges clause. Optional ones ("delete / include as appropriate") and the
 * lead-ins (a caveat, not a term) do not count.
 */
export const TERMS_THAT_COUNT: Readonly<Record<TenderSectionId, readonly ClauseId[]>> = {
  'data-extraction': termsThatCount('data-extraction'),
  api: termsThatCount('api'),
};

function termsThatCount(section: TenderSectionId): ClauseId[] {
  return CLAUSES.filter((c) => c.section === section && c.role !== 'lead-in' && c.inclusion !== 'optional').map((c): ClauseId => c.id);
}

/**
 * Which Appendix M sections (data extraction, APIs) a contract lacks, so they can be
 * negotiated in before it is renewed. Appendix M is for technology contracts: a contract
 * with no IT system and no clauses recorded is not expected to have them, and lacks nothing.
 * An IT contract that records no clauses lacks them all: the strategy found systems bought
 * without these terms, so silence is not taken as having them.
 *
 * @example
 * findMissingAppendixMClauses({ itSystem: { systemName: 'Revs & Bens' }, appendixMClauses: ['DE-1.1', 'DE-1.2', 'DE-1.3', 'DE-2'] })
 * // [{ section: 'api', missing: ['API-1.1', 'API-1.4', 'API-1.5', 'API-1.6', 'API-2'] }]
 */
export function findMissingAppendixMClauses(contract: AppendixMHoldings): MissingAppendixMSection[] {
  if (contract.itSystem === undefined && contract.appendixMClauses === undefined) return [];
  const held = new Set<string>(contract.appendixMClauses ?? []);
  return TENDER_SECTIONS.map((s) => ({ section: s.id, missing: TERMS_THAT_COUNT[s.id].filter((id) => !held.has(id)) })).filter(
    (s) => s.missing.length > 0,
  );
}

/** Just the sections a contract lacks: `['data-extraction', 'api']`, or `[]`. */
export function lacksAppendixM(contract: AppendixMHoldings): TenderSectionId[] {
  return findMissingAppendixMClauses(contract).map((s) => s.section);
}

/** A remark for the renewals list and the bot about a contract's Appendix M terms. */
export interface AppendixMRenewalFlag {
  /**
   * `lacks-appendix-m`: a fault, the data-extraction terms (for all tenders) are missing.
   * `no-appendix-m-api`: a note, not a fault: the API terms are at the council's discretion.
   */
  readonly code: 'lacks-appendix-m' | 'no-appendix-m-api';
  readonly message: string;
  readonly lacksAppendixM: readonly TenderSectionId[];
}

/**
 * Flags a contract up for renewal that lacks the data-extraction terms, which Appendix M
 * puts in all tenders, so they are negotiated in before it is renewed. Missing API terms are
 * only noted: the appendix leaves the API section to the council's discretion ("for use in
 * most tenders"), so their absence is not a fault. Nothing when it lacks nothing.
 *
 * @example
 * flagMissingAppendixM({ itSystem: {} })
 * // [{ code: 'lacks-appendix-m', message: 'lacks Appendix M data-extraction clauses (for all tenders)', lacksAppendixM: ['data-extraction'] },
 * //  { code: 'no-appendix-m-api', message: 'note: no Appendix M API clauses (council's discretion)', lacksAppendixM: ['api'] }]
 */
export function flagMissingAppendixM(contract: AppendixMHoldings): AppendixMRenewalFlag[] {
  const lacks = lacksAppendixM(contract);
  const flags: AppendixMRenewalFlag[] = [];
  if (lacks.includes('data-extraction')) {
    flags.push({
      code: 'lacks-appendix-m',
      message: 'lacks Appendix M data-extraction clauses (for all tenders)',
      lacksAppendixM: ['data-extraction'],
    });
  }
  if (lacks.includes('api')) {
    flags.push({ code: 'no-appendix-m-api', message: "note: no Appendix M API clauses (council's discretion)", lacksAppendixM: ['api'] });
  }
  return flags;
}
