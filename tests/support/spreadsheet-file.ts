import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { SpreadsheetFile } from '../../packages/core/src/excel/read-register.js';

/** A file on disk as the importers take it: its name and its bytes. */
export function spreadsheetFile(path: string): SpreadsheetFile {
  return { name: basename(path), bytes: readFileSync(path) };
}
