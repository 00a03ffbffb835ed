import { resolve } from 'node:path';
import { writeRegisterWorkbook } from '../../excel/write-register.js';
import { writeTransparencyCsv } from '../../excel/write-transparency-csv.js';
import type { CliCommand } from '../command.js';
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
  summary: 'Export contracts over £5,000 as the Transparency Code 2015 quarterly CSV',
  usage: 'export transparency OUT.csv',
  positionals: { min: 1, max: 1 },
  async run({ positionals, io, withStore, print }) {
    const out = resolve(io.cwd, positionals[0] ?? '');
    const count = await withStore(async (store) => writeTransparencyCsv(out, await store.contracts.list()));
    print(`${count} contract${count === 1 ? '' : 's'} over £5,000 written to ${out}`);
    return 0;
  },
};
