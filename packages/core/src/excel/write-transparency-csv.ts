import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Contract } from '../register/contract.schema.js';
import { csvSafe } from './spreadsheet-safety.js';

/**
 * The quarterly publication of the Local Government Transparency Code 2015 (paragraphs 35–36):
 * every contract over £5,000, with the Code's fields in the Code's order.
 */
export const TRANSPARENCY_HEADERS = [
  'Reference Number',
  'Title of Agreement',
  'Department Responsible',
  'Description of Goods and Services',
  'Supplier Name',
  'Supplier Registered Company Number',
  'Supplier Registered Charity Number',
  'SME',
  'VCSE',
  'Start Date',
  'End Date',
  'Review Date',
  'Contract Value',
  'Estimated Annual Value',
  'Irrecoverable VAT',
  'Invitation to Quote or Tender',
] as const;

/** The Code's threshold: contracts over £5,000 are published. */
export const TRANSPARENCY_THRESHOLD = 5000;

/** One line of the publication, fields already made safe for spreadsheet programs. */
export function transparencyFields(c: Contract): string[] {
  return [
    c.reference,
    c.title,
    c.department ?? c.serviceArea ?? '',
    c.description ?? '',
    c.supplier.name,
    c.supplier.companyNumber ?? '',
    c.supplier.charityNumber ?? '',
    flag(c.supplier.sme),
    flag(c.supplier.vcse),
    ukDate(c.startDate),
    ukDate(c.endDate),
    ukDate(c.reviewDate),
    money(c.value.total),
    money(c.value.annual),
    money(c.value.irrecoverableVat),
    c.procurement.invitation === undefined ? '' : `Invitation to ${c.procurement.invitation}`,
  ];
}

/** True when the Code asks for the contract: over £5,000, or of unknown value (check it). */
export function isPublishable(c: Contract): boolean {
  const value = c.value.total ?? c.value.annual;
  return value === undefined || value > TRANSPARENCY_THRESHOLD;
}

/** Quotes a CSV field when it must be (RFC 4180) after making it safe from formula injection. */
export function csvField(text: string): string {
  const safe = csvSafe(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Writes the publication as UTF-8 CSV with a byte-order mark (so Excel shows £ and accents). */
export async function writeTransparencyCsv(path: string, contracts: Iterable<Contract>): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let count = 0;
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`\uFEFF${TRANSPARENCY_HEADERS.map(csvField).join(',')}\r\n`);
  for (const contract of contracts) {
    if (!isPublishable(contract)) continue;
    await write(`${transparencyFields(contract).map(csvField).join(',')}\r\n`);
    count += 1;
  }
  out.end();
  await once(out, 'finish');
  return count;
}

function flag(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'Yes' : 'No';
}

function ukDate(iso: string | undefined): string {
  if (iso === undefined) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function money(value: number | undefined): string {
  return value === undefined ? '' : value.toFixed(2);
}
