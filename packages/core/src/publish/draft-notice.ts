import { isObligationCode, type Obligation } from '../procurement-act/obligations.js';
import { addDays } from '../shared/calendar.js';
import { checkPackageOptions, contractReleases, ocidsFor, releasePackage, type OcdsContractInput, type OcdsPackageOptions, type OcdsPackageProblem, type OcdsReleasePackage } from './build-ocds-package.js';
import type { OcdsTag } from './ocds-types.js';

/** The notices drafted as OCDS releases, with the release tag that carries each one's data. */
export const NOTICE_RELEASE_TAGS = { UK7: 'contract', UK10: 'contractAmendment', UK11: 'contractTermination' } as const satisfies Record<string, OcdsTag>;
export type DraftableNotice = keyof typeof NOTICE_RELEASE_TAGS;

export interface NoticeDraftOptions extends Omit<OcdsPackageOptions, 'since'> {
  /** Every reference in the register, so the draft's ocid is the one `export ocds` gives the contract. */
  readonly references?: readonly string[];
}

export interface NoticeDraft {
  /** The occurrence drafted (its status says whether it is already recorded as published). */
  readonly obligation: Obligation;
  /** A release package holding the one release, as an eSender or the Central Digital Platform takes it. */
  readonly package: OcdsReleasePackage;
}

export type NoticeDraftProblem = { readonly code: 'not-a-notice' | 'no-such-obligation' | OcdsPackageProblem['code']; readonly message: string };
export type NoticeDraftResult = { readonly success: true; readonly value: NoticeDraft } | { readonly success: false; readonly problem: NoticeDraftProblem };

/**
 * The OCDS release that carries a notice's data, for an officer to paste into the Central Digital
 * Platform or an eSender: the `contract` release for a contract details notice (UK7, Procurement
 * Act 2023 s.53), the `contractAmendment` for a contract change notice (UK10, s.75), the
 * `contractTermination` for a contract termination notice (UK11, s.80). `wanted` is the code,
 * which drafts the earliest occurrence not yet published (or the last one, when all are), or an
 * occurrence's key such as `UK10:MOD-1`.
 *
 * @example draftNotice(input, computeObligations(contract, { today }), 'UK7', options)
 */
export function draftNotice(input: OcdsContractInput, obligations: readonly Obligation[], wanted: string, options: NoticeDraftOptions): NoticeDraftResult {
  const reference = input.contract.reference;
  const [rawCode = '', ...rest] = wanted.trim().split(':');
  const code = rawCode.toUpperCase();
  if (!isDraftable(code)) {
    const known = isObligationCode(rawCode) || isObligationCode(code);
    return fail('not-a-notice', `${known ? `${rawCode} is not a notice with an OCDS release to draft` : `"${wanted}" is not an obligation`}: drafts are for UK7 (contract details notice), UK10 (contract change notice) and UK11 (contract termination notice), e.g. steward obligations draft ${reference} UK7.`);
  }
  const key = rest.length > 0 ? [code, ...rest].join(':') : undefined;
  const mine = obligations.filter((o) => o.obligation === code);
  const obligation = key !== undefined ? mine.find((o) => o.key === key) : (mine.find((o) => o.status !== 'done') ?? mine.at(-1));
  if (obligation === undefined) {
    const others = mine.map((o) => o.key);
    const why = key !== undefined && others.length > 0
      ? `${reference} has no ${key}; its ${code} ${others.length === 1 ? 'obligation is' : 'obligations are'} ${others.join(', ')}.`
      : `${reference} has no ${code} obligation: ${WHEN[code]}.`;
    return fail('no-such-obligation', `${why} See its obligations with: steward contracts show ${reference}`);
  }
  const problem = checkPackageOptions(options);
  if (problem) return { success: false, problem };

  const ocid = ocidsFor(options.references ?? [reference], options.ocidPrefix).get(reference) ?? `${options.ocidPrefix}-${reference}`;
  // A termination notice may be drafted before the day the contract ends: build it as ended.
  const end = input.contract.endDate;
  const today = code === 'UK11' && end !== undefined && options.today <= end ? addDays(end, 1) : options.today;
  const modificationId = code === 'UK10' ? obligation.key.slice('UK10:'.length) : undefined;
  const release = contractReleases({ contract: input.contract, modifications: input.modifications ?? [] }, ocid, { publisher: options.publisher, today })
    .find((r) => r.tag[0] === NOTICE_RELEASE_TAGS[code] && (modificationId === undefined || r.contracts[0]?.amendments?.[0]?.id === modificationId));
  if (release === undefined) return fail('no-such-obligation', `${reference} has no release for ${obligation.key}: its change log no longer holds that modification. See it with: steward contracts show ${reference}`);
  return { success: true, value: { obligation, package: releasePackage([release], options) } };
}

const WHEN: Record<DraftableNotice, string> = {
  UK7: 'a contract details notice is due only for a Procurement Act 2023 contract at or above its threshold, once it is entered into (s.53)',
  UK10: 'a contract change notice is due only for a modification recorded with steward modify that s.75(2) does not exempt (s.75)',
  UK11: 'a termination notice is due only for a Procurement Act 2023 contract at or above its threshold with an end date (s.80)',
};

function isDraftable(code: string): code is DraftableNotice {
  return Object.hasOwn(NOTICE_RELEASE_TAGS, code);
}

function fail(code: NoticeDraftProblem['code'], message: string): NoticeDraftResult {
  return { success: false, problem: { code, message } };
}
