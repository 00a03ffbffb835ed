import type { IsoDate } from '../shared/iso-date.js';
import { fail, ok, problemsFromZod, type Problem, type Result } from '../shared/problem.js';
import {
  BUSINESS_FUNCTIONS_LIST_INTRO,
  BUSINESS_FUNCTIONS_SENTENCE,
  CLAUSES,
  CLAUSE_IDS,
  CLAUSE_LIBRARY_VERSION,
  PACK_PREAMBLE,
  TENDER_SECTIONS,
  TIMESTAMPED_DATASETS_LIST_INTRO,
  findClause,
  needsReasonToLeaveOut,
  type ChargesChoice,
  type Clause,
  type ClauseId,
  type InclusionRule,
  type TenderSectionId,
} from './clause-library.js';
import { TenderPackOptionsSchema, type TenderPackOptions } from './pack-options.schema.js';

/** One clause as it appears in a pack. */
export interface PackClause {
  readonly id: ClauseId;
  /** Its number in this pack ("2.1.3"): section, then the clause's place within it. */
  readonly number: string;
  /** Its number in Appendix M ("1.3"), for the officer's annex. */
  readonly appendixNumber: string;
  readonly role: 'lead-in' | 'requirement' | 'charges';
  readonly inclusion: InclusionRule;
  /** Whether the officer could have left it out. */
  readonly excludable: boolean;
  /** The wording, with the officer's parameters applied, or the officer's own wording. */
  readonly text: string;
  /** When the officer reworded it (API-1.4): the appendix's wording, kept beside it in the record. */
  readonly originalText?: string;
  /** "We recommend always including this clause" (API-1.5). */
  readonly recommended: boolean;
  /** The appendix says its wording may need modifying (API-1.4). */
  readonly rewordable: boolean;
  /** Items the wording lists after its text (business functions, time-stamped datasets). */
  readonly items: readonly string[];
  /** For clause 2: the wording the officer chose. */
  readonly chargesChoice?: ChargesChoice;
  /** Whether suppliers answer it in the compliance matrix (a lead-in only introduces others). */
  readonly needsResponse: boolean;
  readonly guidance: readonly string[];
  /** Nested under the lead-in (1.1 … 1.7) rather than at the section's top level (1, 2). */
  readonly level: 0 | 1;
}

export interface PackSection {
  readonly id: TenderSectionId;
  readonly number: string;
  readonly title: string;
  readonly scope: string;
  readonly clauses: readonly PackClause[];
}

/** A clause the officer left out, kept so the annex can say what was dropped, and why. */
export interface ExcludedClause {
  readonly id: ClauseId;
  readonly appendixNumber: string;
  readonly section: TenderSectionId;
  readonly inclusion: InclusionRule;
  readonly recommended: boolean;
  /** Required for an "always" clause; may be given for an optional one. */
  readonly reason?: string;
  readonly guidance: readonly string[];
}

export interface TenderPack {
  readonly title: string;
  readonly reference: string;
  readonly date: IsoDate;
  /** The clause library version the wording came from. */
  readonly libraryVersion: string;
  readonly preamble: string;
  readonly sections: readonly PackSection[];
  readonly excluded: readonly ExcludedClause[];
  readonly includeGuidance: boolean;
}

export type TenderPackProblemCode =
  | 'unknown-clause'
  | 'clause-not-excludable'
  | 'clause-not-in-pack'
  | 'data-extraction-required'
  | 'charges-choice-missing'
  | 'charges-for-absent-section'
  | 'parameter-without-clause'
  | 'section-without-requirements'
  | 'reason-required'
  | 'clause-not-rewordable';

/**
 * Builds a tender clause pack from the officer's options (parsed here, so raw JSON is fine).
 * Every problem is reported at once, each with a code and the path of the option at fault.
 * `date` is the pack's date, passed in because the domain never reads the clock.
 *
 * @example
 * buildTenderPack({ title: 'Revenues and benefits', reference: 'DN712345',
 *   charges: { 'data-extraction': 'no-charge', api: 'declare-charges' } }, { date: '2026-11-26' })
 */
export function buildTenderPack(input: unknown, context: { readonly date: IsoDate }): Result<TenderPack> {
  const parsed = TenderPackOptionsSchema.safeParse(input);
  if (!parsed.success) return fail(problemsFromZod(parsed.error.issues));
  const options = parsed.data;
  const problems = checkOptions(options);
  if (problems.length > 0) return fail(problems);

  const chosen = new Set(options.sections);
  const reasons = new Map(exclusionsOf(options).map((e) => [e.id, e.reason]));
  const excluded = new Set(reasons.keys());
  const sections: PackSection[] = TENDER_SECTIONS.filter((s) => chosen.has(s.id)).map((section, index) => {
    const number = String(index + 1);
    return {
      id: section.id,
      number,
      title: section.title,
      scope: section.scope,
      clauses: numberClauses(
        number,
        CLAUSES.filter((c) => c.section === section.id && !excluded.has(c.id)),
        options,
      ),
    };
  });
  return ok({
    title: options.title,
    reference: options.reference,
    date: context.date,
    libraryVersion: CLAUSE_LIBRARY_VERSION,
    preamble: preambleFor(sections.map((s) => s.id)),
    sections,
    excluded: CLAUSES.filter((c) => chosen.has(c.section) && excluded.has(c.id)).map((c) => {
      const reason = reasons.get(c.id);
      return {
        id: c.id,
        appendixNumber: c.number,
        section: c.section,
        inclusion: c.inclusion,
        recommended: isRecommended(c),
        ...(reason === undefined ? {} : { reason }),
        guidance: c.guidance,
      };
    }),
    includeGuidance: options.includeGuidance,
  });
}

function checkOptions(options: TenderPackOptions): Problem[] {
  const problems: Problem[] = [];
  const chosen = new Set(options.sections);
  const add = (code: TenderPackProblemCode, path: (string | number)[], message: string) => problems.push({ code, path, message });

  if (!chosen.has('data-extraction')) {
    add('data-extraction-required', ['sections'], 'The data-extraction clauses are for use in all tenders: add "data-extraction" to sections.');
  }
  exclusionsOf(options).forEach(({ id, reason }, index) => {
    const clause = findClause(id);
    if (!clause) {
      add('unknown-clause', ['exclude', index], `"${id}" is not an Appendix M clause; the clauses are ${CLAUSE_IDS.join(', ')} (see steward tender-pack --list).`);
    } else if (!chosen.has(clause.section)) {
      add('clause-not-in-pack', ['exclude', index], `${id} is in the ${clause.section} section, which is not in this pack: remove it from exclude, or add "${clause.section}" to sections.`);
    } else if (!clause.excludable) {
      add('clause-not-excludable', ['exclude', index], `${id} cannot be left out: ${clause.whyRequired ?? 'it is required'}.`);
    } else if (needsReasonToLeaveOut(clause) && reason === undefined) {
      const rule = isRecommended(clause) ? 'the appendix recommends always including it' : 'the appendix includes it in all tenders unless it is not appropriate';
      add('reason-required', ['exclude', index], `${id} can be left out only with a reason, because ${rule}: give the reason it does not fit this tender (in an options file: {"id": "${id}", "reason": "..."}); the pack records it.`);
    }
  });
  for (const id of Object.keys(options.reword)) {
    const clause = findClause(id);
    if (!clause || !isRewordable(clause)) {
      const rewordable = CLAUSES.filter(isRewordable).map((c) => c.id).join(', ');
      add('clause-not-rewordable', ['reword', id], `${id} is not a clause the appendix says may be reworded (only ${rewordable}): keep its wording, or leave it out with a reason.`);
    } else if (!chosen.has(clause.section) || options.exclude.some((e) => (typeof e === 'string' ? e : e.id) === id)) {
      add('parameter-without-clause', ['reword', id], `reword.${id} rewords a clause that is not in this pack: include ${id} (and its section) or remove the rewording.`);
    }
  }
  for (const section of TENDER_SECTIONS) {
    const choice = options.charges[section.id];
    if (chosen.has(section.id) && choice === undefined) {
      add('charges-choice-missing', ['charges', section.id], `Choose the wording of clause 2 for ${section.id}: set charges.${section.id} to "no-charge" (no additional charge or limitation) or "declare-charges" (all charges stated in the response).`);
    }
    if (!chosen.has(section.id) && choice !== undefined) {
      add('charges-for-absent-section', ['charges', section.id], `charges.${section.id} is set but the ${section.id} section is not in this pack: add it to sections or remove the charges choice.`);
    }
    const requirements = CLAUSES.filter((c) => c.section === section.id && c.role === 'requirement');
    const left = new Set(exclusionsOf(options).map((e) => e.id));
    if (chosen.has(section.id) && requirements.every((c) => left.has(c.id))) {
      add('section-without-requirements', ['exclude'], `Every ${section.id} requirement is excluded, which leaves clause 1 introducing nothing: keep at least one, or leave the section out.`);
    }
  }
  const parameterClause = (name: 'businessFunctions' | 'timestampedDatasets', id: ClauseId) => {
    if (options[name] === undefined) return;
    const clause = findClause(id);
    if (!clause || !chosen.has(clause.section) || exclusionsOf(options).some((e) => e.id === id)) {
      add('parameter-without-clause', [name], `${name} fills in ${id}, which is not in this pack: include ${id} (and its section) or remove ${name}.`);
    }
  };
  parameterClause('businessFunctions', 'API-1.1');
  parameterClause('timestampedDatasets', 'API-1.3');
  return problems;
}

/**
 * Numbers clauses as they appear: a pack's sections are 1, 2; within a section the lead-in
 * is s.1 with its requirements s.1.1, s.1.2 … (renumbered when some are left out) and the
 * charges clause s.2, keeping the appendix's shape without repeating a number across sections.
 */
function numberClauses(sectionNumber: string, clauses: readonly Clause[], options: TenderPackOptions): PackClause[] {
  let topLevel = 0;
  let nested = 0;
  return clauses.map((clause) => {
    const level = clause.role === 'requirement' ? 1 : 0;
    if (level === 0) {
      topLevel += 1;
      nested = 0;
    } else nested += 1;
    const number = level === 0 ? `${sectionNumber}.${topLevel}` : `${sectionNumber}.${topLevel}.${nested}`;
    const common = {
      id: clause.id as ClauseId,
      number,
      appendixNumber: clause.number,
      role: clause.role,
      inclusion: clause.inclusion,
      excludable: clause.excludable,
      recommended: isRecommended(clause),
      rewordable: isRewordable(clause),
      guidance: clause.guidance,
      needsResponse: clause.role !== 'lead-in',
      level,
    } as const;
    if (clause.inclusion === 'choice') {
      const choice = options.charges[clause.section] ?? 'declare-charges';
      return { ...common, text: clause.wordings[choice], items: [], chargesChoice: choice };
    }
    if (clause.id === 'API-1.1' && options.businessFunctions) {
      return {
        ...common,
        text: clause.text.replace(BUSINESS_FUNCTIONS_SENTENCE, BUSINESS_FUNCTIONS_LIST_INTRO),
        items: options.businessFunctions,
      };
    }
    if (clause.id === 'API-1.3' && options.timestampedDatasets) {
      return { ...common, text: `${clause.text} ${TIMESTAMPED_DATASETS_LIST_INTRO}`, items: options.timestampedDatasets };
    }
    const reworded = options.reword[clause.id];
    if (reworded !== undefined) return { ...common, text: reworded, originalText: clause.text, items: [] };
    return { ...common, text: clause.text, items: [] };
  });
}

/** The exclusions as {id, reason}: a bare id is an exclusion without a reason. */
function exclusionsOf(options: TenderPackOptions): { id: string; reason?: string | undefined }[] {
  return options.exclude.map((entry) => (typeof entry === 'string' ? { id: entry } : entry));
}

function isRecommended(clause: Clause): boolean {
  return 'recommended' in clause && clause.recommended === true;
}

function isRewordable(clause: Clause): boolean {
  return 'rewordable' in clause && clause.rewordable === true;
}

/**
 * The appendix's preamble names both sections; a pack without the API section (data
 * extraction is in every pack) names only data extraction, so suppliers are not asked to
 * describe requirements the tender does not contain.
 */
function preambleFor(sections: readonly TenderSectionId[]): string {
  if (sections.includes('api')) return PACK_PREAMBLE;
  return PACK_PREAMBLE.replace('Data Extraction and Application Programming Interfaces', 'Data Extraction');
}

/** Every clause of a pack, section by section, in order. */
export function packClauses(pack: TenderPack): PackClause[] {
  return pack.sections.flatMap((s) => s.clauses);
}
