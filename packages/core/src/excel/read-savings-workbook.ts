import type ExcelJS from 'exceljs';
import type { Result } from '../shared/problem.js';
import type { SavingRow } from '../savings/validate-savings.js';
import { loadXlsxWorkbook } from './load-xlsx-workbook.js';
import { RegisterFileError } from './register-file-error.js';

/** The import's fields, by header as written in the sheet with case, spaces and symbols dropped. */
const FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'id',
    'contract',
    'description',
    'serviceArea',
    'kind',
    'state',
    'stateBy',
    'stateAt',
    'signedOffBy',
    'cashable',
    'currentAnnual',
    'baselineAnnual',
    'baselineSource',
    'newAnnual',
    'start',
    'termMonths',
    'oneOffCosts',
    'implementationCost',
    'exitCost',
    'notes',
  ].map((field) => [normaliseHeader(field), field]),
);
/** A savings workbook is a few hundred rows; one that unpacks past this is not one. */
const MAX_UNPACKED_BYTES = 64 * 1_048_576;
const NUMBER_FIELDS = new Set(['currentAnnual', 'baselineAnnual', 'newAnnual', 'termMonths', 'oneOffCosts', 'implementationCost', 'exitCost']);

/**
 * Reads savings from a workbook whose first row names the same fields as the JSON import
 * ("contract", "baselineAnnual", ... or as the export writes them: "Baseline annual (£)").
 * Reads the sheet called Savings, else the first. Columns it does not know (the export's
 * formulas) are ignored. Cells are turned into what the schema expects — numbers from
 * "£160,000", days from Excel dates or 31/03/2025, yes/no to true/false — and anything not
 * understood is passed on as written, so validation names the row and the field.
 */
export async function readSavingsWorkbook(bytes: Buffer): Promise<Result<SavingRow[]>> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadXlsxWorkbook(bytes, MAX_UNPACKED_BYTES);
  } catch (error) {
    if (error instanceof RegisterFileError) return { success: false, problems: [{ code: error.code, path: [], message: error.message }] };
    return { success: false, problems: [{ code: 'not-a-workbook', path: [], message: 'the file is not an Excel workbook (.xlsx)' }] };
  }
  const sheet = workbook.getWorksheet('Savings') ?? workbook.worksheets[0];
  if (!sheet) return { success: false, problems: [{ code: 'empty-workbook', path: [], message: 'the workbook has no sheets' }] };
  const fieldByColumn = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, column) => {
    const field = FIELDS[normaliseHeader(String(plain(cell.value) ?? ''))];
    if (field) fieldByColumn.set(column, field);
  });
  for (const required of ['contract', 'kind', 'baselineAnnual', 'newAnnual', 'start', 'termMonths']) {
    if (![...fieldByColumn.values()].includes(required)) {
      return {
        success: false,
        problems: [{ code: 'missing-column', path: [sheet.name, 1], message: `${sheet.name}: no "${required}" column in the first row` }],
      };
    }
  }
  const rows: SavingRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const fields: Record<string, unknown> = {};
    const cells: Record<string, { address: string; text: string }> = {};
    for (const [column, field] of fieldByColumn) {
      const cell = row.getCell(column);
      const raw = plain(cell.value);
      const value = cellFor(field, raw);
      if (value === undefined) continue;
      fields[field] = value;
      cells[field] = { address: `${sheet.name}!${cell.address}`, text: raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw) };
    }
    if (Object.keys(fields).length > 0) rows.push({ where: `${sheet.name} row ${rowNumber}`, fields, cells });
  });
  return { success: true, value: rows };
}

function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

type Plain = string | number | boolean | Date | undefined;

/** A cell's value without exceljs's wrappers: the cached result of a formula, a link's text. */
function plain(value: unknown): Plain {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return String(value);
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.richText)) return (object.richText as { text?: unknown }[]).map((run) => String(run.text ?? '')).join('');
  if ('formula' in object || 'sharedFormula' in object) return plain(object.result);
  if ('text' in object) return plain(object.text);
  return undefined;
}

function cellFor(field: string, value: Plain): unknown {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    if (NUMBER_FIELDS.has(field)) {
      const number = Number(text.replace(/[£,\s]/g, ''));
      return text.replace(/[£,\s]/g, '') !== '' && Number.isFinite(number) ? number : text;
    }
    if (field === 'start') return ukDay(text) ?? text;
    if (field === 'cashable') return yesNo(text) ?? text;
    if (field === 'kind' || field === 'state') return text.toLowerCase().replace(/\s+/g, '-');
    return text;
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return field === 'stateAt' ? iso : iso.slice(0, 10);
  }
  return value;
}

/** 31/03/2025 or 2025-03-31 as YYYY-MM-DD (UK day first). */
function ukDay(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!match) return undefined;
  return `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}`;
}

function yesNo(text: string): boolean | undefined {
  const word = text.toLowerCase();
  if (['yes', 'y', 'true', 'cashable'].includes(word)) return true;
  if (['no', 'n', 'false', 'non-cashable'].includes(word)) return false;
  return undefined;
}
