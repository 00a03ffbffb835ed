import { CliError, type OptionValues } from './command.js';

/** The text given for `--name`, or undefined when it was not given. */
export function textOption(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

/** Refuses (exit 2) the first of `names` not given, saying where the options are listed. */
export function requireOptions(options: OptionValues, names: readonly string[], command: string): void {
  for (const name of names) {
    if (textOption(options, name) === undefined) throw new CliError(`give --${name}. Run steward ${command} --help for the options.`, 2);
  }
}

/** The number given for `--name` (thousands commas allowed), or undefined when it was not given. */
export function numberOption(options: OptionValues, name: string, example: number): number | undefined {
  const value = textOption(options, name);
  if (value === undefined) return undefined;
  const n = Number(value.trim().replaceAll(',', ''));
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliError(`--${name} "${value}" is not a number, e.g. --${name} ${example}`, 2);
  return n;
}
