import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { londonToday } from '../../shared/calendar.js';
import { packClauses } from '../../tenders/build-pack.js';
import { CLAUSES, CLAUSE_LIBRARY_VERSION } from '../../tenders/clause-library.js';
import { describeInclusion } from '../../tenders/render-pack-markdown.js';
import { makeTenderPack, type TenderPackFormat } from '../../use-cases/make-tender-pack.js';
import { COUNCIL_DETAILS, COUNCIL_OPTION, documentIdentity } from '../document-identity.js';
import { CliError, type CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';
import { isoDateOption } from '../as-of-option.js';

const FORMATS = ['.docx', '.xlsx', '.md'] as const;

export const tenderPackCommand: CliCommand = {
  path: ['tender-pack'],
  summary: 'Build a tender clause pack (Appendix M data access and API wording) as Word, Excel or Markdown',
  usage: 'tender-pack --options FILE.json [--out PACK.docx|PACK.xlsx|PACK.md] [--date YYYY-MM-DD]\n       steward tender-pack --list [--json]',
  details: [
    '  --options FILE.json  the pack options (see examples/tender-pack.example.json)',
    '  --out PATH           .docx for the tender document (and, beside it, "PACK officer notes.docx",',
    '                       not for suppliers), .xlsx for the supplier compliance matrix, .md for',
    '                       Markdown; without it the Markdown is printed',
    '  --date YYYY-MM-DD    the date on the pack (default: today in Europe/London)',
    '  --list               show the clauses with their ids and how each is included',
    '  --json               with --list, print the clause library as JSON',
    COUNCIL_DETAILS,
  ].join('\n'),
  options: {
    ...COUNCIL_OPTION,
    options: { type: 'string' },
    out: { type: 'string' },
    date: { type: 'string' },
    list: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(input) {
    const { options, io, print, printJson } = input;
    if (options.list) {
      if (options.json) printJson({ version: CLAUSE_LIBRARY_VERSION, clauses: CLAUSES });
      else listClauses(print);
      return 0;
    }
    if (typeof options.options !== 'string') {
      throw new CliError('say which options file to use: steward tender-pack --options FILE.json --out PACK.docx (see steward tender-pack --help)', 2);
    }
    const out = typeof options.out === 'string' ? resolve(io.cwd, options.out) : undefined;
    const format = out === undefined ? '.md' : extname(out).toLowerCase();
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new CliError(`--out must end in .docx (Word), .xlsx (Excel compliance matrix) or .md (Markdown), not "${options.out as string}"`, 2);
    }
    const date = typeof options.date === 'string' ? isoDateOption('--date', options.date) : londonToday(io.now?.() ?? new Date());

    const optionsFile = resolve(io.cwd, options.options);
    const identity = format === '.md' ? {} : await documentIdentity(input);
    // A Word pack comes with the officer's notes beside it: the pack goes to suppliers, the notes do not.
    const formats: TenderPackFormat[] = format === '.docx' ? ['docx', 'officer-docx'] : [format.slice(1) as TenderPackFormat];
    const result = await makeTenderPack(await readOptions(optionsFile, options.options), { date, formats, identity });
    if (!result.success) {
      for (const problem of result.problems) {
        io.stderr.write(`${options.options}: ${problem.path.length > 0 ? `${problem.path.join('.')}: ` : ''}${problem.message.replace(/^[\w.-]+: /, '')}\n`);
      }
      const count = result.problems.length;
      throw new CliError(`${options.options} has ${count} problem${count === 1 ? '' : 's'} (above): fix ${count === 1 ? 'it' : 'them'} and run again`);
    }
    const { pack, files } = result.value;
    const bytes = files[0]?.bytes ?? Buffer.alloc(0);
    if (out === undefined) {
      io.stdout.write(bytes.toString());
      return 0;
    }
    // The Word pack goes to suppliers; the officer's notes (guidance, record of choices) beside it do not.
    const officer = format === '.docx' ? officerNotesPath(out) : undefined;
    await writeOut(out, bytes);
    if (officer) await writeOut(officer, files[1]?.bytes ?? Buffer.alloc(0));
    const clauses = packClauses(pack).length;
    print(`Wrote ${out}: ${clauses} clauses in ${pack.sections.length} section${pack.sections.length === 1 ? '' : 's'}, clause library ${pack.libraryVersion}, dated ${date}.`);
    if (officer) print(`Wrote ${officer}: the officer's notes (record of choices${pack.includeGuidance ? ' and guidance' : ''}). Keep them; do not send them to suppliers.`);
    return 0;
  },
};

async function readOptions(path: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the options file ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Start from examples/tender-pack.example.json.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${shown} is not valid JSON (${(error as Error).message}). Start from examples/tender-pack.example.json.`);
  }
}

function listClauses(print: (line: string) => void): void {
  print(`Appendix M clause library ${CLAUSE_LIBRARY_VERSION}`);
  print('');
  print(
    formatTable(
      ['Id', 'Rule', 'Parameter', 'Wording'],
      CLAUSES.map((clause) => [
        clause.id,
        describeInclusion(clause),
        'parameter' in clause ? clause.parameter : '',
        summarise(clause.inclusion === 'choice' ? `Either: ${clause.wordings['no-charge']} Or: ${clause.wordings['declare-charges']}` : clause.text),
      ]),
    ),
  );
  print('');
  print('Data extraction (DE) is for all tenders; application programming interfaces (API) at the council\'s discretion.');
  print('Build a pack: steward tender-pack --options examples/tender-pack.example.json --out PACK.docx');
}

function summarise(text: string, length = 70): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** PACK.docx → "PACK officer notes.docx", beside it. */
export function officerNotesPath(out: string): string {
  return out.replace(/\.docx$/i, ' officer notes.docx');
}

async function writeOut(path: string, bytes: Buffer | string): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check the folder exists and the file is not open in Word or Excel.`);
  }
}
