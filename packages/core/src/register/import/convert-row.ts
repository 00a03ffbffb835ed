import { z } from 'zod';
import { isExactContract } from './is-exact-contract.js';
import { ContractSchema, type Contract, type ContractInput, type Duration, type RenewalTerms, type RenewalType } from '../contract.schema.js';
import { normaliseCompanyNumber } from '../normalise-company-number.js';
import { CLAUSE_IDS as APPENDIX_M_CLAUSE_IDS } from '../../tenders/clause-library.js';
import { cellText, type CellReading, type CellValue } from './cell-value.js';
import { cleanText } from './clean-text.js';
import { importProblem, type ImportProblem, type ImportProblemCode } from './import-problem.js';
import type { ImportField } from './import-field.js';
import { isPlaceholderDate } from './is-placeholder-date.js';
import type { MappedColumn } from './map-headers.js';
import { parseDateCell } from './parse-date-cell.js';
import { addDays, addDuration, daysBetween } from '../../shared/calendar.js';
import { columnLetter, describeDuration } from '../../shared/format.js';
import { parseDurationCell } from './parse-duration-cell.js';
import { parseExtensionOptions } from './parse-extension-options.js';
import { parseFlagCell } from './parse-flag-cell.js';
import { parseMoneyCell } from './parse-money-cell.js';
import { provisionalReference } from './provisional-reference.js';

/** One data row of a register: where it is and its cells, in column order. */
export interface SourceRow {
  readonly sheet: string;
  /** 1-based, as the spreadsheet shows it. */
  readonly row: number;
  readonly cells: readonly CellValue[];
}

export interface ConvertedRow {
  /** Present when the row has no errors (it may still have warnings). */
  readonly contract?: Contract;
  readonly problems: readonly ImportProblem[];
}

/** The pattern zod's z.email() uses, tested directly: a schema call per row is costly at 100,000 rows. */
const EMAIL = z.regexes.email;

/**
 * Registers repeat the same few cell texts thousands of times (`31/03/2015`, `Yes`, `2+1+1`),
 * so readings of text cells are remembered. The cache is bounded and only ever holds
 * results of pure functions, so it changes nothing but speed.
 */
function remembered<T>(parse: (value: CellValue) => CellReading<T>): (value: CellValue) => CellReading<T> {
  let cache = new Map<string, CellReading<T>>();
  return (value) => {
    if (typeof value !== 'string') return parse(value);
    let reading = cache.get(value);
    if (reading === undefined) {
      if (cache.size >= 20_000) cache = new Map();
      reading = parse(value);
      cache.set(value, reading);
    }
    return reading;
  };
}
const readDate = remembered(parseDateCell);
const readMoney = remembered(parseMoneyCell);
const readFlag = remembered(parseFlagCell);
const readDuration = remembered(parseDurationCell);
const readExtensionOptions = remembered(parseExtensionOptions);

/**
 * Turns one register row into a contract, reporting every cell it cannot read. A row without a
 * reference gets a provisional one (see `provisionalReference`) with a warning; a row without a
 * title or supplier, with an unreadable cell, or ending before it starts, is rejected; placeholder dates and numbers that are not Companies House numbers are left out
 * with a warning.
 */
/** A Mutuals Public Register number: IP and digits then R (older societies), or RS and six digits. */
const MUTUALS_NUMBER = /^(IP\d{1,6}R|\d{1,6}R|RS\d{6})$/i;

export function convertRow(source: SourceRow, columns: readonly MappedColumn[]): ConvertedRow {
  const problems: ImportProblem[] = [];
  const cellOf = new Map<ImportField, { value: CellValue; column: string }>();
  for (const column of columns) {
    cellOf.set(column.field, { value: source.cells[column.index], column: letterOf(column.index) });
  }
  const where = (field: ImportField) => {
    const cell = cellOf.get(field);
    return { sheet: source.sheet, row: source.row, column: cell?.column ?? '', value: cellText(cell?.value) };
  };
  const fail = (field: ImportField, code: ImportProblemCode, sentence: string, severity: ImportProblem['severity'] = 'error') =>
    problems.push(importProblem(where(field), code, sentence, severity));
  const text = (field: ImportField) => cleanText(cellOf.get(field)?.value);
  const read = <T>(field: ImportField, parse: (value: CellValue) => CellReading<T>, code: ImportProblemCode, hint: string): T | undefined => {
    const cell = cellOf.get(field);
    if (!cell) return undefined;
    const reading = parse(cell.value);
    if (reading.ok) return reading.value;
    fail(field, code, `"${cellText(cell.value).trim()}" ${hint}`);
    return undefined;
  };
  const date = (field: ImportField) => {
    const iso = read(field, readDate, 'not-a-date', 'is not a date — write it as 31/03/2026 or leave it blank');
    if (iso !== undefined && isPlaceholderDate(iso)) {
      fail(field, 'placeholder-date', `${iso} looks like a placeholder for "unknown", so it was left blank — write the real date if you know it`, 'warning');
      return undefined;
    }
    return iso;
  };
  const money = (field: ImportField) =>
    read(field, readMoney, 'not-money', 'is not a sum of money — write it as £1,234.50 or leave it blank');
  const flag = (field: ImportField) => read(field, readFlag, 'not-a-flag', 'is not yes or no — write Yes or No, or leave it blank');
  const duration = (field: ImportField): Duration | undefined => {
    const length = read(field, readDuration, 'not-a-duration', 'is not a length of time — write it as 3 months, 90 days or 1 year');
    // A copy: the remembered reading is shared by every row with the same text.
    return length === undefined ? undefined : { amount: length.amount, unit: length.unit };
  };
  const email = (field: ImportField) => {
    const value = text(field);
    if (value === undefined) return undefined;
    const lower = value.toLowerCase();
    if (EMAIL.test(lower)) return lower;
    fail(field, 'not-an-email', `"${value}" is not an email address — write it as name@council.gov.uk or leave it blank`);
    return undefined;
  };
  const choice = <T extends string>(field: ImportField, choose: (lower: string) => T | undefined, hint: string): T | undefined => {
    const value = text(field);
    if (value === undefined) return undefined;
    const chosen = choose(value.toLowerCase());
    if (chosen === undefined) fail(field, 'not-a-choice', `"${value}" ${hint}`);
    return chosen;
  };

  const givenReference = text('reference');
  const title = text('title');
  const supplierName = text('supplierName');
  const startDate = date('startDate');
  // A row with no reference is still a live contract (Norfolk has 687 of them, about £30.8m):
  // it is kept under a reference derived from what identifies it, so a re-import finds it again.
  const reference =
    givenReference ?? (title !== undefined && supplierName !== undefined ? provisionalReference(supplierName, title, startDate) : undefined);
  if (reference === undefined) fail('reference', 'missing-reference', 'the contract has no reference, title or supplier to know it by — give it a reference');
  else if (givenReference === undefined) {
    fail('reference', 'provisional-reference', `no reference, so the contract was given the provisional reference ${reference}, made from its supplier, title and start date — write the real reference here and import again: the contract is renamed, not added twice`, 'warning');
  }
  if (title === undefined) fail('title', 'missing-title', 'the contract has no title — add one');
  if (supplierName === undefined) fail('supplierName', 'missing-supplier', 'the contract has no supplier — add the supplier\'s name');

  const companyText = text('companyNumber');
  const companyNumber = companyText === undefined ? undefined : normaliseCompanyNumber(companyText);
  // Registers put a society's Mutuals Public Register number (IP12345R, RS007654) where a company number goes.
  const mutualsNumber = companyNumber === undefined && companyText !== undefined && MUTUALS_NUMBER.test(companyText) ? companyText.toUpperCase() : undefined;
  if (companyText !== undefined && companyNumber === undefined && mutualsNumber === undefined) {
    fail('companyNumber', 'not-a-company-number', `"${companyText}" is not a Companies House number (like 04841343 or SC257136), so it was left out`, 'warning');
  }
  const initialTerm = duration('initialTerm');
  // A Term column ("3 years") is the initial term, not extension options: with no end date
  // given, the contract ends the day before start + term (1 April 2024 + 3 years: 31 March 2027).
  const givenEnd = date('endDate');
  const endFromTerm =
    givenEnd === undefined && startDate !== undefined && initialTerm !== undefined ? addDays(addDuration(startDate, initialTerm), -1) : undefined;
  const endDate = givenEnd ?? endFromTerm;
  if (endFromTerm !== undefined && initialTerm !== undefined) {
    fail('initialTerm', 'end-from-term', `no end date, so the contract is taken to end on ${endFromTerm}, the day before its start plus its ${describeDuration(initialTerm)} term — add the end date if it differs`, 'warning');
  }
  const reviewDate = date('reviewDate');
  const maximumEndDate = date('maximumEndDate');
  if (startDate !== undefined && endDate !== undefined && endDate < startDate) {
    fail('endDate', 'end-before-start', `the contract ends (${endDate}) before it starts (${startDate}) — correct one of the dates`);
  }
  const terms = read('extensionOptions', readExtensionOptions, 'not-extension-options', 'are not extension options — write them as 2+1+1 years or 24+12 months');
  const takenText = text('extensionsTaken');
  let taken = 0;
  if (takenText !== undefined) {
    if (/^\d+$/.test(takenText)) taken = Number(takenText);
    else fail('extensionsTaken', 'not-a-number', `"${takenText}" is not a whole number — write how many extensions have been taken, e.g. 1`);
  }
  const autoRenewal = duration('autoRenewal');
  const renewalType = choice('renewalType', chooseRenewalType, 'is not a renewal type — write Fixed, Automatic, Options or Unknown');
  const renewal = renewalTerms(terms?.options.map((option) => ({ amount: option.amount, unit: option.unit })), taken, maximumEndDate, endDate, autoRenewal);
  const contradiction = renewalType === undefined ? undefined : renewalTypeContradiction(renewalType, renewal);
  if (contradiction !== undefined) fail('renewalType', 'renewal-type-contradicts-terms', `"${text('renewalType') ?? ''}" ${contradiction}`, 'warning');

  const ownerName = text('ownerName');
  const ownerEmail = email('ownerEmail');
  const escalationName = text('escalationName');
  const escalationEmail = email('escalationEmail');
  const systemName = text('systemName');
  const hosting = choice('hosting', chooseHosting, 'is not a hosting type — write On-premise, Cloud or Hybrid');
  const personalData = flag('personalData');
  const appendixMClauses = clauseList(text('appendixMClauses'));
  if (appendixMClauses?.unknown.length) {
    fail('appendixMClauses', 'not-a-clause', `${appendixMClauses.unknown.map((id) => `"${id}"`).join(', ')} ${appendixMClauses.unknown.length === 1 ? 'is not an Appendix M clause' : 'are not Appendix M clauses'} — write ids such as DE-1, DE-1.1, API-2, separated by commas (steward tender-pack --list shows them)`);
  }
  const buyerName = text('buyerName');
  const buyerId = text('buyerId');
  const thresholdsText = text('warningThresholds');
  const warningThresholds = thresholdsText === undefined ? undefined : dayList(thresholdsText);
  if (thresholdsText !== undefined && warningThresholds === undefined) {
    fail('warningThresholds', 'not-a-number', `"${thresholdsText}" is not a list of days — write whole numbers of days before a deadline, e.g. 180, 90, 30`);
  }
  const leadTimeText = text('leadTimeDays');
  const leadTimeDays = leadTimeText !== undefined && /^\d+$/.test(leadTimeText) ? Number(leadTimeText) : undefined;
  if (leadTimeText !== undefined && leadTimeDays === undefined) {
    fail('leadTimeDays', 'not-a-number', `"${leadTimeText}" is not a whole number of days — write the re-procurement lead time in days, e.g. 180`);
  }

  const law = procurementLaw();
  function procurementLaw(): ContractInput['law'] {
    const regime = choice('regime', chooseRegime, 'is not a procurement regime — write PA2023 (Procurement Act 2023) or PCR2015 (Public Contracts Regulations 2015)');
    // Registers use "Contract type" for other things too (Norfolk: the form of agreement), so an
    // unknown value is left blank with a warning rather than rejecting the row.
    const typeText = text('contractType');
    const contractType = typeText === undefined ? undefined : chooseContractType(typeText.toLowerCase());
    if (typeText !== undefined && contractType === undefined) {
      fail('contractType', 'not-a-choice', `"${typeText}" is not a contract type, so it was left blank — write Goods, Services, Works or Light touch; for a mixed contract write its main part, e.g. Mixed (mainly works)`, 'warning');
    }
    const kpiText = text('kpis');
    const kpis = kpiText !== undefined && /^\d+$/.test(kpiText) ? Number(kpiText) : undefined;
    if (kpiText !== undefined && kpis === undefined) fail('kpis', 'not-a-number', `"${kpiText}" is not a whole number — write how many KPIs the contract sets, e.g. 3`);
    const fields = compact({
      regime,
      procurementStarted: date('procurementStarted'),
      enteredInto: date('enteredInto'),
      contractType,
      vatIncluded: flag('vatIncluded'),
      maximumTermOnAward: duration('maximumTermOnAward'),
      kpis,
      kpiExemption: text('kpiExemption'),
    });
    return Object.keys(fields).length === 0 ? undefined : fields;
  }

  const supplier = compact({
    name: supplierName ?? '',
    companyNumber,
    charityNumber: text('charityNumber'),
    vcseNumber: text('vcseNumber') ?? mutualsNumber,
    address: text('supplierAddress'),
    postcode: text('supplierPostcode'),
    sme: flag('sme'),
    vcse: flag('vcse'),
  });
  const input: ContractInput = compact({
    reference: reference ?? '',
    title: title ?? '',
    description: text('description'),
    department: text('department'),
    serviceArea: text('serviceArea'),
    category: text('category'),
    supplier,
    owner: ownerName !== undefined || ownerEmail !== undefined ? compact({ name: ownerName, email: ownerEmail }) : undefined,
    escalationContact:
      escalationName !== undefined || escalationEmail !== undefined ? compact({ name: escalationName, email: escalationEmail }) : undefined,
    startDate,
    endDate,
    reviewDate,
    renewal,
    noticePeriod: duration('noticePeriod'),
    renewalType,
    extensionNoticePeriod: duration('extensionNoticePeriod'),
    value: compact({
      total: money('totalValue'),
      annual: money('annualValue'),
      basis: choice('valueBasis', chooseBasis, 'is not a value basis — write Fixed or Estimated'),
      irrecoverableVat: money('irrecoverableVat'),
    }),
    procurement: compact({
      route: chooseRoute(text('procurementRoute')),
      framework: text('framework'),
      frameworkExpiry: date('frameworkExpiry'),
      invitation: chooseInvitation(text('invitation')),
    }),
    itSystem:
      systemName !== undefined || hosting !== undefined || personalData !== undefined ? compact({ systemName, hosting, personalData }) : undefined,
    appendixMClauses: appendixMClauses?.ids,
    warningThresholds,
    leadTimeDays,
    law,
    // An id alone names no one a person could read: the buyer needs its name.
    buyer: buyerName === undefined ? undefined : compact({ name: buyerName, id: buyerId }),
  });
  // Left to right, as the user reads the row.
  problems.sort((a, b) => a.column.length - b.column.length || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
  if (problems.some((p) => p.severity === 'error')) return { problems };
  // Built field by field from parsed cells, the input is almost always already exactly a
  // Contract; only what the quick check cannot vouch for pays for a full zod parse.
  if (isExactContract(input)) return { contract: input, problems };
  const parsed = ContractSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(importProblem({ sheet: source.sheet, row: source.row }, 'invalid-contract', `${issue.path.join('.')}: ${issue.message}`));
    }
    return { problems };
  }
  return { contract: parsed.data, problems };
}

const CLAUSE_IDS: ReadonlySet<string> = new Set(APPENDIX_M_CLAUSE_IDS);

const LETTERS: string[] = [];
function letterOf(index: number): string {
  return (LETTERS[index] ??= columnLetter(index + 1));
}

function renewalTerms(
  options: Duration[] | undefined,
  taken: number,
  maximumEndDate: string | undefined,
  endDate: string | undefined,
  autoRenewal: Duration | undefined,
): RenewalTerms {
  if (autoRenewal !== undefined) return { type: 'auto-renewal', period: autoRenewal };
  if (options !== undefined && options.length > 0) {
    return { type: 'extension-options', options, taken, ...(maximumEndDate === undefined ? {} : { maximumEndDate }) };
  }
  // "Extendable to 31/03/2027" with no options written: one option up to that date.
  if (maximumEndDate !== undefined && endDate !== undefined && maximumEndDate > endDate) {
    return { type: 'extension-options', options: [{ amount: daysBetween(endDate, maximumEndDate), unit: 'days' }], taken, maximumEndDate };
  }
  return { type: 'fixed' };
}

/**
 * Why the register's renewal type contradicts the renewal terms recorded in the same row, or
 * undefined when it does not. The key dates follow the recorded terms, so the row imports, but
 * a person should put one or the other right.
 */
function renewalTypeContradiction(type: RenewalType, renewal: RenewalTerms): string | undefined {
  if (renewal.type === 'extension-options' && (type === 'fixed' || type === 'automatic')) {
    const says = type === 'fixed' ? 'says the contract cannot be extended' : 'says the contract renews automatically';
    return `${says}, but the row records extension options (${renewal.options.map(describeDuration).join(' + ')}): the key dates follow the options — correct the renewal type or the options`;
  }
  if (renewal.type === 'auto-renewal' && (type === 'fixed' || type === 'options')) {
    const says = type === 'fixed' ? 'says the contract ends at its end date' : 'says the contract has extension options';
    return `${says}, but the row records an automatic renewal period of ${describeDuration(renewal.period)}: the key dates follow the renewal period — correct the renewal type or the renewal period`;
  }
  return undefined;
}

/** "DE-1, de-1.1; API-2" → clause ids, upper-cased, with the ones the library does not know. */
function clauseList(value: string | undefined): { ids: string[]; unknown: string[] } | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(/[\s,;]+/).filter(Boolean).map((id) => id.toUpperCase());
  return { ids, unknown: ids.filter((id) => !CLAUSE_IDS.has(id)) };
}

/** "180, 90, 30" → [180, 90, 30]; undefined when any part is not a positive whole number. */
function dayList(value: string): number[] | undefined {
  const parts = value.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((part) => /^\d+$/.test(part) && Number(part) > 0)) return undefined;
  return parts.map(Number);
}

function chooseRegime(lower: string): 'PA2023' | 'PCR2015' | undefined {
  const compacted = lower.replace(/[\s_-]+/g, '');
  if (/^(pa2023|pa23|procurementact(2023)?)$/.test(compacted)) return 'PA2023';
  if (/^(pcr2015|pcr15|pcr|publiccontractsregulations(2015)?)$/.test(compacted)) return 'PCR2015';
  return undefined;
}

/**
 * Goods, services, works or light touch. A mixed contract takes the type of its main part, as
 * the Act reads "wholly or mainly" (light touch, s.9) and the main subject-matter; goods and
 * services share a threshold, so "goods and services" is services.
 */
function chooseContractType(lower: string): NonNullable<NonNullable<Contract['law']>['contractType']> | undefined {
  const main = /^mixed\b/.test(lower) ? /mainly\s+([a-z\s]+)/.exec(lower)?.[1]?.trim() : lower;
  if (main === undefined) return undefined;
  if (/^light[\s-]?touch/.test(main)) return 'light-touch';
  if (/^works?$/.test(main)) return 'works';
  if (/^(goods|supplies|supply)$/.test(main)) return 'goods';
  if (/^(services?|goods and services|supplies and services)$/.test(main)) return 'services';
  return undefined;
}

function chooseHosting(lower: string): 'on-premise' | 'cloud' | 'hybrid' | undefined {
  if (/^on[\s-]?prem/.test(lower)) return 'on-premise';
  if (/cloud|saas|hosted by supplier/.test(lower)) return 'cloud';
  if (lower.startsWith('hybrid')) return 'hybrid';
  return undefined;
}

function chooseBasis(lower: string): 'fixed' | 'estimated' | undefined {
  if (lower.startsWith('fixed')) return 'fixed';
  if (lower.startsWith('estimate')) return 'estimated';
  return undefined;
}

function chooseRenewalType(lower: string): Contract['renewalType'] {
  if (/^(fixed|none|no renewal|expires)/.test(lower)) return 'fixed';
  if (/^(automatic|auto|tacit|rolling|evergreen)/.test(lower)) return 'automatic';
  if (/^(options?|extension|extendable)/.test(lower)) return 'options';
  if (/^(unknown|not known|n\/?k)$/.test(lower)) return 'unknown';
  return undefined;
}

/**
 * Procurement routes as registers name them, PCR 2015 and Procurement Act 2023 alike; anything
 * else is kept as "other". Frameworks are matched before "open", so an open framework is a
 * framework, not an open procedure.
 */
function chooseRoute(value: string | undefined): NonNullable<Contract['procurement']['route']> | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (/dynamic[\s-](purchasing|market)|\bdps\b/.test(lower)) return 'dynamic-market';
  if (/framework|call[\s-]?off|mini[\s-]competition|further competition/.test(lower)) return 'framework';
  if (/light[\s-]touch|\bltr\b/.test(lower)) return 'light-touch';
  if (/competitive[\s-]dialogue/.test(lower)) return 'competitive-dialogue';
  if (/negotiat/.test(lower) && !/without/.test(lower)) return 'competitive-negotiation';
  if (/^restricted/.test(lower)) return 'restricted';
  if (/below[\s-]threshold|under[\s-]threshold|sub[\s-]threshold|low[\s-]value/.test(lower)) return 'quotation';
  if (/^open/.test(lower)) return 'open';
  if (/competitive[\s-]flexible/.test(lower)) return 'competitive-flexible';
  if (/framework|call[\s-]?off|mini[\s-]competition|further competition/.test(lower)) return 'framework';
  if (/direct|single[\s-]tender|waiver|exemption|without prior publication/.test(lower)) return 'direct-award';
  if (/quot|rfq/.test(lower)) return 'quotation';
  return 'other';
}

function chooseInvitation(value: string | undefined): 'quote' | 'tender' | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (/quot/.test(lower)) return 'quote';
  if (/tender/.test(lower)) return 'tender';
  return undefined;
}

/** exactOptionalPropertyTypes: an absent cell is an absent key, not a key holding undefined. */
function compact<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const inner = value[key];
    if (inner !== undefined) out[key] = inner;
  }
  return out as T;
}
