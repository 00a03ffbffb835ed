import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { importSavingsFile } from '../../use-cases/import-savings.js';
import { savingContractsFrom, writeSavingsWorkbook, type SavingsExportFilters } from '../../excel/savings-workbook.js';
import { COUNCIL_DETAILS, COUNCIL_OPTION, documentIdentity } from '../document-identity.js';
import { summariseSaving } from '../../savings/compute-savings.js';
import type { RenegotiatedPrices } from '../../use-cases/record-decision.js';
import { SAVING_STATES, savingsFileJsonSchema, type SavingState } from '../../savings/saving.schema.js';
import type { SavingQuery } from '../../storage/savings-repository.js';
import { CliError, type CliCommand, type OptionValues } from '../command.js';
import { formatTable } from '../format-table.js';
import { isoDateOption } from '../as-of-option.js';
import { formatMoney } from '../../shared/format.js';

const filterOptions = {
  from: { type: 'string' },
  to: { type: 'string' },
  state: { type: 'string' },
} as const;

const filterHelp = [
  '  --from YYYY-MM-DD   savings whose term runs on or after this day',
  '  --to YYYY-MM-DD     savings whose term starts on or before this day',
  `  --state STATE       only savings in this state: ${SAVING_STATES.join(', ')}`,
];

export const savingsImport: CliCommand = {
  path: ['savings', 'import'],
  summary: 'Import savings from .json ({"savings": [...]}) or .xlsx; all or nothing',
  usage: 'savings import FILE [--dry-run]',
  details: [
    '  --dry-run   check the file and say what would change; write nothing',
    '',
    'Fields (JSON keys, or the first row of the sheet): contract, description, serviceArea,',
    'kind (renegotiation, re-procurement, decommissioning, consolidation, move-to-cloud),',
    'currentAnnual (the price paid now), baselineAnnual (the price otherwise paid), baselineSource,',
    'newAnnual, start (YYYY-MM-DD), termMonths, oneOffCosts (or implementationCost and exitCost),',
    'cashable, state (proposed, validated, signed-off), signedOffBy (who signed it off: required',
    'when the state is signed-off), id. Cashable = current − new when positive;',
    'cost avoidance = baseline − max(current, new). Without currentAnnual, the whole baseline − new',
    'is cashable or avoidance as cashable (true or false) says.',
  ].join('\n'),
  options: { 'dry-run': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, io, withStore, print }) {
    const path = resolve(io.cwd, positionals[0] ?? '');
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new CliError(`cannot read ${path} — check the path`);
    }
    const report = await withStore((store) =>
      importSavingsFile(store, { name: basename(path), bytes }, {
        actor: io.env.USER ?? 'cli',
        dryRun: options['dry-run'] === true,
        ...(io.now ? { at: io.now() } : {}),
      }),
    );
    if (report.problems.length > 0) {
      for (const problem of report.problems) io.stderr.write(`  ${problem.message}\n`);
      const n = report.problems.length;
      throw new CliError(`${n} problem${n === 1 ? '' : 's'} in ${basename(path)}; nothing was imported. Fix the file and run the import again.`);
    }
    const verb = report.dryRun ? 'would import' : 'imported';
    print(`${basename(path)}: ${verb} ${report.rows} saving${report.rows === 1 ? '' : 's'} (${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged)`);
    return 0;
  },
};

export const savingsList: CliCommand = {
  path: ['savings', 'list'],
  summary: 'List savings with their annual, whole-term and financial-year figures',
  usage: 'savings list [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--state STATE] [--contract REF] [--json]',
  details: [...filterHelp, '  --contract REF      only the savings of this contract', '  --json              print JSON: contract, annualSaving, cashableAnnual, avoidanceAnnual, totalSaving, byFinancialYear ("2024/25")'].join('\n'),
  options: { ...filterOptions, contract: { type: 'string' }, json: { type: 'boolean' } },
  async run({ options, withStore, print, printJson }) {
    const query: SavingQuery = {
      ...savingFilters(options),
      ...(typeof options.contract === 'string' ? { contract: options.contract } : {}),
    };
    const summaries = (await withStore((store) => store.savings.list(query))).map(summariseSaving);
    if (options.json) {
      printJson(summaries);
      return 0;
    }
    if (summaries.length === 0) {
      print('No savings recorded. Import them with: steward savings import FILE.json');
      return 0;
    }
    print(
      formatTable(
        ['Contract', 'Description', 'State', 'Start', 'End', 'Annual', 'Cashable', 'Avoidance', 'Whole term'],
        summaries.map((s) => [
          s.contract,
          s.description,
          s.state,
          s.start,
          s.end,
          formatMoney(s.annualSaving),
          formatMoney(s.cashableAnnual),
          formatMoney(s.avoidanceAnnual),
          formatMoney(s.totalSaving),
        ]),
      ),
    );
    const total = summaries.reduce((sum, s) => sum + Math.round(s.totalSaving * 100), 0) / 100;
    const one = summaries.length === 1;
    print(`${summaries.length} saving${one ? '' : 's'}, ${formatMoney(total)} over ${one ? 'its term' : 'their terms'}`);
    const byYear = new Map<string, number>();
    for (const s of summaries) {
      for (const [year, amount] of Object.entries(s.byFinancialYear)) byYear.set(year, (byYear.get(year) ?? 0) + Math.round(amount * 100));
    }
    const years = [...byYear.entries()].sort(([a], [b]) => a.localeCompare(b));
    print(`By financial year: ${years.map(([year, pence]) => `${year} ${formatMoney(pence / 100)}`).join(', ')}`);
    return 0;
  },
};

export const savingsExport: CliCommand = {
  path: ['savings', 'export'],
  summary: 'Export savings to an Excel workbook with live formulas, by financial year and service area',
  usage: 'savings export OUT.xlsx [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--state STATE]',
  details: [...filterHelp, COUNCIL_DETAILS].join('\n'),
  options: { ...filterOptions, ...COUNCIL_OPTION },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const { options, positionals, io, withStore, print } = input;
    const out = resolve(io.cwd, positionals[0] ?? '');
    if (!out.toLowerCase().endsWith('.xlsx')) throw new CliError(`name the workbook OUT.xlsx (got ${basename(out)})`, 2);
    const filters = savingFilters(options);
    const identity = await documentIdentity(input);
    const { savings, contracts } = await withStore(async (store) => {
      const savings = await store.savings.list(filters);
      return { savings, contracts: savingContractsFrom(await store.contracts.getMany([...new Set(savings.map((s) => s.contract))])) };
    });
    try {
      await writeSavingsWorkbook(savings, out, { exportedAt: io.now?.() ?? new Date(), filters, identity, contracts });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES') throw new CliError(`cannot write ${out} — check the folder exists and is writable`);
      throw error;
    }
    print(`Wrote ${savings.length} saving${savings.length === 1 ? '' : 's'} to ${out}`);
    return 0;
  },
};

export const savingsState: CliCommand = {
  path: ['savings', 'state'],
  summary: 'Move a saving to proposed, validated or signed-off, recording who and when',
  usage: 'savings state ID STATE [--by EMAIL]',
  details: ['  --by EMAIL   who validated or signed it off (default: $USER)', '', 'Find the ID with: steward savings list --json'].join('\n'),
  options: { by: { type: 'string' } },
  positionals: { min: 2, max: 2 },
  async run({ options, positionals, io, withStore, print }) {
    const [id = '', state = ''] = positionals;
    const actor = typeof options.by === 'string' ? options.by : (io.env.USER ?? 'cli');
    const saving = await withStore((store) =>
      store.savings.setState(id, stateOption(state), { actor, source: 'cli', ...(io.now ? { at: io.now() } : {}) }),
    );
    if (!saving) throw new CliError(`no saving with id "${id}". List them with: steward savings list --json`);
    print(`${saving.id} is now ${saving.state} (by ${actor})`);
    return 0;
  },
};

export const savingsSchema: CliCommand = {
  path: ['savings', 'schema'],
  summary: 'Print the JSON Schema of the savings import file',
  usage: 'savings schema',
  async run({ printJson }) {
    printJson(savingsFileJsonSchema());
    return 0;
  },
};

function savingFilters(options: OptionValues): SavingsExportFilters {
  return {
    ...(typeof options.from === 'string' ? { from: isoDateOption('--from', options.from) } : {}),
    ...(typeof options.to === 'string' ? { to: isoDateOption('--to', options.to) } : {}),
    ...(typeof options.state === 'string' ? { state: stateOption(options.state) } : {}),
  };
}

function stateOption(text: string): SavingState {
  const state = SAVING_STATES.find((s) => s === text.trim().toLowerCase());
  if (!state) throw new CliError(`"${text}" is not a saving state: use ${SAVING_STATES.join(', ')}`, 2);
  return state;
}

/** The options with which `steward decide REF renegotiated` also records the saving. */
export const RENEGOTIATION_OPTIONS = {
  baseline: { type: 'string' },
  new: { type: 'string' },
  term: { type: 'string' },
  start: { type: 'string' },
  'one-off': { type: 'string' },
  current: { type: 'string' },
} as const;

export const RENEGOTIATION_HELP = [
  '  --baseline N   with renegotiated: the annual price proposed (pounds); with --new and --term,',
  '                 records the saving (proposed, for finance to validate) and links it',
  '  --new N        the annual price agreed (pounds)',
  '  --term MONTHS  the renegotiated term, e.g. 36',
  '  --start DATE   first day at the new price (default: the day after the current end date,',
  '                 or the day of the decision if that day has passed)',
  '  --one-off N    one-off costs of the change (pounds)',
  '  --current N    the annual price paid now (pounds): current − new is cashable, the rest of',
  '                 baseline − new is cost avoidance; without it the whole saving is cashable',
].join('\n');

/**
 * The prices with which `decide REF renegotiated --baseline 160000 --new 100000 --term 36`
 * records its saving, or undefined when no saving was asked for. Half the options is a usage mistake.
 */
export function pricesFromDecideOptions(action: string, options: OptionValues): RenegotiatedPrices | undefined {
  const given = (['baseline', 'new', 'term'] as const).filter((name) => typeof options[name] === 'string');
  if (given.length === 0) return undefined;
  if (action !== 'renegotiated') throw new CliError('--baseline, --new and --term record a saving, so they go with renegotiated', 2);
  if (given.length < 3) {
    throw new CliError('to record the saving give all of --baseline, --new and --term, e.g. --baseline 160000 --new 100000 --term 36', 2);
  }
  const pounds = (name: string) => {
    const text = String(options[name]).replace(/[£,\s]/g, '');
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 0) throw new CliError(`--${name} "${String(options[name])}" is not an amount in pounds, e.g. --${name} 160000`, 2);
    return value;
  };
  const termText = String(options.term).trim();
  if (!/^\d+$/.test(termText) || Number(termText) < 1) throw new CliError(`--term "${termText}" is not a number of months, e.g. --term 36`, 2);
  return {
    baselineAnnual: pounds('baseline'),
    newAnnual: pounds('new'),
    termMonths: Number(termText),
    ...(typeof options.start === 'string' ? { start: isoDateOption('--start', options.start) } : {}),
    ...(typeof options['one-off'] === 'string' ? { oneOffCosts: pounds('one-off') } : {}),
    ...(typeof options.current === 'string' ? { currentAnnual: pounds('current') } : {}),
  };
}
