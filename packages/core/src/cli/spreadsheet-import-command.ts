import { basename, resolve } from 'node:path';
import type { SpreadsheetFile } from '../excel/read-register.js';
import { RegisterFileError } from '../excel/register-file-error.js';
import type { Store } from '../storage/store.js';
import type { SheetImportOptions, SheetImportReport } from '../use-cases/import-sheet-records.js';
import { CliError, type CliCommand } from './command.js';
import { readSpreadsheetFile } from './read-spreadsheet-file.js';

export interface SpreadsheetImportCommand {
  readonly path: readonly string[];
  readonly summary: string;
  /** Help on the file's columns and cells, after the --dry-run line. */
  readonly columns: readonly string[];
  /** The use case that imports the file, all or nothing. */
  import(store: Store, file: SpreadsheetFile, options: SheetImportOptions): Promise<SheetImportReport<{ readonly message: string }>>;
  /** What the file holds, for the refusal: "results" in "no results were recorded". */
  readonly refused: string;
  /** How many rows were recorded, in words: "3 results". */
  counted(rows: number): string;
}

/**
 * A `steward … record FILE [--dry-run]` command: reads the file, runs its import use case, and
 * prints each problem (nothing written) or what was recorded. One shape for every sheet import.
 */
export function spreadsheetImportCommand(spec: SpreadsheetImportCommand): CliCommand {
  return {
    path: spec.path,
    summary: spec.summary,
    usage: `${spec.path.join(' ')} FILE [--dry-run]`,
    details: ['  --dry-run   check the file and say what would change; write nothing', '', ...spec.columns].join('\n'),
    options: { 'dry-run': { type: 'boolean' } },
    positionals: { min: 1, max: 1 },
    async run({ options, positionals, io, withStore, print }) {
      const path = resolve(io.cwd, positionals[0] ?? '');
      let file: SpreadsheetFile;
      try {
        file = await readSpreadsheetFile(path);
      } catch (error) {
        if (error instanceof RegisterFileError) throw new CliError(`cannot import: ${error.message}. Nothing was written.`);
        throw new CliError(`cannot read ${path} — check the path`);
      }
      const report = await withStore(async (store) => {
        try {
          return await spec.import(store, file, { actor: io.env.USER ?? 'cli', dryRun: options['dry-run'] === true, ...(io.now ? { at: io.now() } : {}) });
        } catch (error) {
          if (error instanceof RegisterFileError) throw new CliError(`cannot import: ${error.message}. Nothing was written.`);
          throw error;
        }
      });
      if (report.problems.length > 0) {
        for (const problem of report.problems) io.stderr.write(`  ${problem.message}\n`);
        const n = report.problems.length;
        throw new CliError(`${n} problem${n === 1 ? '' : 's'} in ${basename(path)}; ${spec.refused}. Fix the file and run it again.`);
      }
      const verb = report.dryRun ? 'would record' : 'recorded';
      print(`${basename(path)}: ${verb} ${spec.counted(report.rows)} (${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged)`);
      return 0;
    },
  };
}
