import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildOcdsPackage } from '../../publish/build-ocds-package.js';
import { ocdsContractInputs } from '../../publish/ocds-contract-inputs.js';
import { readRegisterForPublishing } from '../../storage/read-register-for-publishing.js';
import { asOfOption } from '../as-of-option.js';
import { isoDateOption } from '../as-of-option.js';
import { writeRegisterWorkbook } from '../../excel/write-register.js';
import { writeTransparencyFile } from '../../excel/write-transparency-csv.js';
import { lastCompleteQuarter, parseQuarter } from '../../publish/transparency-quarter.js';
import { CliError, type CliCommand } from '../command.js';
import { COUNCIL_DETAILS, COUNCIL_OPTION, documentIdentity } from '../document-identity.js';

export const exportRegister: CliCommand = {
  path: ['export', 'register'],
  summary: 'Export the register as .xlsx (the importer reads it back unchanged)',
  usage: 'export register OUT.xlsx [--council NAME]',
  details: COUNCIL_DETAILS,
  options: COUNCIL_OPTION,
  positionals: { min: 1, max: 1 },
  async run(input) {
    const { positionals, io, withStore, print } = input;
    const out = resolve(io.cwd, positionals[0] ?? '');
    const identity = await documentIdentity(input);
    const count = await withStore(async (store) => writeRegisterWorkbook(out, await store.contracts.list(), { identity }));
    print(`${count} contract${count === 1 ? '' : 's'} written to ${out}`);
    return 0;
  },
};

export const exportTransparency: CliCommand = {
  path: ['export', 'transparency'],
  summary: 'Export the quarter\'s contracts over £5,000 in the Transparency Code 2015 layout (.csv or .xlsx)',
  usage: 'export transparency OUT.csv|OUT.xlsx [--quarter 2026Q3] [--as-of YYYY-MM-DD]',
  details: 'Lists every contract in force on some day of the quarter (calendar quarters: Q3 is July to September) worth more than £5,000, and those with no recorded value, marked in the Value Note column. The default quarter is the last complete one. The Code\'s columns come first, then the register\'s other columns, so the file imports back unchanged. In the .xlsx, company, charity and VCSE numbers are text cells, so leading zeros stay; --council NAME (or $COUNCIL_NAME) heads its pages.',
  options: { quarter: { type: 'string' }, 'as-of': { type: 'string' }, ...COUNCIL_OPTION },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const { options, positionals, io, withStore, print } = input;
    const out = resolve(io.cwd, positionals[0] ?? '');
    if (!/\.(csv|xlsx)$/i.test(out)) throw new CliError(`Write the file as .csv or .xlsx: "${positionals[0] ?? ''}" has neither ending.`, 2);
    let quarter = lastCompleteQuarter(asOfOption(options['as-of'], io.now));
    if (typeof options.quarter === 'string') {
      const parsed = parseQuarter(options.quarter);
      if (!parsed.success) throw new CliError(parsed.problem.message, 2);
      quarter = parsed.value;
    }
    const identity = /\.xlsx$/i.test(out) ? await documentIdentity(input) : {};
    const result = await withStore(async (store) => {
      const contracts = await store.contracts.list();
      if (contracts.length === 0) throw new CliError('The register is empty: there is nothing to publish. Import it first with: steward import register.xlsx');
      return writeTransparencyFile(out, contracts, quarter, { identity });
    });
    print(`${result.count} contract${result.count === 1 ? '' : 's'} in force in ${quarter.label} (${quarter.start} to ${quarter.end}) over £5,000 or of no recorded value (${result.noValue} marked) written to ${out}`);
    return 0;
  },
};

export const exportOcds: CliCommand = {
  path: ['export', 'ocds'],
  summary: 'Export the register and its changes as an OCDS 1.1.5 release package (JSON)',
  usage: 'export ocds OUT.json --ocid-prefix ocds-xxxxxx --publisher NAME [--since YYYY-MM-DD] [--as-of YYYY-MM-DD]',
  details: 'One contract release per contract, a contractAmendment per recorded modification, an implementation release per KPI reporting period with results (rated as steward performance rates them) and a contractTermination once it has ended. --ocid-prefix is the council\'s registered prefix (ocds- and six characters); --publisher (or STEWARD_PUBLISHER) is the council\'s name; --since keeps releases dated after that day.',
  options: { 'ocid-prefix': { type: 'string' }, publisher: { type: 'string' }, since: { type: 'string' }, 'as-of': { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, io, withStore, print }) {
    const out = resolve(io.cwd, positionals[0] ?? '');
    const prefix = typeof options['ocid-prefix'] === 'string' ? options['ocid-prefix'] : io.env.STEWARD_OCID_PREFIX;
    if (prefix === undefined) throw new CliError('Give the council\'s ocid prefix: --ocid-prefix ocds-xxxxxx (or set STEWARD_OCID_PREFIX).', 2);
    const publisher = typeof options.publisher === 'string' ? options.publisher : (io.env.STEWARD_PUBLISHER ?? '');
    const since = typeof options.since === 'string' ? isoDateOption('--since', options.since) : undefined;
    const today = asOfOption(options['as-of'], io.now);
    const register = await withStore(readRegisterForPublishing);
    const result = buildOcdsPackage(ocdsContractInputs(register), {
      ocidPrefix: prefix, publisher, uri: pathToFileURL(out).href, publishedDate: (io.now?.() ?? new Date()).toISOString(), today, ...(since ? { since } : {}),
    });
    if (!result.success) throw new CliError(result.problem.message, result.problem.code === 'empty-register' ? 1 : 2);
    await writeFile(out, `${JSON.stringify(result.value, null, 2)}\n`, 'utf8');
    const count = (tag: string) => result.value.releases.filter((r) => r.tag[0] === tag).length;
    print(`${result.value.releases.length} releases written to ${out}: ${count('contract')} contract, ${count('contractAmendment')} contractAmendment, ${count('implementation')} implementation, ${count('contractTermination')} contractTermination.`);
    return 0;
  },
};
