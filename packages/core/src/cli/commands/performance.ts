import { summarisePerformance, type ContractPerformance } from '../../performance/summarise-performance.js';
import { addDays } from '../../renewals/calendar-date.js';
import { addDuration } from '../../renewals/subtract-duration.js';
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
    const summaries = await withStore(async (store) => {
      const kpis = await store.performance.listKpis(reference);
      const references = reference !== undefined ? [reference] : [...new Set(kpis.map((k) => k.contract))];
      const out: ContractPerformance[] = [];
      for (const ref of references) {
        const contract = await store.contracts.get(ref);
        if (!contract) {
          if (reference !== undefined) throw new CliError(`No contract with reference "${ref}". List them with: steward contracts list`);
          continue;
        }
        const results = await store.performance.listResults({ contract: ref, ...(period ? { from: period.start, to: period.end } : {}) });
        const usage = await store.performance.listUsage(ref);
        out.push(summarisePerformance(contract, kpis.filter((k) => k.contract === ref), results, usage, period ? { period } : {}));
      }
      return out;
    });
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

/** `2026-05` → the first and last day of May 2026. */
function monthOption(value: string): { start: string; end: string } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value.trim());
  if (!match) throw new CliError(`--period "${value}" is not a month: write it as YYYY-MM, e.g. --period 2026-03`, 2);
  const start = `${match[1]}-${match[2]}-01`;
  return { start, end: addDays(addDuration(start, { amount: 1, unit: 'months' }), -1) };
}
