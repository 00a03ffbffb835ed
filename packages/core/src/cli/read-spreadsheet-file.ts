import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkFileSize, type SpreadsheetFile } from '../excel/read-register.js';

/**
 * Reads a file named on the command line, once, for an import. Its size is checked first
 * (RegisterFileError `empty-file` or `too-large`), so a file the importer would refuse is never
 * loaded whole; errors from the file system (no such file) are thrown as they are.
 */
export async function readSpreadsheetFile(path: string, maxBytes?: number): Promise<SpreadsheetFile> {
  const name = basename(path);
  checkFileSize((await stat(path)).size, name, maxBytes);
  return { name, bytes: await readFile(path) };
}
