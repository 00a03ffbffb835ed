import { DECISION_ACTIONS, type DecisionAction, type DecisionRequest } from '../../renewals/decisions.js';
import { KEY_DATE_KINDS, type KeyDateKind } from '../../renewals/key-dates.js';
import { listRenewals } from '../../renewals/upcoming-renewals.js';
import { describeDate } from '../../shared/calendar.js';
import { CliError, type CliCommand, type OptionValues } from '../command.js';
import { asOfOption, daysOption, isoDateOption } from '../as-of-option.js';
import { KEY_DATE_LABELS } from '../../renewals/key-date-labels.js';
import { RENEWAL_SETTINGS_DETAILS, RENEWAL_SETTINGS_OPTIONS, renewalSettingsFrom } from '../renewal-settings-option.js';
import { recordDecision, type RecordDecisionProblem } from '../../use-cases/record-decision.js';
import { RENEGOTIATION_HELP, RENEGOTIATION_OPTIONS, pricesFromDecideOptions } from './savings.js';

export const decideCommand: CliCommand = {
  path: ['decide'],
  summary: 'Record a renewal decision: acknowledge, snooze, extend, reprocure, terminate, let-expire or renegotiated',
  usage: 'decide REF ACTION [--days N] [--kind KIND] [--end-date YYYY-MM-DD] [--saving ID | [--current N] --baseline N --new N --term MONTHS [--start YYYY-MM-DD] [--one-off N]] [--note TEXT] [--by EMAIL] [--as-of YYYY-MM-DD] [--governance-lead-times BANDS] [--json]',
  details: [
    'Actions:',
    '  acknowledge    the warnings have been seen (stops escalation)',
    '  snooze         no warnings for --days N days (1-365); --kind limits it to one kind of deadline',
    '  extend         take the next extension option: the end date moves',
    '  reprocure      re-procurement has started',
    '  terminate      notice to terminate has been given',
    '  let-expire     the contract will be left to end',
    '  renegotiated   terms agreed with the supplier; --end-date for a new end, --saving for the saving record',
    RENEGOTIATION_HELP,
    '',
    '  --note TEXT    why, for the audit trail',
    '  --by EMAIL     who decided (default: $USER)',
    '  --as-of DATE   the day of the decision (default: today in Europe/London)',
    '  --json         print the decision and the next key date as JSON',
    RENEWAL_SETTINGS_DETAILS,
  ].join('\n'),
  options: {
    days: { type: 'string' },
    kind: { type: 'string' },
    'end-date': { type: 'string' },
    saving: { type: 'string' },
    note: { type: 'string' },
    by: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
    ...RENEGOTIATION_OPTIONS,
    ...RENEWAL_SETTINGS_OPTIONS,
  },
  positionals: { min: 2, max: 2 },
  async run({ options, positionals, io, withStore, print, printJson }) {
    const [reference = '', actionText = ''] = positionals;
    const request = decisionRequest(actionText, options);
    const today = asOfOption(options['as-of'], io.now);
    const settings = renewalSettingsFrom(options, io.env);
    const by = typeof options.by === 'string' ? options.by : (io.env.USER ?? 'cli');
    const prices = pricesFromDecideOptions(request.action, options);
    const at = io.now?.() ?? new Date();
    const { record, next, saving } = await withStore(async (store) => {
      const recorded = await recordDecision(store, { reference, request, ...(prices ? { prices } : {}), today, by: { actor: by, source: 'cli', at }, settings });
      if (!recorded.success) {
        // A saving the figures cannot make is a usage mistake (exit 2), as before it reached the store.
        const usage = recorded.problems.some((p) => p.code === 'invalid-saving');
        throw new CliError(recorded.problems.map((p) => cliMessage(p, reference, request)).join(' '), usage ? 2 : 1);
      }
      const { outcome } = recorded.value;
      const decisions = await store.renewals.listDecisions(reference);
      return { record: recorded.value.record, saving: recorded.value.saving, next: listRenewals([outcome.contract], decisions, today, { settings }).find((r) => !r.overdue) };
    });
    if (options.json) {
      printJson({ decision: record, next: next ? { kind: next.kind, date: next.date, daysLeft: next.daysLeft, rule: next.rule } : null });
      return 0;
    }
    print(record.summary);
    if (saving) print(`Saving ${saving.id} recorded as proposed: see it with steward savings list --contract ${saving.contract}`);
    print(next ? `Next: ${KEY_DATE_LABELS[next.kind].toLowerCase()} on ${describeDate(next.date)} (${next.daysLeft} days).` : 'Nothing more is due for this contract.');
    return 0;
  },
};

function decisionRequest(actionText: string, options: OptionValues): DecisionRequest {
  const action = actionText.trim().toLowerCase() as DecisionAction;
  if (!DECISION_ACTIONS.includes(action)) {
    throw new CliError(`"${actionText}" is not a decision. Use one of: ${DECISION_ACTIONS.join(', ')}.`, 2);
  }
  const note = typeof options.note === 'string' && options.note.trim() ? { note: options.note.trim() } : {};
  // Only a renegotiation sets a new end; ignoring the option elsewhere would record a decision the person did not mean.
  if (typeof options['end-date'] === 'string' && action !== 'renegotiated') {
    throw new CliError(`--end-date goes with renegotiated only: ${action} does not set a new end date (extend takes the contract's next option). Nothing was recorded.`, 2);
  }
  switch (action) {
    case 'snooze': {
      if (typeof options.days !== 'string') throw new CliError('snooze needs --days N, e.g. steward decide CON-0042 snooze --days 7', 2);
      const kind = typeof options.kind === 'string' ? kindOption(options.kind) : undefined;
      return { action, days: daysOption('--days', options.days, { min: 1, max: 365 }), ...(kind ? { kind } : {}), ...note };
    }
    case 'renegotiated':
      return {
        action,
        ...(typeof options['end-date'] === 'string' ? { newEndDate: isoDateOption('--end-date', options['end-date']) } : {}),
        ...(typeof options.saving === 'string' ? { savingId: options.saving } : {}),
        ...note,
      };
    default:
      return { action, ...note };
  }
}

/** The CLI's words for a problem: what to do next, with the command to run. */
function cliMessage(problem: RecordDecisionProblem, reference: string, request: DecisionRequest): string {
  switch (problem.code) {
    case 'contract-not-found':
      return `No contract with reference "${reference}". List them with: steward contracts list`;
    case 'invalid-saving':
      return `cannot record the saving: ${problem.message}`;
    case 'modification-not-permitted': {
      const newEndDate = request.action === 'renegotiated' ? request.newEndDate : undefined;
      return `${problem.message} Check it with: steward modify ${reference} --value-change AMOUNT --new-end-date ${newEndDate ?? 'YYYY-MM-DD'} --dry-run`;
    }
    default:
      return problem.message;
  }
}

function kindOption(text: string): KeyDateKind {
  const kind = text.trim().toLowerCase() as KeyDateKind;
  if (!KEY_DATE_KINDS.includes(kind)) throw new CliError(`--kind "${text}" is not a kind of deadline. Use one of: ${KEY_DATE_KINDS.join(', ')}.`, 2);
  return kind;
}
