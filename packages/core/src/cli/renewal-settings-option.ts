import { DUTY_THRESHOLDS_FORMAT, GOVERNANCE_BANDS_FORMAT, parseDutyThresholds, parseGovernanceBands, renewalSettings, type RenewalSettings } from '../renewals/renewal-settings.js';
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
  const governanceBands = text === undefined || text === '' ? undefined : parseGovernanceBands(text);
  if (text !== undefined && text !== '' && governanceBands === undefined) throw new CliError(`${name} "${text}" is not governance lead times: give ${GOVERNANCE_BANDS_FORMAT}`, 2);
  // The same variable as the bot, so `steward warnings` shows what the bot will send.
  const dutyText = env.DUTY_WARNING_THRESHOLDS;
  const dutyThresholds = dutyText === undefined || dutyText === '' ? undefined : parseDutyThresholds(dutyText);
  if (dutyText !== undefined && dutyText !== '' && dutyThresholds === undefined) throw new CliError(`DUTY_WARNING_THRESHOLDS "${dutyText}" is not duty warning days: give ${DUTY_THRESHOLDS_FORMAT}`, 2);
  return renewalSettings({ ...(governanceBands ? { governanceBands } : {}), ...(dutyThresholds ? { dutyThresholds } : {}) });
}
