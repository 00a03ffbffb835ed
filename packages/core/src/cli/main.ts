import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, storeOptionsFrom } from '../storage/open-store.js';
import { StorageError } from '../storage/storage-error.js';
import type { Store } from '../storage/store.js';
import { CliError, type CliCommand, type CliIo, type CommandInput, type OptionValues } from './command.js';
import { COMMANDS } from './commands/index.js';
import { VERSION } from '../version.js';
import { renewalSettingsFrom } from './renewal-settings-option.js';

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs `steward` with the given arguments and returns the exit code. Every failure is one
 * line on stderr that says what to do next; stack traces are for bugs only.
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  try {
    return await dispatch(argv, io, commands);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`steward: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof StorageError) {
      io.stderr.write(`steward: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`steward: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, commands: readonly CliCommand[]): Promise<number> {
  const words = leadingWords(argv);
  const command = findCommand(words, commands);
  if (!command) {
    if (words.length === 0 && argv.includes('--version')) {
      io.stdout.write(`steward ${VERSION}\n`);
      return 0;
    }
    if (words.length === 0 || words[0] === 'help') {
      io.stdout.write(overview(commands));
      return 0;
    }
    const group = commands.filter((c) => c.path[0] === words[0]);
    if (group.length > 0 && (argv.includes('--help') || argv.includes('-h'))) {
      io.stdout.write(overview(group));
      return 0;
    }
    throw new CliError(`unknown command "${words.join(' ')}". Run steward --help to see the commands.`, 2);
  }
  const rest = argv.slice(command.path.length);
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    }) as { values: OptionValues; positionals: string[] };
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]}. Run steward ${command.path.join(' ')} --help for its options.`, 2);
  }
  if (parsed.values.help) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  const { min, max } = command.positionals ?? { min: 0, max: 0 };
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new CliError(`usage: steward ${command.usage}`, 2);
  }
  const dbOption = parsed.values.db;
  const input: CommandInput = {
    options: parsed.values,
    positionals: parsed.positionals,
    io,
    async withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
      const options = storeOptionsFrom({
        databaseUrl: io.env.DATABASE_URL,
        sqlitePath: typeof dbOption === 'string' ? dbOption : io.env.STEWARD_DB,
      });
      // Relative paths are the user's: resolve them against the CLI's working folder.
      const located = options.kind === 'sqlite' && options.path !== ':memory:' ? { ...options, path: resolve(io.cwd, options.path) } : options;
      // The index is kept in the environment's rules (GOVERNANCE_LEAD_TIMES, as the bot reads it), so
      // the CLI and a running bot share it; a one-off --governance-lead-times reads the whole register instead.
      const store = await openStore({ ...located, renewalRules: renewalSettingsFrom({}, io.env) });
      try {
        return await work(store);
      } finally {
        await store.close();
      }
    },
    print: (line) => io.stdout.write(`${line}\n`),
    printJson: (value) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
  return command.run(input);
}

function leadingWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  return words;
}

function findCommand(words: readonly string[], commands: readonly CliCommand[]): CliCommand | undefined {
  return [...commands]
    .sort((a, b) => b.path.length - a.path.length)
    .find((c) => c.path.every((word, i) => words[i] === word));
}

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  return [
    'steward: the Contract Steward command line',
    '',
    'Usage: steward COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --db PATH   the SQLite database file (default ./data/steward.db, or STEWARD_DB)',
    '  -h, --help  help for a command',
    '',
    'Set DATABASE_URL=postgres://... to use PostgreSQL instead of the SQLite file.',
    'Run steward COMMAND --help for the options of one command.',
    '',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  return [`${command.summary}`, '', `Usage: steward ${command.usage}`, ...(command.details ? ['', command.details] : []), '', '  --db PATH   the SQLite database file (or set DATABASE_URL for PostgreSQL)', ''].join('\n');
}
