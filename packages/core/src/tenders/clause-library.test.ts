import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BUSINESS_FUNCTIONS_LIST_INTRO,
  BUSINESS_FUNCTIONS_SENTENCE,
  CLAUSES,
  CLAUSE_IDS,
  PACK_PREAMBLE,
  TENDER_SECTIONS,
  findClause,
  needsReasonToLeaveOut,
  type Clause,
  type TenderSectionId,
} from './clause-library.js';

// Appendix M of the council's strategy, kept in the repository (see tests/fixtures/seed/PROVENANCE.md).
const SEED = fileURLToPath(new URL('../../../../tests/fixtures/seed/appendix-m-data-access-and-api.txt', import.meta.url));

/** Whitespace aside: runs of spaces, tabs and line breaks count as one space. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const stripTags = (html: string) => html.replace(/<\/?(p|i)>/g, ' ');

interface SeedRow {
  readonly section: TenderSectionId;
  readonly number: string;
  readonly wording: string;
  readonly guidance: string[];
}

/**
 * Reads the two tables of Appendix M the way a person does: a row is "wording<TAB>guidance";
 * a row that starts with a tab carries on the guidance of the row before (a page break);
 * headings and repeated page titles are skipped.
 */
function readAppendixM(): { preamble: string[]; rows: SeedRow[] } {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('Appendix M: Data access and API requirements – tender wording'));
  expect(start).toBe(0);
  const body = lines.slice(start);
  const preamble = body.filter((l) => l.startsWith('The Supplier must provide'));
  const rows: SeedRow[] = [];
  let section: TenderSectionId | undefined;
  for (const line of body) {
    if (line.startsWith('Data extraction (for use in all tenders)')) section = 'data-extraction';
    else if (line.startsWith('Application programming interfaces (')) section = 'api';
    if (!section || !line.includes('\t') || line.startsWith('Tender Clause Wording')) continue;
    const [wordingCell = '', guidanceCell = ''] = line.split('\t');
    const guidance = stripTags(guidanceCell.replace(/<\/p>\s*<p>/g, '\u0000')).split('\u0000').map(normalise).filter(Boolean);
    if (wordingCell.trim() === '') {
      const previous = rows.at(-1);
      if (!previous) throw new Error('guidance continues before any row');
      // The page break splits one paragraph: the first continued paragraph joins the last one.
      const [first = '', ...rest] = guidance;
      previous.guidance[previous.guidance.length - 1] = normalise(`${previous.guidance.at(-1) ?? ''} ${first}`);
      previous.guidance.push(...rest);
      continue;
    }
    const match = /^(\d+(?:\.\d+)?)\.\s+([\s\S]*)$/.exec(normalise(stripTags(wordingCell)));
    if (!match) throw new Error(`cannot read a clause number in: ${wordingCell}`);
    rows.push({ section, number: match[1] ?? '', wording: normalise(match[2] ?? ''), guidance });
  }
  return { preamble, rows };
}

/** The clause's wording as the appendix prints it: clause 2 shows both choices. */
function printedWording(clause: Clause): string {
  if (clause.inclusion === 'choice') {
    return normalise(`Either: ${clause.wordings['no-charge']} Or ${clause.wordings['declare-charges']}`);
  }
  return normalise(clause.text);
}

describe('the Appendix M clause library', () => {
  const seed = readAppendixM();

  it('holds exactly the clauses of both Appendix M tables, in their order', () => {
    expect(CLAUSES.map((c) => `${c.section} ${c.number}`)).toEqual(seed.rows.map((r) => `${r.section} ${r.number}`));
    expect(CLAUSE_IDS).toEqual(['DE-1', 'DE-1.1', 'DE-1.2', 'DE-1.3', 'DE-2', 'API-1', 'API-1.1', 'API-1.2', 'API-1.3', 'API-1.4', 'API-1.5', 'API-1.6', 'API-1.7', 'API-2']);
  });

  for (const clause of CLAUSES) {
    it(`has the appendix's exact wording for ${clause.id}`, () => {
      const row = seed.rows.find((r) => r.section === clause.section && r.number === clause.number);
      expect(row, `${clause.id} is not in the seed`).toBeDefined();
      expect(printedWording(clause)).toBe(row?.wording);
    });

    it(`has the appendix's exact explanation or caveat for ${clause.id}`, () => {
      const row = seed.rows.find((r) => r.section === clause.section && r.number === clause.number);
      expect(clause.guidance.map(normalise)).toEqual(row?.guidance);
    });
  }

  it('has the preamble word for word', () => {
    expect(seed.preamble.map(normalise)).toEqual([normalise(PACK_PREAMBLE)]);
  });

  it('takes the business-functions wording of API-1.1 from its guidance', () => {
    const guidance = findClause('API-1.1')?.guidance.join(' ') ?? '';
    expect(guidance).toContain(`"${BUSINESS_FUNCTIONS_SENTENCE.replace(/\.$/, '')}"`);
    expect(guidance).toContain(`"${BUSINESS_FUNCTIONS_LIST_INTRO.replace(/:$/, '')}...`);
    const text = findClause('API-1.1');
    expect(text?.inclusion !== 'choice' && text?.text.endsWith(BUSINESS_FUNCTIONS_SENTENCE)).toBe(true);
  });

  it('reads each inclusion rule from the guidance', () => {
    for (const clause of CLAUSES) {
      const guidance = clause.guidance.join(' ');
      if (guidance.startsWith('Include as template in all tenders')) expect(clause.inclusion, clause.id).toBe('always');
      if (guidance.startsWith('Delete / include as appropriate')) expect(clause.inclusion, clause.id).toBe('optional');
      if (clause.number === '2') expect(clause.inclusion, clause.id).toBe('choice');
    }
  });

  it('reads "we recommend always including" as recommended, not mandatory, and "may need to be modified" as rewordable', () => {
    const recommended = CLAUSES.filter((c) => c.guidance.join(' ').startsWith('We recommend always including')).map((c) => c.id);
    expect(recommended).toEqual(['API-1.5']);
    expect(findClause('API-1.5')).toMatchObject({ inclusion: 'always', recommended: true, excludable: true });
    const rewordable = CLAUSES.filter((c) => c.guidance.join(' ').includes('may need to be modified')).map((c) => c.id);
    expect(rewordable).toEqual(['API-1.4']);
    expect(CLAUSES.filter((c) => 'rewordable' in c && c.rewordable).map((c) => c.id)).toEqual(rewordable);
  });

  it('asks for a reason to leave out an "always" clause, and none for an optional one', () => {
    expect(CLAUSES.filter((c) => needsReasonToLeaveOut(c)).map((c) => c.id)).toEqual(['DE-1.1', 'DE-1.2', 'DE-1.3', 'API-1.4', 'API-1.5', 'API-1.6']);
  });

  it('explains why each clause that cannot be left out must stay', () => {
    for (const clause of CLAUSES.filter((c) => !c.excludable)) expect(clause.whyRequired, clause.id).toBeTruthy();
  });

  it('puts data extraction in every tender and leaves APIs to the council', () => {
    expect(TENDER_SECTIONS.map((s) => [s.id, s.required])).toEqual([
      ['data-extraction', true],
      ['api', false],
    ]);
  });
});
