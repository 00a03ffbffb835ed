import type { Contract } from '../register/contract.schema.js';
import type { ModificationRecord } from '../procurement-act/modification-record.js';
import type { IsoDate } from '../shared/iso-date.js';
import { buildImplementationRelease, type ReleasePerformance } from './build-implementation-release.js';
import { type OcdsRelease, type OcdsParty, type OcdsValue, ocdsDateTime, OCDS_EXTENSIONS } from './ocds-types.js';

/** `ocds-` and the six characters the Open Contracting Partnership registers for a publisher. */
export const OCID_PREFIX_PATTERN = /^ocds-[a-z0-9]{6}$/;

/** An ocid Contracts Finder or Find a Tender gave a process, at the start of a reference the importer took from it. */
const PUBLISHED_OCID = /^(ocds-[a-z0-9]{6}-.+?)(?:-\d+)?(?:\/\d+)?$/;

export interface OcdsPackageOptions {
  /** The council's registered prefix, `ocds-` plus six characters. */
  readonly ocidPrefix: string;
  /** The council: the package's publisher and each contract's buyer. */
  readonly publisher: string;
  /** Where the package is published. */
  readonly uri: string;
  /** When the package is published (ISO date-time); passed in, never read from a clock. */
  readonly publishedDate: string;
  /** Today, Europe/London: a contract whose end date is before it has ended. */
  readonly today: IsoDate;
  /** Only releases dated after this day. */
  readonly since?: IsoDate;
}

/** One contract with its recorded changes and, when recorded, its KPI results. */
export interface OcdsContractInput {
  readonly contract: Contract;
  /** Its change log, oldest first. */
  readonly modifications?: readonly ModificationRecord[];
  readonly performance?: ReleasePerformance;
}

export interface OcdsReleasePackage {
  readonly uri: string;
  readonly version: '1.1';
  readonly extensions?: string[];
  readonly publishedDate: string;
  readonly publisher: { readonly name: string };
  readonly releases: OcdsRelease[];
}

export type OcdsPackageProblem = { readonly code: 'bad-ocid-prefix' | 'empty-register' | 'no-publisher'; readonly message: string };

export type OcdsPackageResult = { readonly success: true; readonly value: OcdsReleasePackage } | { readonly success: false; readonly problem: OcdsPackageProblem };

/**
 * The register and every recorded event as an OCDS 1.1.5 release package: for each contract a
 * `contract` release, a `contractAmendment` per modification, an `implementation` per KPI
 * reporting period and a `contractTermination` once it has ended. Each release carries the
 * contract as it stood on its date, so the newest release of a process is the register's
 * current view of it. Release ids depend only on the data, so they are the same on every run.
 */
export function buildOcdsPackage(inputs: readonly OcdsContractInput[], options: OcdsPackageOptions): OcdsPackageResult {
  const problem = checkPackageOptions(options);
  if (problem) return { success: false, problem };
  if (inputs.length === 0) return fail('empty-register', 'The register is empty: there is nothing to publish. Import it first with: steward import register.xlsx');

  const ocids = ocidsFor(inputs.map((i) => i.contract.reference), options.ocidPrefix);
  const releases = inputs
    .flatMap((input) => contractReleases(input, ocids.get(input.contract.reference) ?? '', options))
    .filter((r) => options.since === undefined || r.date.slice(0, 10) > options.since);
  return { success: true, value: releasePackage(releases, options) };
}

/** The prefix and publisher a package needs, or the problem with them. */
export function checkPackageOptions(options: Pick<OcdsPackageOptions, 'ocidPrefix' | 'publisher'>): OcdsPackageProblem | undefined {
  if (!OCID_PREFIX_PATTERN.test(options.ocidPrefix)) {
    return { code: 'bad-ocid-prefix', message: `"${options.ocidPrefix}" is not an ocid prefix: it is "ocds-" and the six lower-case letters or digits the Open Contracting Partnership registered for the council (e.g. ocds-a1b2c3). Ask for one at https://standard.open-contracting.org if the council has none.` };
  }
  if (options.publisher.trim() === '') return { code: 'no-publisher', message: 'Give the council\'s name, the publisher and buyer of these contracts (e.g. --publisher "Norfolk County Council").' };
  return undefined;
}

/** A release package of these releases, declaring the extensions they use. */
export function releasePackage(releases: OcdsRelease[], options: Pick<OcdsPackageOptions, 'uri' | 'publishedDate' | 'publisher'>): OcdsReleasePackage {
  const used = new Set<keyof typeof OCDS_EXTENSIONS>();
  for (const r of releases) {
    if (r.tag.includes('contractAmendment') || r.tag.includes('implementation')) used.add('uk');
    if (r.tag.includes('implementation')) used.add('metrics');
    if (r.tag.includes('contractTermination')) used.add('contractCompletion');
  }
  return {
    uri: options.uri,
    version: '1.1',
    ...(used.size > 0 ? { extensions: [...used].sort().map((e) => OCDS_EXTENSIONS[e]) } : {}),
    publishedDate: options.publishedDate,
    publisher: { name: options.publisher },
    releases,
  };
}

/**
 * Each contract's ocid: the Contracts Finder or Find a Tender ocid its reference came from, or
 * PREFIX-REFERENCE. Contracts sharing a published ocid (the suppliers of one framework award)
 * each get PREFIX-REFERENCE, so that every process has one contract and reads back as one.
 */
export function ocidsFor(references: readonly string[], prefix: string): Map<string, string> {
  const published = new Map<string, string>();
  const count = new Map<string, number>();
  for (const reference of references) {
    const match = PUBLISHED_OCID.exec(reference);
    if (match?.[1] === undefined) continue;
    published.set(reference, match[1]);
    count.set(match[1], (count.get(match[1]) ?? 0) + 1);
  }
  return new Map(references.map((reference) => {
    const ocid = published.get(reference);
    return [reference, ocid !== undefined && count.get(ocid) === 1 ? ocid : `${prefix}-${reference}`];
  }));
}

/** The contract as it stood on a day: the value and end date after the modifications made by then. */
interface ContractState {
  readonly value?: number;
  readonly endDate?: IsoDate;
}

function stateAt(contract: Contract, modifications: readonly ModificationRecord[], date: string): ContractState {
  const later = modifications.filter((m) => m.date > date);
  const total = contract.value.total;
  const value = total === undefined ? undefined : round(total - later.reduce((sum, m) => sum + m.valueChange, 0));
  // The end before the first later change that moved it, or the current end when none did.
  const moved = later.find((m) => m.newEndDate !== undefined);
  const endDate = moved === undefined ? contract.endDate : moved.previousEndDate;
  return { ...(value !== undefined ? { value } : {}), ...(endDate !== undefined ? { endDate } : {}) };
}

/** One contract's releases, oldest first, under the ocid `ocidsFor` gave it. */
export function contractReleases(input: OcdsContractInput, ocid: string, options: Pick<OcdsPackageOptions, 'publisher' | 'today'>): OcdsRelease[] {
  const { contract } = input;
  const modifications = input.modifications ?? [];
  const ended = contract.endDate !== undefined && contract.endDate < options.today;
  const opened = contract.law?.enteredInto ?? contract.startDate ?? options.today;
  const base = (id: string, date: IsoDate, tag: OcdsRelease['tag'], status: 'pending' | 'active' | 'terminated') => baseRelease(contract, ocid, `${ocid}-${id}`, date, tag, status, stateAt(contract, modifications, date), options.publisher);
  const statusOn = (date: IsoDate) => (contract.startDate !== undefined && contract.startDate > date ? 'pending' : 'active');

  const contractRelease = base('contract', opened, ['contract'], statusOn(opened));
  const releases: OcdsRelease[] = [contractRelease];
  let previous = contractRelease.id;
  for (const m of modifications) {
    const release = base(`amendment-${m.id}`, m.date, ['contractAmendment'], statusOn(m.date));
    const after = stateAt(contract, modifications, m.date);
    const entry = release.contracts[0];
    if (entry) {
      entry.amendments = [{
        id: m.id,
        date: ocdsDateTime(m.date),
        rationale: m.reason ?? groundWords(m.ground),
        ...(m.description ? { description: m.description } : {}),
        amendsReleaseID: previous,
        releaseID: release.id,
        rationaleClassifications: [{ scheme: m.regime === 'PA2023' ? 'UK-PA2023-modificationGround' : 'UK-PCR2015-modificationGround', id: m.ground, description: groundWords(m.ground) }],
        ...(m.valueChange !== 0 && after.value !== undefined ? { value: gbp(after.value) } : {}),
        ...(m.newEndDate !== undefined ? { period: period(contract.startDate, m.newEndDate) ?? {} } : {}),
      }];
    }
    releases.push(release);
    previous = release.id;
  }
  for (const implementation of buildImplementationRelease(input.performance)) {
    const release = base(`implementation-${implementation.periodEnd}`, implementation.periodEnd, ['implementation'], statusOn(implementation.periodEnd));
    const entry = release.contracts[0];
    if (entry) entry.implementation = { metrics: implementation.metrics };
    releases.push(release);
  }
  if (ended && contract.endDate !== undefined) {
    const release = base('termination', contract.endDate, ['contractTermination'], 'terminated');
    const entry = release.contracts[0];
    if (entry) {
      entry.implementation = {
        endDate: ocdsDateTime(contract.endDate, 'end'),
        ...(contract.value.total !== undefined ? { finalValue: gbp(contract.value.total) } : {}),
      };
    }
    releases.push(release);
  }
  // Oldest first; the importer takes the last of equal dates, so keep event order within a day.
  return releases.map((r, i) => ({ r, i })).sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i)).map(({ r }) => r);
}

function baseRelease(contract: Contract, ocid: string, id: string, date: IsoDate, tag: OcdsRelease['tag'], status: 'pending' | 'active' | 'terminated', state: ContractState, publisher: string): OcdsRelease {
  const buyer = { id: `buyer-${slug(publisher)}`, name: publisher };
  const supplier = supplierParty(contract);
  const contractPeriod = period(contract.startDate, state.endDate);
  const value = state.value === undefined ? undefined : gbp(state.value);
  const method = procurementMethod(contract.procurement.route);
  return {
    ocid,
    id,
    date: ocdsDateTime(date),
    tag,
    initiationType: 'tender',
    language: 'en',
    parties: [{ ...buyer, roles: ['buyer'] }, supplier],
    buyer,
    tender: {
      id: contract.reference,
      title: contract.title,
      ...(contract.category ? { classification: { description: contract.category } } : {}),
      ...(method ? method : {}),
    },
    awards: [{
      id: contract.reference,
      title: contract.title,
      ...(contract.description ? { description: contract.description } : {}),
      status: 'active',
      ...(value ? { value } : {}),
      suppliers: [{ id: supplier.id, name: supplier.name }],
      ...(contractPeriod ? { contractPeriod } : {}),
    }],
    contracts: [{
      id: contract.reference,
      awardID: contract.reference,
      title: contract.title,
      ...(contract.description ? { description: contract.description } : {}),
      status,
      ...(contractPeriod ? { period: contractPeriod } : {}),
      ...(value ? { value } : {}),
      items: [{ id: '1', description: contract.description ?? contract.title }],
    }],
  };
}

/** The supplier with its Companies House number as a `GB-COH` identifier, so it can be matched across publishers. */
function supplierParty(contract: Contract): OcdsParty & { id: string; name: string } {
  const s = contract.supplier;
  const main = s.companyNumber ? { scheme: 'GB-COH', id: s.companyNumber } : s.charityNumber ? { scheme: 'GB-CHC', id: s.charityNumber } : undefined;
  const additional = [
    ...(s.companyNumber && s.charityNumber ? [{ scheme: 'GB-CHC', id: s.charityNumber }] : []),
    ...(s.vcseNumber ? [{ scheme: 'GB-MPR', id: s.vcseNumber }] : []),
  ];
  const details = { ...(s.sme !== undefined ? { scale: s.sme ? 'sme' : 'large' } : {}), ...(s.vcse !== undefined ? { vcse: s.vcse } : {}) };
  const address = { ...(s.address ? { streetAddress: s.address } : {}), ...(s.postcode ? { postalCode: s.postcode } : {}) };
  return {
    id: main ? `${main.scheme}-${main.id}` : `supplier-${slug(s.name)}`,
    name: s.name,
    ...(main ? { identifier: { ...main, legalName: s.name } } : {}),
    ...(additional.length > 0 ? { additionalIdentifiers: additional } : {}),
    ...(Object.keys(address).length > 0 ? { address } : {}),
    ...(Object.keys(details).length > 0 ? { details } : {}),
    roles: ['supplier'],
  };
}

/** OCDS method codes, with details the importer reads back as the same route. */
function procurementMethod(route: Contract['procurement']['route']): { procurementMethod: string; procurementMethodDetails: string } | undefined {
  switch (route) {
    case 'open':
      return { procurementMethod: 'open', procurementMethodDetails: 'Open procedure' };
    case 'competitive-flexible':
      return { procurementMethod: 'selective', procurementMethodDetails: 'Competitive flexible procedure' };
    case 'framework':
      return { procurementMethod: 'selective', procurementMethodDetails: 'Framework call-off' };
    case 'direct-award':
      return { procurementMethod: 'direct', procurementMethodDetails: 'Direct award' };
    case 'quotation':
      return { procurementMethod: 'limited', procurementMethodDetails: 'Quotation' };
    default:
      return undefined;
  }
}

function groundWords(ground: string): string {
  if (ground === 'below-threshold') return 'Below-threshold modification (Procurement Act 2023 s.74(4))';
  if (ground === 'not-substantial') return 'Not a substantial modification (Procurement Act 2023 s.74(1)(b), s.74(3))';
  if (ground === 'light-touch') return 'Modification of a light touch contract (Procurement Act 2023 s.74(2))';
  const para = /^schedule-8-para-(\d)$/.exec(ground);
  if (para) return `Permitted by Procurement Act 2023 Schedule 8 paragraph ${para[1]}`;
  const reg = /^reg-72-1-([a-f])$/.exec(ground);
  if (reg) return `Permitted by Public Contracts Regulations 2015 regulation 72(1)(${reg[1]})`;
  return ground;
}

function period(start: IsoDate | undefined, end: IsoDate | undefined): { startDate?: string; endDate?: string } | undefined {
  if (start === undefined && end === undefined) return undefined;
  return { ...(start ? { startDate: ocdsDateTime(start) } : {}), ...(end ? { endDate: ocdsDateTime(end, 'end') } : {}) };
}

function gbp(amount: number): OcdsValue {
  return { amount, currency: 'GBP' };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unnamed';
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function fail(code: OcdsPackageProblem['code'], message: string): OcdsPackageResult {
  return { success: false, problem: { code, message } };
}
