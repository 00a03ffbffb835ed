import type { ParseArgsConfig } from 'node:util';
import type { Store } from '../storage/store.js';

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  /** "Today" and "now" for commands that need them; tests pass a fixed clock. */
  readonly now?: () => Date;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandInput {
  readonly options: OptionValues;
  readonly positionals: readonly string[];
  readonly io: CliIo;
  /** Opens the configured store, runs `work`, and always closes it. */
  withStore<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** Writes one line to stdout. */
  print(line: string): void;
  /** Writes a value as pretty JSON to stdout. */
  printJson(value: unknown): void;
}

/** One `steward` subcommand. Each lives in its own module under cli/commands. */
export interface CliCommand {
  /** The words that select it: ['contracts', 'list']. */
  readonly path: readonly string[];
  readonly summary: string;
  /** Usage line(s) after `steward`, e.g. `contracts show REF [--json]`. */
  readonly usage: string;
  /** Extra help text: what each option does. */
  readonly details?: string;
  readonly options?: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments it takes (after its path). */
  readonly positionals?: { readonly min: number; readonly max: number };
  run(input: CommandInput): Promise<number>;
}

/**
 * A failure the user can fix. The CLI prints its message as one line and exits with
 * `exitCode` (2 for a usage mistake, 1 otherwise).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
