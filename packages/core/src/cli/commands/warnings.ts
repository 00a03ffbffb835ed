import { DUTY_KIND_WORDS } from '../../renewals/renewal-settings.js';
import { isDutyKind } from '../../renewals/warnings.js';
import { warningsDueOn } from '../../use-cases/run-warnings.js';
import type { CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';
import { asOfOption } from '../as-of-option.js';
import { KEY_DATE_LABELS } from '../../renewals/key-date-labels.js';
import { RENEWAL_SETTINGS_DETAILS, RENEWAL_SETTINGS_OPTIONS, renewalSettingsFrom } from '../renewal-settings-option.js';

export const warningsCommand: CliCommand = {
  path: ['warnings'],
  summary: 'Show which renewal, statutory and performance warnings are due and to whom, without sending them',
  usage: 'warnings [--as-of YYYY-MM-DD] [--governance-lead-times BANDS] [--json]',
  details: [
    '  --as-of DATE   the day to check (default: today in Europe/London)',
    '  --json         print the warnings as JSON, each with its key, recipient and rule',
    RENEWAL_SETTINGS_DETAILS,
    '',
    'The bot sends these; this command only looks. A warning already in the ledger is not shown again.',
    'Besides renewal key dates: statutory notices not yet published (steward obligations), KPI results',
    'not recorded, the next review meeting and overdue review actions (DUTY_WARNING_THRESHOLDS sets their days).',
  ].join('\n'),
  options: {
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
    ...RENEWAL_SETTINGS_OPTIONS,
  },
  async run({ options, io, withStore, print, printJson }) {
    const today = asOfOption(options['as-of'], io.now);
    const settings = renewalSettingsFrom(options, io.env);
    const warnings = await withStore((store) => warningsDueOn(store, today, settings));
    if (options.json) {
      printJson(warnings);
      return 0;
    }
    if (warnings.length === 0) {
      print(`No warnings due on ${today}.`);
      return 0;
    }
    print(
      formatTable(
        ['Deadline', 'Days left', 'What', 'Reference', 'Warning', 'To'],
        warnings.map((w) => [
          w.deadline,
          String(w.daysLeft),
          isDutyKind(w.kind) ? DUTY_KIND_WORDS[w.kind] : KEY_DATE_LABELS[w.kind],
          w.reference,
          `${w.overdue ? 'overdue' : `${w.threshold}-day`}${w.escalation ? ', escalated' : ''}`,
          w.recipient?.email ?? w.recipient?.name ?? '(nobody recorded: procurement channel)',
        ]),
      ),
    );
    print(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} due on ${today}.`);
    return 0;
  },
};
