import type { CliCommand } from '../command.js';
import { contractsList, contractsShow } from './contracts.js';
import { exportRegister, exportTransparency } from './export.js';
import { importCommand } from './import.js';
import { templateCommand } from './template.js';

/** Every `steward` subcommand, in the order `steward --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [contractsList, contractsShow, importCommand, exportRegister, exportTransparency, templateCommand];
