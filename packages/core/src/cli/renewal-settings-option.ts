import { GOVERNANCE_BANDS_FORMAT, parseGovernanceBands, renewalSettings, type RenewalSettings } from '../renewals/renewal-settings.js';
import { CliError, type CliIo, type OptionValues } from './command.js';

/** The options every command that works out key dates takes. */
export const RENEWAL_SETTINGS_OPTIONS = {
  'governance-lead-times': { type: 'string' },
} as const;

export const RENEWAL_SETTINGS_DETAILS =
  '  --governance-lead-times BANDS  days of approval by contract value, e.g. 100000:0,500000:42,70 (default; or GOVERNANCE_LEAD_TIMES, as the bot reads it)';

/**
 * The council's renewal rules for a command: the defaults, with the governance bands from
 * `--governance-lead-times`, else from GOVERNANCE_LEAD_TIMES, the variable the bot reads, so
 * the CLI and the bot work out the same dates from one environment.
 */
export function renewalSettingsFrom(options: OptionValues, env: CliIo['env']): RenewalSettings {
  const option = options['governance-lead-times'];
  const [name, text] = typeof option === 'string' ? ['--governance-lead-times', option] : ['GOVERNANCE_LEAD_TIMES', env.GOVERNANCE_LEAD_TIMES];
  if (text === undefined || text === '') return renewalSettings();
  const governanceBands = parseGovernanceBands(text);
  if (governanceBands === undefined) throw new CliError(`${name} "${text}" is not governance lead times: give ${GOVERNANCE_BANDS_FORMAT}`, 2);
  return renewalSettings({ governanceBands });
}
