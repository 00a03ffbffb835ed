import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RegisterFileError } from '../../excel/register-file-error.js';
import { importRegister, problemsWorkbook, type ImportReport } from '../../use-cases/import-register.js';
import { IMPORT_FIELDS, isImportField, type ImportField } from '../../register/import/import-field.js';
import { normaliseHeader } from '../../register/import/map-headers.js';
import { CliError, type CliCommand } from '../command.js';
import { COUNCIL_DETAILS, COUNCIL_OPTION, documentIdentity } from '../document-identity.js';
import { readSpreadsheetFile } from '../read-spreadsheet-file.js';

export const importCommand: CliCommand = {
  path: ['import'],
  summary: 'Import the contracts register from .xlsx, .csv or OCDS .json',
  usage: 'import FILE [--dry-run] [--json] [--strict] [--sheet NAME] [--map "Header=field"]... [--mapping FILE] [--problems OUT.xlsx] [--max-size MB] [--buyer NAME|ID] [--council NAME]',
  details: [
    '  --dry-run          show what would change and write nothing',
    '  --json             print the result as JSON',
    '  --strict           reject the whole file if any row has a problem',
    '  --sheet NAME       the sheet to read (default: the first that looks like a register)',
    '  --map "H=field"    read column H as a field, e.g. --map "Expiry=endDate" (or "H=ignore")',
    '  --mapping FILE     a JSON file of {"Header": "field"} mappings',
    '  --problems OUT     write the rejected rows to OUT.xlsx: each row\'s number and problem, then its',
    '                     cells, and a Summary sheet. Correct them there and import OUT.xlsx: the importer',
    '                     ignores the Original row and Problem columns, and a row still wrong is rejected',
    '                     again, so importing it unchanged changes nothing',
    '  --max-size MB      refuse files larger than this (default 50)',
    '  --buyer NAME|ID    OCDS files: import only this buyer\'s awards (by name or OCDS id)',
    '',
    COUNCIL_DETAILS,
    '',
    `Fields: ${Object.keys(IMPORT_FIELDS).join(', ')}`,
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    sheet: { type: 'string' },
    map: { type: 'string', multiple: true },
    mapping: { type: 'string' },
    problems: { type: 'string' },
    'max-size': { type: 'string' },
    buyer: { type: 'string' },
    ...COUNCIL_OPTION,
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const { options, positionals, io, withStore, print, printJson } = input;
    const file = resolve(io.cwd, positionals[0] ?? '');
    const mapping = await userMapping(options.map, options.mapping, io.cwd);
    const maxSize = options['max-size'];
    const maxBytes = typeof maxSize === 'string' ? megabytes(maxSize) : undefined;
    const dryRun = options['dry-run'] === true;
    let report: ImportReport;
    try {
      const read = await readSpreadsheetFile(file, maxBytes);
      report = await withStore((store) =>
        importRegister(store, read, {
          dryRun,
          strict: options.strict === true,
          actor: io.env.USER ?? 'cli',
          mapping,
          ...(typeof options.sheet === 'string' ? { sheet: options.sheet } : {}),
          ...(typeof options.buyer === 'string' ? { buyer: options.buyer } : {}),
          ...(maxBytes === undefined ? {} : { maxBytes }),
          ...(io.now ? { at: io.now() } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof RegisterFileError) throw new CliError(`cannot import: ${error.message}. Nothing was written.`);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`no file at ${file} — check the path`);
      throw error;
    }
    if (typeof options.problems === 'string' && report.rejectedRows.length > 0) {
      await writeFile(resolve(io.cwd, options.problems), await problemsWorkbook(report, await documentIdentity(input)));
    }
    if (options.json) {
      printJson({
        dryRun: report.dryRun,
        rows: report.rows,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
        provisional: report.provisional,
        lots: report.lots,
        duplicatesSkipped: report.duplicatesSkipped,
        renamed: report.renamed,
        problems: report.problems.map(({ sheet, row, column, value, code, message }) => ({ sheet, row, column, value, code, message })),
        ignoredColumns: report.ignoredColumns,
      });
    } else {
      printSummary(report, print, typeof options.problems === 'string' ? options.problems : undefined);
    }
    return report.refused ? 1 : 0;
  },
};

function printSummary(report: ImportReport, print: (line: string) => void, problemsPath: string | undefined): void {
  const verb = report.dryRun || report.refused ? 'would be' : 'were';
  print(`${report.fileName}: ${report.rows} rows read from ${report.sheet}${report.headerRow > 1 ? ` (headers on row ${report.headerRow})` : ''}`);
  if (report.refused) print(`--strict: the file was rejected because it has ${report.problems.length} problems. Nothing was written.`);
  print(`  ${report.created} ${verb} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`);
  const kept = [
    report.provisional > 0 ? `${report.provisional} under a provisional reference (no reference in the file)` : '',
    report.lots > 0 ? `${report.lots} as lots of a repeated reference (REF/2, ...)` : '',
  ].filter(Boolean);
  if (kept.length > 0) print(`  Kept ${kept.join(', ')}`);
  if (report.duplicatesSkipped > 0) print(`  ${report.duplicatesSkipped} repeated line${report.duplicatesSkipped === 1 ? '' : 's'} skipped (same reference, supplier, dates and value as an earlier row)`);
  for (const { from, to } of report.renamed) print(`  ${from} ${verb} renamed ${to}, its real reference`);
  if (report.ignoredColumns.length > 0) print(`  Columns not imported: ${report.ignoredColumns.join(', ')} (map them with --map "Header=field")`);
  const shown = report.problems.slice(0, 20);
  if (shown.length > 0) {
    print(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}:`);
    for (const problem of shown) print(`  ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`);
    if (report.problems.length > shown.length) print(`  ... and ${report.problems.length - shown.length} more (use --json for all${problemsPath ? '' : ', or --problems OUT.xlsx for the rejected rows'})`);
  }
  if (problemsPath && report.rejectedRows.length > 0) {
    print(`Rejected rows written to ${problemsPath}: correct them there and import that file. Its Original row and Problem columns are ignored;`);
    print('  a row still wrong is rejected again, and none can overwrite another contract, so importing it unchanged changes nothing.');
  }
  if (report.dryRun) print('Dry run: nothing was written. Run again without --dry-run to import.');
}

async function userMapping(map: unknown, mappingFile: unknown, cwd: string): Promise<Map<string, ImportField | 'ignore'>> {
  const pairs: [string, string][] = [];
  if (typeof mappingFile === 'string') {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(resolve(cwd, mappingFile), 'utf8'));
    } catch {
      throw new CliError(`--mapping ${mappingFile} is not a readable JSON file like {"Expiry": "endDate"}`, 2);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CliError(`--mapping ${mappingFile} must hold an object like {"Expiry": "endDate"}`, 2);
    for (const [header, field] of Object.entries(json)) pairs.push([header, String(field)]);
  }
  for (const entry of Array.isArray(map) ? map : []) {
    const text = String(entry);
    const at = text.lastIndexOf('=');
    if (at <= 0) throw new CliError(`--map "${text}" should be "Header=field", e.g. --map "Expiry=endDate"`, 2);
    pairs.push([text.slice(0, at), text.slice(at + 1)]);
  }
  const result = new Map<string, ImportField | 'ignore'>();
  for (const [header, name] of pairs) result.set(header, fieldNamed(name.trim()));
  return result;
}

/** A field by its key (`endDate`) or its export header (`End date`). */
function fieldNamed(name: string): ImportField | 'ignore' {
  if (name === 'ignore' || isImportField(name)) return name;
  const byHeader = (Object.keys(IMPORT_FIELDS) as ImportField[]).find((f) => normaliseHeader(IMPORT_FIELDS[f]) === normaliseHeader(name));
  if (byHeader) return byHeader;
  throw new CliError(`"${name}" is not a field. Fields: ${Object.keys(IMPORT_FIELDS).join(', ')}, or ignore`, 2);
}

function megabytes(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new CliError(`--max-size "${text}" is not a size in MB, e.g. --max-size 100`, 2);
  return value * 1_048_576;
}
