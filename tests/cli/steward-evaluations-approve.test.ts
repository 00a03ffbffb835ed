import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { EvaluationSchema, openStore, runCli } from '@contract-steward/core';

const EXAMPLE = new URL('../../examples/evaluation.example.json', import.meta.url);
const CHAIR = ['--name', 'Jane Smith', '--role', 'Chair, Technical Design Authority'];
const DRAFT = 'Draft: for approval by the Technical Design Authority';
const APPROVED = 'Approved on 25 March 2027 by Jane Smith (Chair, Technical Design Authority)';

let folder: string;
let db: string;
let id: string;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-approve-'));
  db = join(folder, 'steward.db');
  const saved = await run(['evaluate', EXAMPLE.pathname, '--save', '--json']);
  expect(saved.code).toBe(0);
  id = (JSON.parse(saved.stdout) as { id: string }).id;
});

/** Runs steward on the test's database with a fixed clock: 23:30 UTC on 31 March 2027 is 00:30 on 1 April in London. */
async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--db', db], {
    env: { USER: 'a.khan' },
    cwd: folder,
    now: () => new Date('2027-03-31T23:30:00Z'),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** The Decision sheet's status (C3) and the first signature line, by its name cell. */
async function decisionSheet() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(folder, 'record.xlsx'));
  const sheet = workbook.getWorksheet('Decision');
  if (!sheet) throw new Error('no Decision sheet');
  const header = sheet.getColumn(7).values.findIndex((v) => v === 'Signature');
  const signed = sheet.getRow(header + 1);
  return { status: sheet.getCell('C3').value, signature: [2, 3, 5].map((c) => signed.getCell(c).value) };
}

async function approvalOf(evaluationId: string) {
  const list = await run(['evaluations', 'list', '--json']);
  return (JSON.parse(list.stdout) as { id: string; approval?: unknown }[]).find((e) => e.id === evaluationId)?.approval;
}

describe('steward evaluations approve', () => {
  it('approves a saved evaluation, and says how to write its record', async () => {
    const approved = await run(['evaluations', 'approve', id, ...CHAIR, '--on', '2027-03-25', '--by', 'c.patel@council.gov.uk']);
    expect(approved.stderr).toBe('');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toBe(
      [`${id}: Housing repairs scheduling`, APPROVED, `Write its decision record with: steward evaluations show ${id} --out record.xlsx (or record.md)`, ''].join('\n'),
    );

    expect(await approvalOf(id)).toEqual({ name: 'Jane Smith', role: 'Chair, Technical Design Authority', date: '2027-03-25' });
    expect((await run(['evaluations', 'list'])).stdout).toMatch(new RegExp(`${id} +Housing repairs scheduling +Supplier A +3 +approved 2027-03-25 +a\\.khan`));
    expect(JSON.parse((await run(['evaluations', 'show', id, '--json'])).stdout)).toMatchObject({ approval: { name: 'Jane Smith', date: '2027-03-25' } });
    expect((await run(['evaluations', 'show', id])).stdout).toContain(`Status: ${APPROVED}\n`);

    const store = await openStore({ kind: 'sqlite', path: db });
    const [entry] = await store.audit.list({ entity: 'evaluation', entityKey: id });
    await store.close();
    expect(entry).toMatchObject({ action: 'approve', actor: 'c.patel@council.gov.uk', source: 'cli', changes: { approval: { from: null, to: { name: 'Jane Smith', date: '2027-03-25' } } } });
  });

  it('writes the approval into the decision record, in Markdown and in Excel', async () => {
    expect((await run(['evaluations', 'approve', id, ...CHAIR, '--on', '2027-03-25'])).code).toBe(0);

    expect((await run(['evaluations', 'show', id, '--out', 'record.md'])).code).toBe(0);
    const markdown = readFileSync(join(folder, 'record.md'), 'utf8');
    expect(markdown).toContain(`- **Status:** ${APPROVED}\n`);
    expect(markdown).toContain(`## Approval\n\n${APPROVED}.\n`);
    expect(markdown).toContain('| Jane Smith | Chair, Technical Design Authority | 25 March 2027 |  |');

    expect((await run(['evaluations', 'show', id, '--out', 'record.xlsx'])).code).toBe(0);
    expect(await decisionSheet()).toEqual({ status: APPROVED, signature: ['Jane Smith', 'Chair, Technical Design Authority', '25 March 2027'] });
  });

  it('dates the approval today in London when --on is left out', async () => {
    expect((await run(['evaluations', 'approve', id, ...CHAIR])).stdout).toContain('Approved on 1 April 2027 by Jane Smith');
    expect(await approvalOf(id)).toMatchObject({ date: '2027-04-01' });
  });

  it('replaces the approval when approved again', async () => {
    await run(['evaluations', 'approve', id, ...CHAIR, '--on', '2027-03-25']);
    expect((await run(['evaluations', 'approve', id, '--name', 'Sam Okafor', '--role', 'Deputy Chair', '--on', '2027-03-30'])).code).toBe(0);
    expect(await approvalOf(id)).toEqual({ name: 'Sam Okafor', role: 'Deputy Chair', date: '2027-03-30' });
  });

  it('makes the record a draft again when the evaluation is saved anew', async () => {
    await run(['evaluations', 'approve', id, ...CHAIR, '--on', '2027-03-25']);
    // As the Teams bot does when an evaluator changes their scores: the same id, new content.
    const store = await openStore({ kind: 'sqlite', path: db });
    const example = EvaluationSchema.parse(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    await store.evaluations.save({ ...example, title: 'Housing repairs scheduling (moderated)' }, { id, winner: 'Supplier A' }, { actor: 'b.jones', source: 'teams' });
    await store.close();

    expect(await approvalOf(id)).toBeUndefined();
    expect((await run(['evaluations', 'list'])).stdout).toMatch(new RegExp(`${id} +Housing repairs scheduling \\(moderated\\) +Supplier A +3 +draft `));
    expect((await run(['evaluations', 'show', id, '--out', 'record.md'])).code).toBe(0);
    const markdown = readFileSync(join(folder, 'record.md'), 'utf8');
    expect(markdown).toContain(`- **Status:** ${DRAFT}\n`);
    expect(markdown).not.toContain('Jane Smith');
    expect((await run(['evaluations', 'show', id, '--out', 'record.xlsx'])).code).toBe(0);
    expect(await decisionSheet()).toEqual({ status: DRAFT, signature: [null, null, null] });
  });

  it('says when no evaluation has the id, and exits 1', async () => {
    const result = await run(['evaluations', 'approve', 'EV-NOPE', ...CHAIR]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('steward: No evaluation with id "EV-NOPE". List them with: steward evaluations list\n');
  });

  it('needs the approver’s name and role, and records nothing without them', async () => {
    const neither = await run(['evaluations', 'approve', id]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toBe(
      'steward: Say who approved it with --name, e.g. --name "Jane Smith". Give their role with --role, e.g. --role "Chair, Technical Design Authority".\n',
    );
    const blankRole = await run(['evaluations', 'approve', id, '--name', 'Jane Smith', '--role', '  ']);
    expect(blankRole.code).toBe(2);
    expect(blankRole.stderr).toBe('steward: Give their role with --role, e.g. --role "Chair, Technical Design Authority".\n');
    expect(await approvalOf(id)).toBeUndefined();
  });

  it('refuses a date that is not a real day, or is after today, and records nothing', async () => {
    const impossible = await run(['evaluations', 'approve', id, ...CHAIR, '--on', '2027-02-29']);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toBe('steward: --on "2027-02-29" is not a date: write the day of the approval as YYYY-MM-DD, e.g. --on 2027-04-01.\n');

    const tomorrow = await run(['evaluations', 'approve', id, ...CHAIR, '--on', '2027-04-02']);
    expect(tomorrow.code).toBe(2);
    expect(tomorrow.stderr).toBe(
      'steward: --on 2027-04-02 is after today (2027-04-01): record the approval once it has been given, on the day it was given (leave --on out for today).\n',
    );
    expect(await approvalOf(id)).toBeUndefined();
  });
});
