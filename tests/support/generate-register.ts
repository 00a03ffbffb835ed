import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';

/** The headers of a typical council register, in the council's own words. */
export const COUNCIL_HEADERS = [
  'Contract Ref',
  'Contract Title',
  'Description',
  'Directorate',
  'Supplier Name',
  'Company Number',
  'SME',
  'Start Date',
  'Expiry',
  'Contract value (£)',
  'Notice period',
  'Extension options',
  'Contract Owner',
  'Owner email',
] as const;

/** Row `i` of a generated register: varied, valid, council-looking cells. */
export function councilRow(i: number): (string | number | Date)[] {
  const year = 2022 + (i % 5);
  return [
    `CON-${String(i).padStart(6, '0')}`,
    `${['Waste collection', 'Highways maintenance', 'Home care', 'ICT support', 'School meals'][i % 5]} lot ${i}`,
    'Provision of services to the council as set out in the specification, including reporting & review.',
    ['Place', 'People', 'Resources', 'Children'][i % 4] ?? 'Place',
    `Supplier ${i % 997} Ltd`,
    String(1_000_000 + (i % 997)),
    i % 3 === 0 ? 'Yes' : 'No',
    new Date(Date.UTC(year, i % 12, 1)),
    `${String(28).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${year + 3}`,
    Math.round(((i * 7919) % 5_000_000) + 5000),
    `${(i % 6) + 1} months`,
    '2+1+1 years',
    'Asha Khan',
    'a.khan@council.gov.uk',
  ];
}

/**
 * Writes a council-style register of `rows` rows with exceljs's streaming writer: a title row
 * above the headers, real Excel dates in one column and typed dates in another.
 */
export async function writeCouncilRegisterXlsx(path: string, rows: number, rowAt: (i: number) => (string | number | Date)[] = councilRow): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Register');
  sheet.addRow(['Contracts register (generated)']).commit();
  sheet.addRow([...COUNCIL_HEADERS]).commit();
  sheet.getColumn(8).numFmt = 'dd/mm/yyyy';
  for (let i = 1; i <= rows; i += 1) {
    const row = sheet.addRow(rowAt(i));
    row.getCell(8).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The same register as CSV (RFC 4180, CRLF). */
export async function writeCouncilRegisterCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const field = (value: string | number | Date) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  out.write(`${COUNCIL_HEADERS.join(',')}\r\n`);
  for (let i = 1; i <= rows; i += 1) {
    if (!out.write(`${councilRow(i).map(field).join(',')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
