import type { Contract } from '../../register/contract.schema.js';
import { CliError, type CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';
import { describeDuration, describeDurations, formatMoney } from '../../shared/format.js';
import { asOfOption, isoDateOption } from '../as-of-option.js';
import { procurementLawOf } from './procurement-act.js';

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
  async run({ options, positionals, io, withStore, print, printJson }) {
    const reference = positionals[0] ?? '';
    const found = await withStore(async (store) => {
      const contract = await store.contracts.get(reference);
      return contract && { contract, law: await procurementLawOf(store, contract, asOfOption(undefined, io.now)) };
    });
    if (!found) {
      throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
    }
    const { contract, law } = found;
    if (options.json) printJson({ ...contract, regime: law.regime.regime, regimeRule: law.regime.rule, obligations: law.obligations, ...(law.noObligations ? { noObligations: law.noObligations } : {}), modifications: law.modifications });
    else {
      print(describeContract(contract));
      print(`${'Regime:'.padEnd(14)}${law.regime.rule}`);
      if (law.noObligations) print(`${'Obligations:'.padEnd(14)}${law.noObligations}`);
      for (const o of law.obligations) print(`${'Obligation:'.padEnd(14)}${o.obligation} due ${o.due} (${o.status}): ${o.rule}`);
      for (const m of law.modifications) print(`${'Modification:'.padEnd(14)}${m.id} on ${m.date}, value ${m.valueChange >= 0 ? '+' : ''}${m.valueChange}${m.newEndDate ? `, new end ${m.newEndDate}` : ''}, ground ${m.ground}${m.noticeRequired ? ', UK10 required' : ''}`);
    }
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
    ['Notice', c.noticePeriod && describeDuration(c.noticePeriod)],
    ['Annual value', c.value.annual === undefined ? undefined : formatMoney(c.value.annual)],
    ['Total value', c.value.total === undefined ? undefined : formatMoney(c.value.total)],
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
      return `extension options ${describeDurations(r.options)}, ${r.taken} taken${r.maximumEndDate ? `, latest end ${r.maximumEndDate}` : ''}`;
    case 'auto-renewal':
      return `renews automatically every ${describeDuration(r.period)}`;
  }
}

