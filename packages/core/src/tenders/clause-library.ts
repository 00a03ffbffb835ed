import { z } from 'zod';

/**
 * The council's data-access and API tender wording: Appendix M of the DDaT strategy, itself an
 * amended version of the wording the London Office of Technology and Innovation (LOTI)
 * published in 2020. The wording is reference data and must match the appendix word for word
 * (clause-library.test.ts compares it with the seed text), so a tender never drifts from the
 * strategy the council adopted. Change the wording only with the strategy, and bump the version.
 */

/** Recorded in every pack, so a tender says which wording it was built from. */
export const CLAUSE_LIBRARY_VERSION = 'appendix-m-1.0.0';

/** What the pack is, as a supplier reads it and an invitation to tender refers to it. */
export const APPENDIX_M_LABEL = 'Appendix M — Data access and API requirements';

/**
 * The clause library version as a supplier can read it, with the pack's date:
 * "Appendix M, version 1.0.0 (26 November 2026)" rather than the internal "appendix-m-1.0.0".
 */
export function appendixVersionLabel(libraryVersion: string, longDate: string): string {
  return `Appendix M, version ${libraryVersion.replace(/^appendix-m-/, '')} (${longDate})`;
}

export const TENDER_SECTION_IDS = ['data-extraction', 'api'] as const;
export type TenderSectionId = (typeof TENDER_SECTION_IDS)[number];

export interface TenderSection {
  readonly id: TenderSectionId;
  /** The heading in a pack. */
  readonly title: string;
  /** When the appendix says to use it, in its own words. */
  readonly scope: string;
  /** Data extraction belongs in every tender; APIs are at the council's discretion. */
  readonly required: boolean;
}

export const TENDER_SECTIONS: readonly TenderSection[] = [
  { id: 'data-extraction', title: 'Data extraction', scope: 'for use in all tenders', required: true },
  {
    id: 'api',
    title: 'Application programming interfaces',
    scope: 'for use in most tenders, at the discretion of the Council',
    required: false,
  },
];

/** The sentence that opens the clauses in every pack ("Tender wording" in the appendix). */
export const PACK_PREAMBLE =
  'The Supplier must provide a full description of how they meet the Data Extraction and Application Programming Interfaces requirements outlined below.';

/** Where the wording comes from, for the officer's annex. */
export const CLAUSE_LIBRARY_SOURCE =
  'Appendix M: Data access and API requirements – tender wording. This appendix is an amended version of a document created by the London Office of Technology and Innovation (LOTI) in 2020, with support from PUBLIC, and crowdsourced insights from a wide range of technology and data specialists.';

/**
 * How a clause gets into a pack, read from its guidance:
 * - always: "include as template in all tenders, unless not appropriate" (in by default);
 * - optional: "delete / include as appropriate" (in by default, often left out);
 * - choice: one of two wordings, which the officer must pick (clause 2 of each section).
 */
export type InclusionRule = 'always' | 'optional' | 'choice';

/** Clause 2: the Supplier either charges nothing extra, or declares every charge. */
export const CHARGES_CHOICES = ['no-charge', 'declare-charges'] as const;
export type ChargesChoice = (typeof CHARGES_CHOICES)[number];

/** A list the officer can fill in to make a clause specific to this tender. */
export type ClauseParameter = 'businessFunctions' | 'timestampedDatasets';

interface ClauseBase {
  readonly id: string;
  readonly section: TenderSectionId;
  /** Its number in Appendix M ("1.3"); a pack renumbers clauses as they appear. */
  readonly number: string;
  /** The explanation or caveat for the officer, one string per paragraph. */
  readonly guidance: readonly string[];
  /**
   * Whether the officer may leave it out. The lead-in and the charges clause carry the others,
   * and 1.1 of the API section is the requirement itself, so those stay in. Leaving out an
   * "always" clause ("unless not appropriate", or 1.5, which the appendix recommends rather
   * than requires) needs a reason, which the pack records.
   */
  readonly excludable: boolean;
  /** Why it cannot be left out, for the error message. */
  readonly whyRequired?: string;
  /** "We recommend always including this clause" (API-1.5): in by default, left out only with a reason. */
  readonly recommended?: boolean;
  /** The guidance says the wording "may need to be modified" (API-1.4): the officer may reword it. */
  readonly rewordable?: boolean;
}

export interface FixedClause extends ClauseBase {
  readonly inclusion: 'always' | 'optional';
  /** The lead-in (clause 1) introduces the requirements under it; suppliers do not answer it alone. */
  readonly role: 'lead-in' | 'requirement';
  readonly text: string;
  readonly parameter?: ClauseParameter;
}

export interface ChoiceClause extends ClauseBase {
  readonly inclusion: 'choice';
  readonly role: 'charges';
  readonly wordings: Readonly<Record<ChargesChoice, string>>;
}

export type Clause = FixedClause | ChoiceClause;

const TEMPLATE = 'Include as template in all tenders, unless not appropriate.';
const DATA_CAVEAT = {
  'data-extraction':
    "The caveats in this statement are needed because some systems license external data to augment services. For example, weather data might be used to help predict or explain patterns, but that raw weather data can't be supplied as it's not owned by the supplier or the council.",
  api: "The caveats in this statement are needed because some systems license external data to augment services. For example, weather data might help predict or explain patterns, but that raw weather data can't be supplied as it's not owned by the supplier or the council.",
};
const LEAD_IN =
  'Wherever permitted according to the General Data Protection Regulation, all other relevant data protection legislation, and where the Council has control and rightful permission to use the data:';
const DECLARE_CHARGES =
  'Any and all charges that would be incurred in respect of the above functionality must be explicitly stated in the tender response.';
const LEAD_IN_REQUIRED = 'it introduces every requirement in its section';
const CHARGES_REQUIRED = 'choose its wording with "charges" instead';

/** Every clause of both Appendix M tables, in the appendix's order. */
export const CLAUSES = [
  {
    id: 'DE-1',
    section: 'data-extraction',
    number: '1',
    inclusion: 'always',
    role: 'lead-in',
    excludable: false,
    whyRequired: LEAD_IN_REQUIRED,
    text: LEAD_IN,
    guidance: [DATA_CAVEAT['data-extraction']],
  },
  {
    id: 'DE-1.1',
    section: 'data-extraction',
    number: '1.1',
    inclusion: 'always',
    role: 'requirement',
    excludable: true,
    text: 'The Council will have the right to recover, share, reuse and publish: all data that is entered into the system; any data that is augmented using the system (e.g., linked data); and any data generated through the operation of the system.',
    guidance: [TEMPLATE],
  },
  {
    id: 'DE-1.2',
    section: 'data-extraction',
    number: '1.2',
    inclusion: 'always',
    role: 'requirement',
    excludable: true,
    text: 'The system must enable full copies of all system data to be extracted at any time. This should be in a structured, standardised (preferably open) and machine-readable format.',
    guidance: [TEMPLATE],
  },
  {
    id: 'DE-1.3',
    section: 'data-extraction',
    number: '1.3',
    inclusion: 'always',
    role: 'requirement',
    excludable: true,
    text: 'The Supplier will surrender, delete, or return the system data to the Council at any time, at the request of the Council.',
    guidance: [TEMPLATE],
  },
  {
    id: 'DE-2',
    section: 'data-extraction',
    number: '2',
    inclusion: 'choice',
    role: 'charges',
    excludable: false,
    whyRequired: CHARGES_REQUIRED,
    wordings: {
      'no-charge':
        'These features must be provided without additional charge or limitation that would prevent the Council from accessing, sharing and using system data over which it has control and rightful permission.',
      'declare-charges': DECLARE_CHARGES,
    },
    guidance: [
      'If you require a guarantee of free access to system data, use the first clause. However, note the risk that some suppliers may simply include the cost in the overall contract charge.',
      'The first clause may still be preferred if councils are specifically hindered from using data if they have to get sign off for additional charges when wishing to access data.',
    ],
  },
  {
    id: 'API-1',
    section: 'api',
    number: '1',
    inclusion: 'always',
    role: 'lead-in',
    excludable: false,
    whyRequired: LEAD_IN_REQUIRED,
    text: LEAD_IN,
    guidance: [DATA_CAVEAT.api],
  },
  {
    id: 'API-1.1',
    section: 'api',
    number: '1.1',
    inclusion: 'always',
    role: 'requirement',
    excludable: false,
    whyRequired: 'it is the API requirement itself; name the business functions with "businessFunctions" to narrow it',
    parameter: 'businessFunctions',
    text: 'The system must have web APIs that enable the Council to give other applications full ability to send data to, or request data from it. This should cover all significant business functions.',
    guidance: [
      'You may wish to replace "This should cover all significant business functions" with a more granular list, e.g. "This should cover, at minimum, the following business functions..."',
    ],
  },
  {
    id: 'API-1.2',
    section: 'api',
    number: '1.2',
    inclusion: 'optional',
    role: 'requirement',
    excludable: true,
    text: 'APIs should enable live data to be queried in real-time.',
    guidance: ['Delete / include as appropriate.'],
  },
  {
    id: 'API-1.3',
    section: 'api',
    number: '1.3',
    inclusion: 'optional',
    role: 'requirement',
    excludable: true,
    parameter: 'timestampedDatasets',
    text: 'Where datasets are linked to timestamps, APIs should support "Time Based Extracts" (e.g., data changed after date "X") for both full system extracts as well as for more specific web API calls.',
    guidance: [
      'Delete / include as appropriate. You may wish to explicitly state specific datasets that are recorded against a timestamp for inclusion in this clause.',
    ],
  },
  {
    id: 'API-1.4',
    section: 'api',
    number: '1.4',
    inclusion: 'always',
    role: 'requirement',
    excludable: true,
    rewordable: true,
    text: 'Any data directly relevant to the business function of the application that can be submitted by a user operating the system should also be able to be entered via API.',
    guidance: [
      'For complex applications with lots of areas of functionality, this clause may need to be modified / made more specific in order to be practical.',
    ],
  },
  {
    id: 'API-1.5',
    section: 'api',
    number: '1.5',
    inclusion: 'always',
    role: 'requirement',
    excludable: true,
    recommended: true,
    text: "A complete register of all the system's APIs that are available to the Council must be provided. All Open APIs must be discoverable.",
    guidance: [
      "We recommend always including this clause, as many councils have complained that APIs promised to them during sales meetings are not present when the system is deployed. Note that not all APIs maintained by a software supplier are APIs of relevance to local authorities. This is because one must distinguish between APIs that suppliers host for their own systems to speak with each other internally, and APIs which speak with external systems, such as those developed by an innovative startup. Increasingly, many software suppliers use a 'microservice architecture', where instead of building their product as one monolithic software they have built many modular components that speak with each other using APIs. Therefore, a blanket tender requirement to access every API your supplier's system features, including internal ones, will demand more than you need and may risk the integrity of the internal system.",
    ],
  },
  {
    id: 'API-1.6',
    section: 'api',
    number: '1.6',
    inclusion: 'always',
    role: 'requirement',
    excludable: true,
    text: 'All APIs must come with comprehensive documentation.',
    guidance: [TEMPLATE],
  },
  {
    id: 'API-1.7',
    section: 'api',
    number: '1.7',
    inclusion: 'optional',
    role: 'requirement',
    excludable: true,
    text: 'Where API access is restricted, a test API must be available. Ideally, test environment(s) should be provided that let developers test the API without affecting production environments.',
    guidance: [
      'Discuss this clause with your IT team to determine if there are specific areas where a test API and/or test environment are vital. This clause may be too onerous as a blanket statement for complex applications and for some smaller suppliers.',
    ],
  },
  {
    id: 'API-2',
    section: 'api',
    number: '2',
    inclusion: 'choice',
    role: 'charges',
    excludable: false,
    whyRequired: CHARGES_REQUIRED,
    wordings: {
      'no-charge':
        'These features must be provided without additional charge or limitation that would prevent the Council from accessing, sharing and using the data through the API.',
      'declare-charges': DECLARE_CHARGES,
    },
    guidance: [
      'If you require a guarantee of free access to system data via API, use the first clause. However, note the risk that some suppliers may simply include the cost in the overall contract charge.',
      'The first clause may still be preferred if councils are specifically hindered from using data if they have to get sign off for additional charges when wishing to access data.',
    ],
  },
] as const satisfies readonly Clause[];

export type ClauseId = (typeof CLAUSES)[number]['id'];
export const CLAUSE_IDS = CLAUSES.map((c) => c.id) as readonly ClauseId[];
/** A clause id as people type it: " de-1.1 " reads as DE-1.1. */
export const ClauseIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(CLAUSE_IDS as unknown as readonly [ClauseId, ...ClauseId[]]))
  .describe('An Appendix M clause id: DE-1 … DE-2, API-1 … API-2');

/** The sentence of API-1.1 that a list of business functions replaces, and its replacement (from the guidance). */
export const BUSINESS_FUNCTIONS_SENTENCE = 'This should cover all significant business functions.';
export const BUSINESS_FUNCTIONS_LIST_INTRO = 'This should cover, at minimum, the following business functions:';
/** Appended to API-1.3 when the officer names the datasets recorded against a timestamp. */
export const TIMESTAMPED_DATASETS_LIST_INTRO = 'This applies, at minimum, to the following datasets, which are recorded against a timestamp:';

/**
 * Whether leaving the clause out needs a reason: an "always" clause goes only when it is not
 * appropriate (or, for API-1.5, against the appendix's recommendation), and the pack says why.
 */
export function needsReasonToLeaveOut(clause: Pick<Clause, 'inclusion' | 'excludable'>): boolean {
  return clause.excludable && clause.inclusion === 'always';
}

const BY_ID: ReadonlyMap<string, Clause> = new Map(CLAUSES.map((c) => [c.id, c]));

/** The clause with this id, or undefined for an id that is not in Appendix M. */
export function findClause(id: string): Clause | undefined {
  return BY_ID.get(id);
}
