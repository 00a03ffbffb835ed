import { DEFAULT_USAGE_ITEM, USAGE_COLUMNS } from '../../performance/convert-usage-rows.js';
import { UsageSchema } from '../../performance/kpi.schema.js';
import { computeUtilisation } from '../../performance/utilisation.js';
import { parseMoneyCell } from '../../register/import/parse-money-cell.js';
import { problemsFromZod } from '../../shared/problem.js';
import { importUsage } from '../../use-cases/import-usage.js';
import { CliError, type CliCommand } from '../command.js';
import { spreadsheetImportCommand } from '../spreadsheet-import-command.js';
import { numberOption, requireOptions, textOption } from '../text-options.js';
import { formatTable } from '../format-table.js';

export const usageAdd: CliCommand = {
  path: ['usage', 'add'],
  summary: 'Record the licences or units of a contract paid for and used in a period',
  usage: 'usage add REF --period-start YYYY-MM-DD --period-end YYYY-MM-DD --paid N --used N [--item ITEM] [--annual-cost AMOUNT]',
  details: [
    `  --item ITEM            what is counted: licences, seats, forms (default ${DEFAULT_USAGE_ITEM})`,
    '  --paid N               how many were paid for in the period',
    '  --used N               how many were used',
    '  --annual-cost AMOUNT   what the paid-for units cost a year, e.g. 160000 or £160k (default: the contract’s annual value)',
    '',
    'The same contract, item and period start again replaces the figures.',
  ].join('\n'),
  options: {
    'period-start': { type: 'string' },
    'period-end': { type: 'string' },
    paid: { type: 'string' },
    used: { type: 'string' },
    item: { type: 'string' },
    'annual-cost': { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, io, withStore, print }) {
    const reference = positionals[0] ?? '';
    const text = (name: string) => textOption(options, name);
    requireOptions(options, ['period-start', 'period-end', 'paid', 'used'], 'usage add');
    const count = (name: string) => numberOption(options, name, 120);
    const costText = text('annual-cost');
    const cost = costText === undefined ? undefined : parseMoneyCell(costText);
    if (cost && (!cost.ok || cost.value === undefined)) throw new CliError(`--annual-cost "${costText}" is not a sum of money, e.g. --annual-cost 160000`, 2);
    const parsed = UsageSchema.safeParse({
      contract: reference,
      item: text('item') ?? DEFAULT_USAGE_ITEM,
      periodStart: text('period-start'),
      periodEnd: text('period-end'),
      paidFor: count('paid'),
      used: count('used'),
      ...(cost?.ok && cost.value !== undefined ? { annualCost: cost.value } : {}),
    });
    if (!parsed.success) {
      const problems = problemsFromZod(parsed.error.issues).map((p) => p.message);
      throw new CliError(`the usage is not valid: ${problems.join('; ')}. Run steward usage add --help for the options.`, 2);
    }
    const usage = parsed.data;
    const { outcome, annual } = await withStore(async (store) => {
      const contract = await store.contracts.get(reference);
      if (!contract) throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
      const written = await store.performance.upsertUsage(usage, { actor: io.env.USER ?? 'cli', source: 'cli', ...(io.now ? { at: io.now() } : {}) });
      return { outcome: written, annual: contract.value.annual };
    });
    print(`${reference}: usage of ${usage.item} from ${usage.periodStart} ${outcome === 'created' ? 'added' : outcome}`);
    print(`  ${computeUtilisation(usage, annual === undefined ? {} : { annualCost: annual }).rule}`);
    return 0;
  },
};

export const usageList: CliCommand = {
  path: ['usage', 'list'],
  summary: 'List the usage recorded for a contract, with its utilisation',
  usage: 'usage list REF [--json]',
  details: '  --json   print the usage records: [{contract, item, periodStart, periodEnd, paidFor, used, annualCost?}]',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, withStore, print, printJson }) {
    const reference = positionals[0] ?? '';
    const { usage, annual } = await withStore(async (store) => {
      const contract = await store.contracts.get(reference);
      if (!contract) throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
      return { usage: await store.performance.listUsage(reference), annual: contract.value.annual };
    });
    if (options.json) {
      printJson(usage);
      return 0;
    }
    if (usage.length === 0) {
      print(`${reference} has no usage recorded. Add it with: steward usage add ${reference} --period-start YYYY-MM-DD --period-end YYYY-MM-DD --paid N --used N`);
      return 0;
    }
    const rows = usage.map((u) => {
      const utilisation = computeUtilisation(u, annual === undefined ? {} : { annualCost: annual });
      return [u.item, `${u.periodStart} to ${u.periodEnd}`, String(u.paidFor), String(u.used), `${Math.round(utilisation.share * 1000) / 10}%`, utilisation.reviewBeforeRenewing ? 'review before renewing' : ''];
    });
    print(formatTable(['Item', 'Period', 'Paid for', 'Used', 'Utilisation', ''], rows));
    return 0;
  },
};

export const usageRecord: CliCommand = spreadsheetImportCommand({
  path: ['usage', 'record'],
  summary: 'Record usage from .xlsx or .csv; all or nothing',
  columns: [
    `One row per contract, item and period, under the header: ${USAGE_COLUMNS.join(', ')}.`,
    `Item (default ${DEFAULT_USAGE_ITEM}) and Annual cost may be left out. Dates as 31/03/2026 or 2026-03-31.`,
  ],
  import: importUsage,
  refused: 'no usage was recorded',
  counted: (rows) => `${rows} usage row${rows === 1 ? '' : 's'}`,
});
