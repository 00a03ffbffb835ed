import { resolve } from 'node:path';
import { writeTemplateWorkbook } from '../../excel/write-template.js';
import type { CliCommand } from '../command.js';
import { COUNCIL_DETAILS, COUNCIL_OPTION, documentIdentity } from '../document-identity.js';

export const templateCommand: CliCommand = {
  path: ['template'],
  summary: 'Write an empty register workbook to fill in and import',
  usage: 'template OUT.xlsx [--council NAME]',
  details: COUNCIL_DETAILS,
  options: COUNCIL_OPTION,
  positionals: { min: 1, max: 1 },
  async run(input) {
    const { positionals, io, print } = input;
    const out = resolve(io.cwd, positionals[0] ?? '');
    await writeTemplateWorkbook(out, 1000, { identity: await documentIdentity(input) });
    print(`Template written to ${out}. Fill in the Register sheet (see Notes), then: steward import ${positionals[0] ?? 'FILE'} --dry-run`);
    return 0;
  },
};
