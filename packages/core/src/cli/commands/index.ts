import type { CliCommand } from '../command.js';
import { contractsList, contractsShow } from './contracts.js';

/** Every `steward` subcommand, in the order `steward --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [contractsList, contractsShow];
