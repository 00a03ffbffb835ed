import type { TenderPack } from './build-pack.js';

/**
 * What the officer decided against the appendix, one sentence each, for the pack's record: each
 * clause left out (with its reason, which an "always" clause must have) and each clause reworded
 * (with the appendix's wording beside the officer's). Empty when the pack follows the appendix.
 *
 * @example
 * packRecord(pack) // ['API-1.5 (Appendix M 1.5, recommended) was left out: the system has no APIs of its own.']
 */
export function packRecord(pack: TenderPack): string[] {
  const record: string[] = [];
  for (const clause of pack.excluded) {
    const kind = clause.recommended ? 'recommended' : clause.inclusion === 'always' ? 'always, unless not appropriate' : 'optional';
    record.push(`${clause.id} (Appendix M ${clause.appendixNumber}, ${kind}) was left out${clause.reason === undefined ? '.' : `: ${clause.reason}`}`);
  }
  for (const section of pack.sections) {
    for (const clause of section.clauses) {
      if (clause.originalText === undefined) continue;
      record.push(`${clause.id} (Appendix M ${clause.appendixNumber}) is ${clause.number} in the officer's wording; the appendix's wording is: "${clause.originalText}"`);
    }
  }
  return record;
}
