import { ReviewMeetingSchema, type ReviewMeeting } from '../../performance/kpi.schema.js';
import { nextReview, overdueReviewActions } from '../../performance/review-schedule.js';
import { problemsFromZod } from '../../shared/problem.js';
import { asOfOption } from '../as-of-option.js';
import { CliError, type CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';
import { isoDateOption } from '../as-of-option.js';

export const reviewsList: CliCommand = {
  path: ['reviews', 'list'],
  summary: 'List review meetings, the next review due and overdue actions',
  usage: 'reviews list [REF] [--as-of YYYY-MM-DD] [--json]',
  details: ['  --as-of YYYY-MM-DD   the day actions are overdue from (default: today in London)', '  --json               print JSON: {meetings, next, overdueActions}'].join('\n'),
  options: { 'as-of': { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 1 },
  async run({ options, positionals, io, withStore, print, printJson }) {
    const reference = positionals[0];
    const today = asOfOption(options['as-of'], io.now);
    const { meetings, next } = await withStore(async (store) => {
      const contract = reference === undefined ? undefined : await store.contracts.get(reference);
      if (reference !== undefined && !contract) throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
      const meetings = await store.performance.listReviews(reference);
      return { meetings, next: contract ? nextReview(contract, meetings) : undefined };
    });
    const overdueActions = overdueReviewActions(meetings, today);
    if (options.json) {
      printJson({ meetings, next: next ?? null, overdueActions });
      return 0;
    }
    if (meetings.length === 0) print(`No review meetings recorded. Add one with: steward reviews add REF --date YYYY-MM-DD`);
    else {
      print(
        formatTable(
          ['Id', 'Contract', 'Date', 'Held', 'Attendees', 'Open actions'],
          meetings.map((m) => [m.id, m.contract, m.date, m.held ? 'yes' : 'scheduled', String(m.attendees.length), String(m.actions.filter((a) => !a.done).length)]),
        ),
      );
    }
    if (next) print(`Next review: ${next.date}. ${next.rule}`);
    for (const action of overdueActions) print(`Overdue: ${action.deadline.rule}`);
    return 0;
  },
};

export const reviewsAdd: CliCommand = {
  path: ['reviews', 'add'],
  summary: 'Schedule or record a contract review meeting, with attendees and actions',
  usage: 'reviews add REF --date YYYY-MM-DD [--held] [--attendee NAME]... [--action "WHAT|OWNER|YYYY-MM-DD"]... [--notes TEXT]',
  details: [
    '  --held                the meeting has taken place (default: scheduled)',
    '  --attendee NAME       who attended; repeat for each person',
    '  --action "WHAT|OWNER|DUE"   an action agreed, who owns it and when it is due; repeat for each',
  ].join('\n'),
  options: { date: { type: 'string' }, held: { type: 'boolean' }, attendee: { type: 'string', multiple: true }, action: { type: 'string', multiple: true }, notes: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, io, withStore, print }) {
    const reference = positionals[0] ?? '';
    if (typeof options.date !== 'string') throw new CliError('give the meeting --date YYYY-MM-DD', 2);
    const date = isoDateOption('--date', options.date);
    const actions = (Array.isArray(options.action) ? options.action : []).map((text) => {
      const [description = '', owner = '', due = ''] = String(text).split('|').map((part) => part.trim());
      if (!description || !owner || !due) throw new CliError(`--action "${String(text)}" needs three parts: "WHAT|OWNER|YYYY-MM-DD"`, 2);
      return { description, owner, due: isoDateOption('--action due date', due) };
    });
    const parsed = ReviewMeetingSchema.safeParse({
      id: `${reference}/${date}`,
      contract: reference,
      date,
      held: options.held === true,
      attendees: Array.isArray(options.attendee) ? options.attendee.map(String) : [],
      actions,
      ...(typeof options.notes === 'string' ? { notes: options.notes } : {}),
    });
    if (!parsed.success) throw new CliError(`the meeting is not valid: ${problemsFromZod(parsed.error.issues).map((p) => p.message).join('; ')}`, 2);
    const outcome = await withStore(async (store) => {
      if (!(await store.contracts.get(reference))) throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
      return store.performance.upsertReview(parsed.data, { actor: io.env.USER ?? 'cli', source: 'cli', ...(io.now ? { at: io.now() } : {}) });
    });
    print(`${parsed.data.id}: review ${parsed.data.held ? 'recorded' : 'scheduled'} (${outcome})`);
    return 0;
  },
};

export const reviewsDone: CliCommand = {
  path: ['reviews', 'done'],
  summary: 'Record that a scheduled review took place, or that its actions are done',
  usage: 'reviews done ID [--action N]...',
  details: ['  --action N   mark the Nth action (1, 2 …) of the meeting done instead; repeat for each', '', 'Find the ID with: steward reviews list REF'].join('\n'),
  options: { action: { type: 'string', multiple: true } },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, io, withStore, print }) {
    const id = positionals[0] ?? '';
    const numbers = (Array.isArray(options.action) ? options.action : []).map((text) => {
      const n = Number(String(text));
      if (!Number.isInteger(n) || n < 1) throw new CliError(`--action "${String(text)}" is not an action number: give 1 for the first action`, 2);
      return n;
    });
    const updated = await withStore((store) =>
      store.transaction(async (tx) => {
        const meeting = await tx.performance.getReview(id);
        if (!meeting) throw new CliError(`No review meeting "${id}". List them with: steward reviews list REF`);
        for (const n of numbers) {
          if (n > meeting.actions.length) throw new CliError(`${id} has ${meeting.actions.length} action${meeting.actions.length === 1 ? '' : 's'}, not ${n}`, 2);
        }
        const next: ReviewMeeting =
          numbers.length === 0 ? { ...meeting, held: true } : { ...meeting, actions: meeting.actions.map((a, i) => (numbers.includes(i + 1) ? { ...a, done: true } : a)) };
        await tx.performance.upsertReview(next, { actor: io.env.USER ?? 'cli', source: 'cli', ...(io.now ? { at: io.now() } : {}) });
        return next;
      }),
    );
    print(numbers.length === 0 ? `${updated.id}: held` : `${updated.id}: action${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')} done`);
    return 0;
  },
};
