import { resolve } from 'node:path';
import { writeTemplateWorkbook } from '../../excel/write-template.js';
import type { CliCommand } from '../command.js';

export const templateCommand: CliCommand = {
  path: ['template'],
  summary: 'Write an empty register workbook to fill in and import',
  usage: 'template OUT.xlsx',
  positionals: { min: 1, max: 1 },
  async run({ positionals, io, print }) {
    const out = resolve(io.cwd, positionals[0] ?? '');
    await writeTemplateWorkbook(out);
    print(`Template written to ${out}. Fill in the Register sheet (see Notes), then: steward import ${positionals[0] ?? 'FILE'} --dry-run`);
    return 0;
  },
};
