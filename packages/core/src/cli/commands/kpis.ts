import { RESULT_COLUMNS } from '../../performance/convert-result-rows.js';
import { KPI_MEASURES, KpiSchema, REPORTING_FREQUENCIES, type Kpi } from '../../performance/kpi.schema.js';
import { describeTarget } from '../../performance/rate-result.js';
import { problemsFromZod } from '../../shared/problem.js';
import { importKpiResults } from '../../use-cases/import-kpi-results.js';
import { CliError, type CliCommand } from '../command.js';
import { spreadsheetImportCommand } from '../spreadsheet-import-command.js';
import { numberOption, requireOptions, textOption } from '../text-options.js';
import { formatTable } from '../format-table.js';

export const kpisAdd: CliCommand = {
  path: ['kpis', 'add'],
  summary: 'Add or change a KPI or SLA of a contract',
  usage:
    'kpis add REF --name NAME --measure MEASURE --target N --frequency FREQ --from YYYY-MM-DD [--lower-is-better] [--tolerance N] [--inadequate-at N] [--unit UNIT] [--description TEXT] [--published] [--sla [--service-credit TEXT]]',
  details: [
    `  --measure MEASURE      ${KPI_MEASURES.join(', ')} (a percentage is 0-100; yes/no is 1 or 0)`,
    `  --frequency FREQ       ${REPORTING_FREQUENCIES.join(', ')}: how often a result is due`,
    '  --from YYYY-MM-DD      first day of the first reporting period',
    '  --lower-is-better      for times and counts of failures (default: higher is better)',
    '  --tolerance N          how far short of the target is still "Approaching target" (default 0)',
    '  --inadequate-at N      the value at or beyond which performance is "Inadequate" (default: 20% of the target short of it)',
    '  --published            one of the KPIs published under Procurement Act 2023 s.52',
    '  --sla                  a service level, with --service-credit saying what the supplier credits when missed',
  ].join('\n'),
  options: {
    name: { type: 'string' },
    description: { type: 'string' },
    measure: { type: 'string' },
    unit: { type: 'string' },
    target: { type: 'string' },
    'lower-is-better': { type: 'boolean' },
    tolerance: { type: 'string' },
    'inadequate-at': { type: 'string' },
    frequency: { type: 'string' },
    from: { type: 'string' },
    published: { type: 'boolean' },
    sla: { type: 'boolean' },
    'service-credit': { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, io, withStore, print }) {
    const reference = positionals[0] ?? '';
    const text = (name: string) => textOption(options, name);
    const number = (name: string) => numberOption(options, name, 95);
    requireOptions(options, ['name', 'measure', 'target', 'frequency', 'from'], 'kpis add');
    const parsed = KpiSchema.safeParse({
      contract: reference,
      name: text('name'),
      description: text('description'),
      measure: text('measure'),
      unit: text('unit'),
      target: number('target'),
      direction: options['lower-is-better'] === true ? 'lower-is-better' : 'higher-is-better',
      tolerance: number('tolerance'),
      inadequateAt: number('inadequate-at'),
      frequency: text('frequency'),
      from: text('from'),
      published: options.published === true,
      sla: options.sla === true,
      serviceCredit: text('service-credit'),
    });
    if (!parsed.success) {
      const problems = problemsFromZod(parsed.error.issues).map((p) => p.message);
      throw new CliError(`the KPI is not valid: ${problems.join('; ')}. Run steward kpis add --help for the options.`, 2);
    }
    const outcome = await withStore(async (store) => {
      if (!(await store.contracts.get(reference))) throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
      return store.performance.upsertKpi(parsed.data, { actor: io.env.USER ?? 'cli', source: 'cli', ...(io.now ? { at: io.now() } : {}) });
    });
    print(`${reference}: KPI "${parsed.data.name}" ${outcome === 'created' ? 'added' : outcome}`);
    return 0;
  },
};

export const kpisList: CliCommand = {
  path: ['kpis', 'list'],
  summary: 'List the KPIs and SLAs of a contract',
  usage: 'kpis list REF [--json]',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, withStore, print, printJson }) {
    const reference = positionals[0] ?? '';
    const kpis = await withStore(async (store) => {
      if (!(await store.contracts.get(reference))) throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
      return store.performance.listKpis(reference);
    });
    if (options.json) {
      printJson(kpis);
      return 0;
    }
    if (kpis.length === 0) {
      print(`${reference} has no KPIs. Add one with: steward kpis add ${reference} --name NAME --measure percentage --target 95 --frequency quarterly --from YYYY-MM-DD`);
      return 0;
    }
    print(formatTable(['KPI', 'Target', 'Tolerance', 'Frequency', 'From', 'Published (s.52)', 'SLA'], kpis.map(kpiRow)));
    const published = kpis.filter((k) => k.published).length;
    print(`${kpis.length} KPI${kpis.length === 1 ? '' : 's'}, ${published} published under Procurement Act 2023 s.52`);
    return 0;
  },
};

function kpiRow(kpi: Kpi): string[] {
  return [kpi.name, describeTarget(kpi), String(kpi.tolerance), kpi.frequency, kpi.from, kpi.published ? 'yes' : '', kpi.sla ? (kpi.serviceCredit ?? 'yes') : ''];
}

export const kpisRecord: CliCommand = spreadsheetImportCommand({
  path: ['kpis', 'record'],
  summary: 'Record KPI results from .xlsx or .csv; all or nothing',
  columns: [
    `One row per contract, KPI and period, under the header: ${RESULT_COLUMNS.join(', ')}.`,
    'Dates as 31/03/2026 or 2026-03-31; a value as 97.5 or 97.5%, yes/no for a yes/no KPI;',
    'a blank value with a Note saying why means it could not be measured (rated Other).',
  ],
  import: importKpiResults,
  refused: 'no results were recorded',
  counted: (rows) => `${rows} result${rows === 1 ? '' : 's'}`,
});
