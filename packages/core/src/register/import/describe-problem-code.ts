import type { ImportProblemCode } from './import-problem.js';

/** What each kind of import problem means, in a sentence, for the problems workbook's summary. */
const DESCRIPTIONS: Readonly<Record<ImportProblemCode, string>> = {
  'not-a-date': 'A date cell the importer cannot read as a date: write it as 31/03/2026, or leave it blank.',
  'not-money': 'A value that is not a sum of money: write it as £1,234.50, or leave it blank.',
  'not-a-flag': 'A yes/no cell holding something else: write Yes or No.',
  'not-a-duration': 'A period that is not a length of time: write it as 3 months, 90 days or 1 year.',
  'not-extension-options': 'Extension options the importer cannot read: write them as 2+1+1 years or 24+12 months.',
  'not-a-number': 'A cell that should hold a whole number or a list of numbers.',
  'not-an-email': 'An email cell that is not an email address.',
  'not-a-company-number': 'A company number that is not a Companies House number; it was left out.',
  'not-a-choice': 'A cell that should hold one of a fixed list of answers.',
  'not-a-clause': 'Appendix M clause ids that do not exist.',
  'placeholder-date': 'A date that stands for "unknown" (such as 01/01/1900); it was left blank.',
  'end-from-term': 'No end date, so one was worked out from the start date and the term.',
  'missing-reference': 'The row has no reference, title or supplier to know the contract by.',
  'missing-title': 'The row has no contract title: a contract needs one.',
  'missing-supplier': 'The row has no supplier: a contract needs one.',
  'end-before-start': 'The contract ends before it starts: one of the dates is wrong.',
  'renewal-type-contradicts-terms': 'The renewal type says one thing and the renewal terms another.',
  'duplicate-reference': 'Another row of the original file has the same reference.',
  'provisional-reference': 'No reference, so the contract was given a provisional one.',
  'lot-reference': 'Another contract already has this row\'s reference, so the row was given a lot reference (REF/2) and cannot replace it.',
  'duplicate-row': 'The row repeats an earlier row exactly.',
  'renamed-reference': 'A contract kept under a provisional reference was given its real one.',
  'several-buyers': 'The file holds contracts of more than one council.',
  'invalid-contract': 'The row breaks a rule of the register other than those above.',
};

/** A plain-English sentence for an import problem code. */
export function describeProblemCode(code: ImportProblemCode): string {
  return DESCRIPTIONS[code];
}
