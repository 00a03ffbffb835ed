import { KEY_DATE_LABELS } from '../../renewals/key-date-labels.js';
import type { RenewalFlagger, RenewalRow } from '../../renewals/upcoming-renewals.js';
import { listRenewalsFromStore } from '../../storage/list-renewals-from-store.js';
import type { CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';
import { asOfOption, daysOption } from '../as-of-option.js';
import { flagMissingAppendixM } from '../../tenders/missing-clauses.js';
import { RENEWAL_SETTINGS_DETAILS, RENEWAL_SETTINGS_OPTIONS, renewalSettingsFrom } from '../renewal-settings-option.js';

/**
 * Checks that add remarks to each contract's rows (shown in the Notes column and in `flags` in
 * JSON). Add one here to flag, say, contracts whose terms lack the Appendix M data clauses.
 */
export const RENEWAL_FLAGGERS: readonly RenewalFlagger[] = [flagMissingAppendixM];

export const renewalsCommand: CliCommand = {
  path: ['renewals'],
  summary: 'List upcoming renewal key dates (notice, re-procurement, extension, renewal, end), soonest first',
  usage: 'renewals [--as-of YYYY-MM-DD] [--within DAYS] [--owner EMAIL] [--governance-lead-times BANDS] [--json]',
  details: [
    '  --as-of DATE    the day to count from (default: today in Europe/London)',
    '  --within DAYS   only dates at most this many days ahead (overdue ones are always shown)',
    '  --owner EMAIL   only contracts this person owns',
    '  --json          print JSON: reference, kind, date, daysLeft, rule (how the date was worked out), ...',
    RENEWAL_SETTINGS_DETAILS,
  ].join('\n'),
  options: {
    'as-of': { type: 'string' },
    within: { type: 'string' },
    owner: { type: 'string' },
    json: { type: 'boolean' },
    ...RENEWAL_SETTINGS_OPTIONS,
  },
  async run({ options, io, withStore, print, printJson }) {
    const today = asOfOption(options['as-of'], io.now);
    const settings = renewalSettingsFrom(options, io.env);
    const within = typeof options.within === 'string' ? daysOption('--within', options.within, { min: 0, max: 36_500 }) : undefined;
    const { rows } = await withStore((store) =>
      listRenewalsFromStore(store, today, {
        settings,
        flaggers: RENEWAL_FLAGGERS,
        ...(within === undefined ? {} : { within }),
        ...(typeof options.owner === 'string' ? { ownerEmail: options.owner } : {}),
      }),
    );
    if (options.json) {
      printJson(rows.map(renewalJson));
      return 0;
    }
    if (rows.length === 0) {
      print(`No renewal dates${within === undefined ? '' : ` in the next ${within} days`} from ${today}.`);
      return 0;
    }
    print(
      formatTable(
        ['Date', 'Days left', 'What', 'Reference', 'Title', 'Owner', 'Notes'],
        rows.map((r) => [
          r.date,
          r.overdue ? `${-r.daysLeft} overdue` : String(r.daysLeft),
          KEY_DATE_LABELS[r.kind],
          r.reference,
          r.title,
          r.ownerEmail ?? '',
          r.flags.map((f) => f.message).join('; '),
        ]),
        60,
      ),
    );
    print(`${rows.length} key date${rows.length === 1 ? '' : 's'} as of ${today}. Add --json to see how each date was worked out.`);
    return 0;
  },
};

/** One row as JSON; `flags` carries remarks other modules add (see RenewalFlagger). */
function renewalJson(row: RenewalRow) {
  return {
    reference: row.reference,
    title: row.title,
    kind: row.kind,
    date: row.date,
    daysLeft: row.daysLeft,
    overdue: row.overdue,
    ...(row.ownerEmail ? { owner: row.ownerEmail } : {}),
    rule: row.rule,
    ...(row.assumed ? { assumed: true } : {}),
    flags: row.flags,
  };
}
