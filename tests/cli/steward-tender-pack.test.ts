import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@contract-steward/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { steward } from '../support/run-steward.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/tender-pack.example.json', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'steward-tender-'));
});

/** Runs steward in `dir` with a fixed clock: 23:30 UTC on 31 March 2027 is 00:30 on 1 April in London. */
async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env: {},
    cwd: dir,
    now: () => new Date('2027-03-31T23:30:00Z'),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

function writeOptions(options: unknown): string {
  writeFileSync(join(dir, 'options.json'), JSON.stringify(options));
  return 'options.json';
}

describe('steward tender-pack', () => {
  it('lists every clause with its id and how it is included', async () => {
    const { code, stdout } = await steward(['tender-pack', '--list']);
    expect(code).toBe(0);
    for (const id of ['DE-1.3', 'DE-2', 'API-1.1', 'API-1.7', 'API-2']) expect(stdout).toMatch(new RegExp(`^${id.replace('.', '\\.')} `, 'm'));
    expect(stdout).toMatch(/^API-1\.2 +Optional: delete or include/m);
    expect(stdout).toMatch(/^DE-2 +Choose one of two wordings/m);
    expect(stdout).toMatch(/^API-1\.3 +.*timestampedDatasets/m);
  });

  it('lists the clause library as JSON with its version', async () => {
    const { stdout } = await steward(['tender-pack', '--list', '--json']);
    const library = JSON.parse(stdout) as { version: string; clauses: { id: string }[] };
    expect(library.version).toBe('appendix-m-1.0.0');
    expect(library.clauses).toHaveLength(14);
  });

  it('writes a Word pack dated today in London', async () => {
    const { code, stdout } = await run(['tender-pack', '--options', EXAMPLE, '--out', 'pack.docx']);
    expect(code).toBe(0);
    expect(stdout).toContain('13 clauses in 2 sections, clause library appendix-m-1.0.0, dated 2027-04-01');
    expect(readFileSync(join(dir, 'pack.docx')).subarray(0, 2).toString()).toBe('PK');
    // The officer's notes, not for suppliers, beside the pack.
    expect(stdout).toContain(`Wrote ${join(dir, 'pack officer notes.docx')}: the officer's notes (record of choices and guidance)`);
    expect(readFileSync(join(dir, 'pack officer notes.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes an Excel compliance matrix', async () => {
    const { code } = await run(['tender-pack', '--options', EXAMPLE, '--out', 'matrix.xlsx', '--date', '2026-11-26']);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'matrix.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes Markdown to a file, or prints it without --out', async () => {
    expect((await run(['tender-pack', '--options', EXAMPLE, '--out', 'pack.md', '--date', '2026-11-26'])).code).toBe(0);
    expect(readFileSync(join(dir, 'pack.md'), 'utf8')).toContain('**Date:** 26 November 2026');
    const { stdout } = await run(['tender-pack', '--options', EXAMPLE, '--date', '2026-11-26']);
    expect(stdout).toMatch(/^# Revenues and benefits e-forms platform\n/);
  });

  it('reports every problem in the options file, then says what to do', async () => {
    const file = writeOptions({ title: 'X', reference: 'R', charges: { 'data-extraction': 'no-charge' }, exclude: ['API-9'] });
    const { code, stderr } = await run(['tender-pack', '--options', file, '--out', 'pack.docx']);
    expect(code).toBe(1);
    expect(stderr).toContain('options.json: exclude.0: "API-9" is not an Appendix M clause');
    expect(stderr).toContain('options.json: charges.api: Choose the wording of clause 2 for api');
    expect(stderr).toContain('steward: options.json has 2 problems (above): fix them and run again');
  });

  it('refuses an output file it cannot write', async () => {
    const { code, stderr } = await run(['tender-pack', '--options', EXAMPLE, '--out', 'pack.pdf']);
    expect(code).toBe(2);
    expect(stderr).toContain('--out must end in .docx (Word), .xlsx (Excel compliance matrix) or .md (Markdown)');
  });

  it('says so when the options file is missing or not JSON', async () => {
    expect((await run(['tender-pack', '--options', 'nope.json'])).stderr).toContain('cannot read the options file nope.json: ENOENT');
    writeFileSync(join(dir, 'bad.json'), '{ "title": ');
    expect((await run(['tender-pack', '--options', 'bad.json'])).stderr).toContain('bad.json is not valid JSON');
  });

  it('asks for the options file when none is given', async () => {
    const { code, stderr } = await run(['tender-pack']);
    expect(code).toBe(2);
    expect(stderr).toContain('steward tender-pack --options FILE.json');
  });
});
