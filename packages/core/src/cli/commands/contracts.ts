import type { Contract } from '../../register/contract.schema.js';
import { isIsoDate } from '../../shared/iso-date.js';
import { CliError, type CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';

const json = { json: { type: 'boolean', description: 'print JSON instead of a table' } } as const;

export const contractsList: CliCommand = {
  path: ['contracts', 'list'],
  summary: 'List the contracts in the register',
  usage: 'contracts list [--owner EMAIL] [--service-area NAME] [--ending-from YYYY-MM-DD] [--ending-to YYYY-MM-DD] [--json]',
  options: {
    ...json,
    owner: { type: 'string' },
    'service-area': { type: 'string' },
    'ending-from': { type: 'string' },
    'ending-to': { type: 'string' },
  },
  async run({ options, withStore, print, printJson }) {
    const contracts = await withStore((store) =>
      store.contracts.list({
        ...(typeof options.owner === 'string' ? { ownerEmail: options.owner } : {}),
        ...(typeof options['service-area'] === 'string' ? { serviceArea: options['service-area'] } : {}),
        ...(typeof options['ending-from'] === 'string' ? { endFrom: isoDateOption('--ending-from', options['ending-from']) } : {}),
        ...(typeof options['ending-to'] === 'string' ? { endTo: isoDateOption('--ending-to', options['ending-to']) } : {}),
      }),
    );
    if (options.json) {
      printJson(contracts);
      return 0;
    }
    if (contracts.length === 0) {
      print('The register is empty. Import one with: steward import FILE.xlsx --dry-run');
      return 0;
    }
    print(
      formatTable(
        ['Reference', 'Title', 'Supplier', 'Ends', 'Owner'],
        contracts.map((c) => [c.reference, c.title, c.supplier.name, c.endDate ?? '', c.owner?.email ?? '']),
      ),
    );
    print(`${contracts.length} contract${contracts.length === 1 ? '' : 's'}`);
    return 0;
  },
};

export const contractsShow: CliCommand = {
  path: ['contracts', 'show'],
  summary: 'Show one contract in full',
  usage: 'contracts show REF [--json]',
  options: json,
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, withStore, print, printJson }) {
    const reference = positionals[0] ?? '';
    const contract = await withStore((store) => store.contracts.get(reference));
    if (!contract) {
      throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
    }
    if (options.json) printJson(contract);
    else print(describeContract(contract));
    return 0;
  },
};

function describeContract(c: Contract): string {
  const rows: [string, string | undefined][] = [
    ['Reference', c.reference],
    ['Title', c.title],
    ['Description', c.description],
    ['Supplier', [c.supplier.name, c.supplier.companyNumber && `company ${c.supplier.companyNumber}`].filter(Boolean).join(', ')],
    ['Service area', c.serviceArea ?? c.department],
    ['Owner', c.owner?.email ?? c.owner?.name],
    ['Start', c.startDate],
    ['End', c.endDate],
    ['Renewal', describeRenewal(c)],
    ['Notice', c.noticePeriod && `${c.noticePeriod.amount} ${c.noticePeriod.unit}`],
    ['Annual value', c.value.annual === undefined ? undefined : `£${c.value.annual.toLocaleString('en-GB')}`],
    ['Total value', c.value.total === undefined ? undefined : `£${c.value.total.toLocaleString('en-GB')}`],
  ];
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
    .map(([label, value]) => `${`${label}:`.padEnd(14)}${value}`)
    .join('\n');
}

function describeRenewal(c: Contract): string {
  const r = c.renewal;
  switch (r.type) {
    case 'fixed':
      return 'fixed term';
    case 'extension-options':
      return `extension options ${r.options.map((o) => `${o.amount} ${o.unit}`).join(' + ')}, ${r.taken} taken${r.maximumEndDate ? `, latest end ${r.maximumEndDate}` : ''}`;
    case 'auto-renewal':
      return `renews automatically every ${r.period.amount} ${r.period.unit}`;
  }
}

/** Validates a YYYY-MM-DD option so a typo is a clear error rather than an empty result. */
export function isoDateOption(name: string, value: string): string {
  // isIsoDate rather than Date.parse, which takes 2028-02-31 as 2 March.
  if (!isIsoDate(value)) {
    throw new CliError(`${name} "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31`, 2);
  }
  return value;
}
