import { IMPORT_FIELDS, IMPORT_FIELD_NAMES, type ImportField } from './import-field.js';

/**
 * Header words for each field, from the vocabularies councils actually use: the Local
 * Government Transparency Code 2015, the LGA/iStandUK contracts schema (Norfolk's header),
 * the NHSBSA register dictionary, Contracts Finder exports and plain English. Compared after
 * `normaliseHeader`, so case, punctuation and `(£)` do not matter.
 */
const SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  reference: [
    'reference', 'ref', 'contract reference', 'contract ref', 'contract reference number', 'contract reference number id',
    'contract id', 'contract number', 'contract no', 'reference number', 'ref no', 'reference number id', 'notice id',
    'release id', 'ocid', 'contract reference no',
  ],
  title: [
    'title', 'contract title', 'title of the agreement', 'contract name', 'name of contract', 'award title', 'tender title',
    'agreement title', 'contract', 'subject', 'title of agreement',
  ],
  description: [
    'description', 'description of goods and services', 'short description', 'contract description', 'award description',
    'tender description', 'details', 'summary', 'scope',
  ],
  department: ['department', 'directorate', 'directorate service responsible', 'responsible department', 'directorate department', 'department responsible'],
  serviceArea: ['service area', 'service', 'service category label', 'service category', 'business unit', 'team'],
  category: [
    'category', 'procurement category', 'councils procurement category label',
    'procurement classification councils procurement category label', 'primary procurement category', 'classification description',
    'classification', 'spend category',
  ],
  supplierName: ['supplier', 'supplier name', 'contractor', 'contractor name', 'provider', 'vendor', 'awarded supplier', 'awarded to', 'company'],
  companyNumber: [
    'company number', 'supplier registered company number', 'company registration number', 'companies house number',
    'company reg no', 'registered company number', 'crn', 'supplier company number',
  ],
  charityNumber: ['charity number', 'supplier registered charity number', 'registered charity number', 'charity registration number'],
  vcseNumber: ['vcse registration number', 'mutuals register number', 'mutuals public register number', 'supplier registered vcse number'],
  supplierAddress: ['supplier address', 'supplier address street address', 'address'],
  supplierPostcode: ['supplier postcode', 'supplier address postcode', 'postcode', 'post code'],
  sme: ['sme', 'sme supplier', 'sme suitable', 'small or medium enterprise', 'is sme', 'suitable for sme'],
  vcse: ['vcse', 'vcse supplier', 'vcse suitable', 'voluntary community or social enterprise', 'is vcse', 'suitable for vcse'],
  ownerName: [
    'contract owner', 'owner', 'contract manager', 'nominated contact point name', 'contact name', 'contact', 'responsible officer',
    'lead officer', 'contract lead', 'contract owner name',
  ],
  ownerEmail: ['owner email', 'contract owner email', 'nominated contact point email', 'contact email', 'email', 'contract manager email'],
  escalationName: ['escalation contact', 'escalation', 'head of service'],
  escalationEmail: ['escalation email', 'escalation contact email', 'head of service email'],
  startDate: ['start date', 'contract start date', 'start', 'commencement date', 'contract start', 'contractperiod startdate', 'from'],
  endDate: [
    'end date', 'contract end date', 'expiry', 'expiry date', 'end', 'contract current end date', 'current end date',
    'contract expiry date', 'contractperiod enddate', 'finish date', 'to', 'contract end',
  ],
  initialTerm: ['initial term', 'term', 'contract term', 'initial contract term', 'contract length', 'contract duration', 'duration', 'initial period'],
  reviewDate: ['review date', 'contract review date', 'next review date'],
  noticePeriod: ['notice period', 'notice', 'termination notice period', 'notice required'],
  renewalType: ['renewal type', 'renewal', 'renewal terms', 'type of renewal', 'renewal arrangement'],
  extensionNoticePeriod: ['extension notice period', 'extension notice', 'option notice period', 'notice to extend', 'notice period for extension'],
  extensionOptions: ['extension options', 'extension', 'extensions', 'extension period', 'contract extendable options', 'duration and extensions'],
  extensionsTaken: ['extensions taken', 'extensions used', 'extensions exercised', 'number of extensions taken'],
  maximumEndDate: [
    'latest end date', 'maximum contract end date', 'maximum end date', 'end date including extensions', 'final end date',
    'end date with extensions', 'last extension date',
  ],
  autoRenewal: ['auto renewal period', 'auto renewal', 'automatic renewal', 'rolling renewal', 'renewal period'],
  totalValue: [
    'total value', 'contract value', 'value', 'contract award value', 'award value', 'total contract value', 'value amount',
    'estimated total value', 'whole life value', 'amount',
  ],
  annualValue: ['annual value', 'annual spend', 'value per annum', 'annual contract value', 'estimated annual value', 'yearly value'],
  valueBasis: ['value basis', 'fixed cost estimated cost', 'fixed or estimated', 'cost type'],
  irrecoverableVat: ['irrecoverable vat', 'vat irrecoverable', 'irrecoverable vat amount'],
  procurementRoute: ['procurement route', 'route', 'procurement procedure', 'procurement method', 'procedure', 'procedure type', 'route to market'],
  framework: ['framework', 'framework name', 'framework agreement'],
  frameworkExpiry: ['framework expiry', 'framework expiry date', 'framework end date', 'framework end', 'framework expires'],
  invitation: ['invitation to quote or tender', 'invitation', 'tender process type', 'quote or tender', 'invitation type'],
  systemName: ['it system', 'system name', 'system'],
  hosting: ['hosting', 'hosted', 'hosting type'],
  personalData: ['personal data', 'holds personal data', 'processes personal data'],
  appendixMClauses: ['appendix m clauses', 'data access clauses', 'data and api clauses', 'appendix m'],
  warningThresholds: ['warning days', 'warning thresholds', 'warn days before'],
  leadTimeDays: ['re procurement lead time days', 're procurement lead time', 'lead time days', 'lead time', 'procurement lead time'],
  regime: ['procurement regime', 'legal regime', 'regulations', 'procurement legislation', 'pa2023 or pcr2015'],
  procurementStarted: ['procurement start date', 'procurement commenced', 'procurement commencement date', 'date procurement started', 'tender start date'],
  enteredInto: ['date entered into', 'contract signed', 'date signed', 'signed date', 'signature date', 'date of contract', 'contract date', 'award date'],
  contractType: ['type of contract', 'goods services or works', 'supply type', 'contract nature', 'nature of contract'],
  vatIncluded: ['includes vat', 'inc vat', 'value includes vat', 'vat inclusive', 'values include vat'],
  maximumTermOnAward: ['maximum term', 'maximum contract term', 'maximum term provided for on award', 'max term'],
  kpis: ['kpi count', 'number of kpis', 'key performance indicators', 'kpis set'],
  kpiExemption: ['kpi exemption reason', 'no kpis reason', 'kpis not required because'],
  buyerName: ['buyer', 'buyer name', 'organisation name', 'organisation', 'contracting authority', 'contracting authority name', 'awarding body'],
  buyerId: ['buyer id', 'organisation code', 'organisation id', 'organisation uri', 'contracting authority id'],
};

/** Lower case, `&` as "and", `£`, brackets and punctuation gone: `Contract value (£)` → `contract value`. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\((?:£|gbp|inc vat|ex vat|excl vat|incl vat)\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(gbp)\b/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * The abbreviations registers use, word by word. A header is also compared with its words
 * spelt out, so `Co. Reg. No.` meets "company registration number" without a synonym line of
 * its own, and a new abbreviation needs only a word here.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  co: 'company', coy: 'company', reg: 'registration', regd: 'registered', regn: 'registration',
  no: 'number', num: 'number', nbr: 'number', ref: 'reference', refs: 'references',
  exp: 'expiry', expy: 'expiry', dept: 'department', depts: 'department', dir: 'directorate',
  mgr: 'manager', mngr: 'manager', val: 'value', inc: 'including', incl: 'including', excl: 'excluding',
  est: 'estimated', ann: 'annual', desc: 'description', descr: 'description', amt: 'amount',
  addr: 'address', org: 'organisation', orgn: 'organisation', dt: 'date', yr: 'year', yrs: 'years',
  mths: 'months', ext: 'extension', exts: 'extensions', proc: 'procurement', cat: 'category',
  tel: 'telephone', supp: 'supplier', suppl: 'supplier', cont: 'contract', contr: 'contract',
};

/** A normalised header with its abbreviations spelt out and any "including/excluding VAT" dropped. */
export function spellOutHeader(header: string): string {
  return normaliseHeader(header)
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ')
    .replace(/\b(?:including|excluding|ex) vat\b/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const LOOKUP: ReadonlyMap<string, ImportField> = (() => {
  const map = new Map<string, ImportField>();
  for (const field of IMPORT_FIELD_NAMES) {
    map.set(normaliseHeader(field), field);
    map.set(normaliseHeader(IMPORT_FIELDS[field]), field);
  }
  for (const field of IMPORT_FIELD_NAMES) {
    for (const synonym of SYNONYMS[field]) if (!map.has(normaliseHeader(synonym))) map.set(normaliseHeader(synonym), field);
  }
  return map;
})();

/** The same names with their words spelt out: the second choice, after an exact match. */
const SPELT_OUT_LOOKUP: ReadonlyMap<string, ImportField> = (() => {
  const map = new Map<string, ImportField>();
  for (const [name, field] of LOOKUP) if (!map.has(spellOutHeader(name))) map.set(spellOutHeader(name), field);
  return map;
})();

/** Headers and the field the user said each means: `Expiry=endDate` or `Expiry=End date`. */
export type UserMapping = ReadonlyMap<string, ImportField | 'ignore'>;

export interface MappedColumn {
  /** 0-based position in the row. */
  readonly index: number;
  readonly header: string;
  readonly field: ImportField;
}

export interface HeaderMapping {
  readonly columns: readonly MappedColumn[];
  /** Headers the importer did not recognise: reported, not fatal. */
  readonly unmapped: readonly { readonly index: number; readonly header: string }[];
}

/**
 * The columns the problems workbook puts before a rejected row's cells (and "Problems", which
 * it used to write): ignored, so the workbook imports back as it is, without them reported as
 * columns left out.
 */
export const PROBLEMS_WORKBOOK_HEADERS = ['Original row', 'Problem'] as const;
const IGNORED = new Set([...PROBLEMS_WORKBOOK_HEADERS, 'Problems'].map(normaliseHeader));

/** The field a header names, if any (user mapping first, then the synonym tables). */
export function fieldForHeader(header: string, userMapping: UserMapping = new Map()): ImportField | 'ignore' | undefined {
  const key = normaliseHeader(header);
  for (const [userHeader, field] of userMapping) if (normaliseHeader(userHeader) === key) return field;
  if (IGNORED.has(key)) return 'ignore';
  return LOOKUP.get(key) ?? SPELT_OUT_LOOKUP.get(spellOutHeader(header));
}

/**
 * Maps a header row to fields. The first column that names a field wins; a later one naming
 * the same field is reported as unmapped so two "Value" columns never fight.
 */
export function mapHeaders(headers: readonly string[], userMapping: UserMapping = new Map()): HeaderMapping {
  const columns: MappedColumn[] = [];
  const unmapped: { index: number; header: string }[] = [];
  const taken = new Set<ImportField>();
  headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const field = fieldForHeader(header, userMapping);
    if (field === 'ignore') return;
    if (field === undefined || taken.has(field)) {
      unmapped.push({ index, header });
      return;
    }
    taken.add(field);
    columns.push({ index, header, field });
  });
  return { columns, unmapped };
}
