import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { RegisterFileError } from './register-file-error.js';

const OPTIONS = {
  bom: true,
  // Whatever a council's system wrote: CRLF, LF or a lone CR, even mixed in one file.
  record_delimiter: ['\r\n', '\n', '\r'],
  // A quote inside an unquoted field (`5" screen`) is a character, as Excel reads it.
  relax_quotes: true,
  // Rows of different lengths are the importer's to judge, with their row numbers.
  relax_column_count: true,
};

/**
 * Splits CSV text into rows of fields (RFC 4180) with csv-parse: commas between fields, double
 * quotes around a field that holds commas, quotes or line breaks, `""` for a quote inside one,
 * CRLF, LF or CR between rows. A byte-order mark at the start is dropped. One row per record,
 * however many lines its quoted fields span, so row numbers are those Excel shows. A quote
 * never closed is refused (RegisterFileError `unclosed-quote`) rather than taking in the rest
 * of the file as one cell.
 * @example [...parseCsv('a,"b ""c""\nd"\r\n')] // [['a', 'b "c"\nd']]
 */
export function* parseCsv(text: string): Generator<string[]> {
  let rows: string[][];
  try {
    rows = parse(text, OPTIONS) as string[][];
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new RegisterFileError(
        'unclosed-quote',
        `a quoted cell${line === undefined ? '' : ` that starts before line ${line}`} is never closed, so the rest of the file would be one cell — open the file in Excel, check the quotes, and save it as CSV again`,
      );
    }
    throw error;
  }
  yield* rows;
}
