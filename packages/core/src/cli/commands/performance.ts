import { COUNCIL_DETAILS, COUNCIL_OPTION, documentIdentity } from '../document-identity.js';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderPerformanceTemplate } from '../../excel/performance-template.js';
import { renderPerformanceWorkbook, type PerformanceWorkbookContract } from '../../excel/performance-workbook.js';
import { DEFAULT_COMPLIANCE_GOAL } from '../../performance/compliance.js';
import type { Kpi, Usage } from '../../performance/kpi.schema.js';
import { summarisePerformance, type ContractPerformance } from '../../performance/summarise-performance.js';
import { DEFAULT_UTILISATION_FLOOR } from '../../performance/utilisation.js';
import { decideKpisRequired } from '../../performance/kpis-required.js';
import { draftUk9 } from '../../performance/uk9-draft.js';
import { IsoDateSchema } from '../../shared/iso-date.js';
import type { Contract } from '../../register/contract.schema.js';
import type { Store } from '../../storage/store.js';
import { addDays, addDuration } from '../../shared/calendar.js';
import { CliError, type CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';

export const performanceCommand: CliCommand = {
  path: ['performance'],
  summary: 'Rate KPI results, and show compliance and utilisation, per contract',
  usage: 'performance [REF] [--period YYYY-MM] [--json]',
  details: [
    '  --period YYYY-MM   results and usage whose period overlaps this month (default: each KPI’s latest result)',
    '  --json             print JSON: per contract {reference, period, compliance, ratings: [{kpi, value, target, rating, rule}], utilisation}',
  ].join('\n'),
  options: { period: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 1 },
  async run({ options, positionals, withStore, print, printJson }) {
    const reference = positionals[0];
    const period = typeof options.period === 'string' ? monthOption(options.period) : undefined;
    const summaries = (await withStore((store) => loadPerformance(store, reference, period))).map((loaded) => loaded.summary);
    if (options.json) {
      printJson(summaries);
      return 0;
    }
    if (summaries.length === 0 || summaries.every((s) => s.ratings.length === 0 && s.utilisation.length === 0)) {
      print('No KPI results recorded. Add KPIs with steward kpis add REF, then record results with: steward kpis record FILE.csv');
      return 0;
    }
    for (const s of summaries) {
      print(`${s.reference}${s.period ? ` (${s.period.start} to ${s.period.end})` : ''}`);
      if (s.ratings.length > 0) {
        print(formatTable(['KPI', 'Period', 'Value', 'Target', 'Rating'], s.ratings.map((r) => [r.kpi, `${r.periodStart} to ${r.periodEnd}`, r.value === null ? 'not measured' : String(r.value), r.target, r.rating])));
      }
      print(`  ${s.complianceRule}`);
      for (const u of s.utilisation) print(`  ${u.reviewBeforeRenewing ? 'Review usage before renewing: ' : 'Usage: '}${u.rule}`);
    }
    return 0;
  },
};

/** A contract, its KPIs and usage, and its performance summarised as `steward performance` shows it. */
interface LoadedPerformance {
  readonly contract: Contract;
  readonly kpis: readonly Kpi[];
  readonly usage: readonly Usage[];
  readonly summary: ContractPerformance;
}

/** Every contract with KPIs (or the one asked for), summarised for the period: shared by the table, JSON and workbook. */
async function loadPerformance(store: Store, reference: string | undefined, period: { start: string; end: string } | undefined): Promise<LoadedPerformance[]> {
  const kpis = await store.performance.listKpis(reference);
  const references = reference !== undefined ? [reference] : [...new Set(kpis.map((k) => k.contract))];
  const out: LoadedPerformance[] = [];
  for (const ref of references) {
    const contract = await store.contracts.get(ref);
    if (!contract) {
      if (reference !== undefined) throw new CliError(`No contract with reference "${ref}". List them with: steward contracts list`);
      continue;
    }
    const mine = kpis.filter((k) => k.contract === ref);
    const results = await store.performance.listResults({ contract: ref, ...(period ? { from: period.start, to: period.end } : {}) });
    const usage = await store.performance.listUsage(ref);
    out.push({ contract, kpis: mine, usage, summary: summarisePerformance(contract, mine, results, usage, period ? { period } : {}) });
  }
  return out;
}

/** `2026-05` → the first and last day of May 2026. */
function monthOption(value: string): { start: string; end: string } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value.trim());
  if (!match) throw new CliError(`--period "${value}" is not a month: write it as YYYY-MM, e.g. --period 2026-03`, 2);
  const start = `${match[1]}-${match[2]}-01`;
  return { start, end: addDays(addDuration(start, { amount: 1, unit: 'months' }), -1) };
}

export const performanceExport: CliCommand = {
  path: ['performance', 'export'],
  summary: 'Write the contract performance workbook (.xlsx): ratings as live formulas, compliance, usage',
  usage: 'performance export OUT.xlsx [--period YYYY-MM]',
  details: [
    '  --period YYYY-MM   results and usage whose period overlaps this month (default: each KPI’s latest result)',
    '',
    'Sheets: Results (one row per contract, KPI and period; the rating is a formula), Compliance',
    '(COUNTIFS of results rated Good against the 80% goal), Usage, and How to read.',
    COUNCIL_DETAILS,
  ].join('\n'),
  options: { period: { type: 'string' }, ...COUNCIL_OPTION },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const { options, positionals, io, withStore, print } = input;
    const out = resolve(io.cwd, positionals[0] ?? '');
    if (!out.toLowerCase().endsWith('.xlsx')) throw new CliError(`${positionals[0] ?? ''} does not end in .xlsx — name the workbook like performance.xlsx`, 2);
    const period = typeof options.period === 'string' ? monthOption(options.period) : undefined;
    const loaded = await withStore((store) => loadPerformance(store, undefined, period));
    const contracts: PerformanceWorkbookContract[] = loaded.map(({ contract, kpis, usage, summary }) => {
      const byName = new Map(kpis.map((k) => [k.name.trim().toLowerCase(), k]));
      return {
        reference: contract.reference,
        title: contract.title,
        results: summary.ratings.flatMap((r) => {
          const kpi = byName.get(r.kpi.trim().toLowerCase());
          return kpi ? [{ kpi, periodStart: r.periodStart, periodEnd: r.periodEnd, value: r.value, rating: r.rating, rule: r.rule }] : [];
        }),
        usage: summary.utilisation.map((u) => {
          const stored = usage.find((x) => x.item === u.item && x.periodStart === u.periodStart);
          const annualCost = stored?.annualCost ?? contract.value.annual;
          return { item: u.item, periodStart: u.periodStart, periodEnd: u.periodEnd, paidFor: u.paidFor, used: u.used, ...(annualCost === undefined ? {} : { annualCost }) };
        }),
      };
    });
    const bytes = await renderPerformanceWorkbook({
      contracts,
      period: period ?? null,
      exportedAt: io.now?.() ?? new Date(),
      complianceGoal: DEFAULT_COMPLIANCE_GOAL,
      utilisationFloor: DEFAULT_UTILISATION_FLOOR,
      identity: await documentIdentity(input),
    });
    await writeFile(out, bytes);
    const results = contracts.reduce((n, c) => n + c.results.length, 0);
    print(`Performance workbook written to ${out}: ${contracts.length} contract${contracts.length === 1 ? '' : 's'}, ${results} result${results === 1 ? '' : 's'}.`);
    if (contracts.length === 0) print('No contract has KPIs yet. Add them with: steward kpis add REF, and record results with: steward kpis record FILE');
    return 0;
  },
};

export const performanceTemplate: CliCommand = {
  path: ['performance', 'template'],
  summary: 'Write a blank KPI results workbook to fill in and record with steward kpis record',
  usage: 'performance template OUT.xlsx',
  details: COUNCIL_DETAILS,
  options: COUNCIL_OPTION,
  positionals: { min: 1, max: 1 },
  async run(input) {
    const { positionals, io, withStore, print } = input;
    const out = resolve(io.cwd, positionals[0] ?? '');
    if (!out.toLowerCase().endsWith('.xlsx')) throw new CliError(`${positionals[0] ?? ''} does not end in .xlsx — name the workbook like results.xlsx`, 2);
    const kpis = await withStore((store) => store.performance.listKpis());
    await writeFile(out, await renderPerformanceTemplate({ kpis, identity: await documentIdentity(input) }));
    print(`Template written to ${out}. Fill in the Results sheet (see How to fill in), then: steward kpis record ${positionals[0] ?? 'FILE'} --dry-run`);
    return 0;
  },
};

export const performanceUk9: CliCommand = {
  path: ['performance', 'uk9'],
  summary: 'Draft the contract performance notice (UK9) of a contract for a period',
  usage: 'performance uk9 REF --period-start YYYY-MM-DD --period-end YYYY-MM-DD [--json | --markdown OUT.md]',
  details: [
    '  --json            print the draft as JSON',
    '  --markdown OUT.md write the draft as Markdown to a file (default: print it)',
    '',
    'Rates each KPI marked --published (s.52) from the period’s results. A notice is due only',
    'where Procurement Act 2023 s.52 requires KPIs: for now, a contract worth more than £5m',
    'that started on or after 24 February 2025.',
  ].join('\n'),
  options: { 'period-start': { type: 'string' }, 'period-end': { type: 'string' }, json: { type: 'boolean' }, markdown: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, io, withStore, print, printJson }) {
    const reference = positionals[0] ?? '';
    const day = (name: string) => {
      const value = options[name];
      if (typeof value !== 'string') throw new CliError(`give --${name} YYYY-MM-DD. Run steward performance uk9 --help for the options.`, 2);
      const parsed = IsoDateSchema.safeParse(value.trim());
      if (!parsed.success) throw new CliError(`--${name} "${value}" is not a date: write it as YYYY-MM-DD, e.g. --${name} 2026-03-31`, 2);
      return parsed.data;
    };
    const period = { start: day('period-start'), end: day('period-end') };
    if (period.end < period.start) throw new CliError(`the period ends (${period.end}) before it starts (${period.start}) — swap --period-start and --period-end`, 2);
    if (options.json === true && typeof options.markdown === 'string') throw new CliError('give --json or --markdown, not both', 2);
    const { contract, kpis, results } = await withStore(async (store) => {
      const found = await store.contracts.get(reference);
      if (!found) throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
      return {
        contract: found,
        kpis: await store.performance.listKpis(reference),
        results: await store.performance.listResults({ contract: reference, from: period.start, to: period.end }),
      };
    });
    const required = decideKpisRequired(contract);
    const draft = draftUk9({ contract, kpis, results, period, kpisRequired: required.required });
    if (!draft.success) {
      const why = draft.problems.some((p) => p.code === 'uk9-not-required') ? `: ${required.rule}` : '';
      throw new CliError(`${draft.problems.map((p) => p.message).join('; ')}${why}`);
    }
    if (options.json === true) {
      printJson(draft.value.json);
      return 0;
    }
    if (typeof options.markdown === 'string') {
      const out = resolve(io.cwd, options.markdown);
      await writeFile(out, draft.value.markdown);
      print(`UK9 draft for ${reference} (${period.start} to ${period.end}) written to ${out}. Overall: ${draft.value.json.overall.rating}. Review it before publishing.`);
      return 0;
    }
    io.stdout.write(draft.value.markdown);
    return 0;
  },
};
