import type { CellValue } from './cell-value.js';
import type { SourceRow } from './convert-row.js';
import { IMPORT_FIELD_NAMES, IMPORT_FIELDS, type ImportField } from './import-field.js';
import type { MappedColumn } from './map-headers.js';

interface OcdsParty {
  id?: string;
  name?: string;
  identifier?: { scheme?: string; id?: string; legalName?: string };
  address?: { streetAddress?: string; locality?: string; postalCode?: string };
  details?: { scale?: string; vcse?: boolean };
  roles?: string[];
}
interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
}
interface OcdsRelease {
  ocid?: string;
  id?: string;
  date?: string;
  buyer?: { id?: string; name?: string };
  tender?: {
    id?: string;
    title?: string;
    description?: string;
    classification?: { description?: string };
    procurementMethod?: string;
    procurementMethodDetails?: string;
    contractPeriod?: OcdsPeriod;
  };
  parties?: OcdsParty[];
  awards?: {
    id?: string;
    title?: string;
    description?: string;
    value?: { amount?: number; currency?: string };
    suppliers?: { id?: string; name?: string }[];
    contractPeriod?: OcdsPeriod;
  }[];
}

/** The columns OCDS rows are laid out in: every import field, in order. */
export const OCDS_COLUMNS: readonly MappedColumn[] = IMPORT_FIELD_NAMES.map((field, index) => ({ index, header: IMPORT_FIELDS[field], field }));

/**
 * Turns OCDS JSON (a release package, a record of releases, or an array of releases, as
 * Contracts Finder and Find a Tender publish them) into register rows: one per award and
 * supplier. An award to several suppliers (a framework) becomes one contract per supplier,
 * referenced `AWARD-ID/2`, because each is a separate agreement to manage and renew.
 * When a contracting process (ocid) has several releases, the newest one speaks for it, as
 * OCDS compiles them; earlier ones are amended notices, not extra contracts.
 * `row` is the release's position in the file (1-based).
 */
export function ocdsToRows(json: unknown, sheet: string): SourceRow[] {
  const releases = releasesOf(json);
  const latest = latestReleases(releases);
  const rows: SourceRow[] = [];
  releases.forEach((release, index) => {
    if (!latest.has(release)) return;
    const tender = release.tender ?? {};
    const parties = new Map((release.parties ?? []).map((p) => [p.id ?? '', p]));
    // The buyer names the council: without it, the awards of every council in a file merge.
    const buyerParty = release.parties?.find((p) => p.roles?.includes('buyer'));
    const buyer = { id: release.buyer?.id ?? buyerParty?.id, name: release.buyer?.name ?? buyerParty?.name };
    for (const award of release.awards ?? []) {
      const suppliers = award.suppliers?.length ? award.suppliers : [{}];
      suppliers.forEach((supplierRef, n) => {
        const party: OcdsParty = (supplierRef.id !== undefined ? parties.get(supplierRef.id) : undefined) ?? {};
        const period = award.contractPeriod ?? tender.contractPeriod ?? {};
        const base = award.id ?? release.ocid ?? release.id;
        const values: Partial<Record<ImportField, CellValue>> = {
          reference: base === undefined ? undefined : suppliers.length > 1 ? `${base}/${n + 1}` : base,
          title: award.title ?? tender.title,
          description: award.description ?? tender.description,
          category: tender.classification?.description,
          supplierName: supplierRef.name ?? party.name ?? party.identifier?.legalName,
          companyNumber: party.identifier?.scheme === 'GB-COH' ? party.identifier.id : undefined,
          supplierAddress: [party.address?.streetAddress, party.address?.locality].filter(Boolean).join(', ') || undefined,
          supplierPostcode: party.address?.postalCode,
          sme: party.details?.scale === undefined ? undefined : party.details.scale === 'sme',
          vcse: party.details?.vcse,
          startDate: period.startDate,
          endDate: period.endDate,
          totalValue: award.value?.currency === undefined || award.value.currency === 'GBP' ? award.value?.amount : undefined,
          procurementRoute: routeOf(tender.procurementMethod, tender.procurementMethodDetails),
          buyerName: buyer.name ?? (buyer.id === undefined ? undefined : (parties.get(buyer.id)?.name ?? buyer.id)),
          buyerId: buyer.id,
        };
        rows.push({ sheet, row: index + 1, cells: IMPORT_FIELD_NAMES.map((field) => values[field]) });
      });
    }
  });
  return rows;
}

/** A buyer found in an OCDS file, with how many of its rows (awards and suppliers) are there. */
export interface OcdsBuyer {
  readonly name: string;
  readonly id?: string;
  readonly rows: number;
}

const BUYER_NAME = IMPORT_FIELD_NAMES.indexOf('buyerName');
const BUYER_ID = IMPORT_FIELD_NAMES.indexOf('buyerId');

/** The buyers of these OCDS rows, most rows first (then by name); a row without one counts as "(no buyer)". */
export function buyersOf(rows: readonly SourceRow[]): OcdsBuyer[] {
  const found = new Map<string, { name: string; id?: string; rows: number }>();
  for (const row of rows) {
    const name = cellString(row.cells[BUYER_NAME]) ?? '(no buyer)';
    const id = cellString(row.cells[BUYER_ID]);
    const key = id ?? name;
    const entry = found.get(key) ?? { name, ...(id === undefined ? {} : { id }), rows: 0 };
    entry.rows += 1;
    found.set(key, entry);
  }
  return [...found.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
}

/** Whether an OCDS row is the wanted buyer's: its id exactly, or its name, case and spacing aside. */
export function isBuyersRow(row: SourceRow, wanted: string): boolean {
  const squash = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  const want = squash(wanted);
  const id = cellString(row.cells[BUYER_ID]);
  const name = cellString(row.cells[BUYER_NAME]);
  return (id !== undefined && squash(id) === want) || (name !== undefined && squash(name) === want);
}

function cellString(value: CellValue): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function latestReleases(releases: readonly OcdsRelease[]): Set<OcdsRelease> {
  const byProcess = new Map<string, OcdsRelease>();
  releases.forEach((release, index) => {
    const key = release.ocid ?? `#${index}`;
    const current = byProcess.get(key);
    if (current === undefined || (release.date ?? '') >= (current.date ?? '')) byProcess.set(key, release);
  });
  return new Set(byProcess.values());
}

function releasesOf(json: unknown): OcdsRelease[] {
  if (Array.isArray(json)) return json.flatMap((item) => releasesOf(item));
  if (typeof json !== 'object' || json === null) return [];
  const object = json as Record<string, unknown>;
  if (Array.isArray(object.releases)) return object.releases as OcdsRelease[];
  if (Array.isArray(object.records)) {
    return (object.records as { compiledRelease?: OcdsRelease; releases?: OcdsRelease[] }[]).flatMap((r) =>
      r.compiledRelease ? [r.compiledRelease] : (r.releases ?? []),
    );
  }
  if ('ocid' in object) return [object as OcdsRelease];
  return [];
}

/** OCDS method codes in the words the register's route column understands. */
function routeOf(method: string | undefined, details: string | undefined): string | undefined {
  if (details !== undefined && /framework|call[\s-]?off|direct award|quot/i.test(details)) return details;
  switch (method) {
    case 'open':
      return 'open';
    case 'direct':
    case 'limited':
      return 'direct-award';
    case undefined:
      return undefined;
    default:
      return 'other';
  }
}
