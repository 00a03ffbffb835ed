import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { steward } from '../support/run-steward.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/evaluation.example.json', import.meta.url));
const annuity = [1, 2, 3, 4, 5].reduce((sum, t) => sum + 1 / 1.035 ** t, 0);

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steward-evaluate-'));
  copyFileSync(EXAMPLE, join(folder, 'repairs.json'));
});

const run = (args: string[], env: Record<string, string> = {}) => steward(args, { USER: 'a.khan', ...env }, folder);

describe('steward evaluate', () => {
  it('prints the ranking, winner and sensitivity as JSON, in pounds and on the 0–100 scale', async () => {
    const result = await run(['evaluate', 'repairs.json', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown> & { ranking: Record<string, unknown>[] };
    expect(json.winner).toBe('Supplier A');
    expect(json.ranking.map((r) => [r.option, r.eligible])).toEqual([
      ['Supplier A', true],
      ['Supplier B', true],
      ['Supplier C', false],
    ]);
    expect(json.ranking[0]).toMatchObject({
      qualityScore: 76.33,
      npv: Math.round((55_000 * annuity - 95_000 - 30_000 * annuity) * 100) / 100,
      wholeLifeCost: Math.round((95_000 + 30_000 * annuity) * 100) / 100,
    });
    expect(json.sensitivity).toMatchObject({ criterion: 'risk', fromWeight: 10, toWeight: 34.15, newWinner: 'Supplier B' });
  });

  it('prints a readable summary without --json', async () => {
    const result = await run(['evaluate', 'repairs.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Recommended: Supplier A');
    expect(result.stdout).toMatch(/1 +Supplier A +yes +76\.33 +£230,452 +£17,876/);
    expect(result.stdout).toContain('no (failed standards)');
    expect(result.stdout).toContain('Check: Evaluators scored Supplier B from 2 to 4 on Continuous Improvement (not moderated: the mean counts).');
  });

  it('writes the decision record as Excel or Markdown', async () => {
    const xlsx = await run(['evaluate', 'repairs.json', '--out', 'record.xlsx']);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stdout).toContain(`Wrote the decision record to ${join(folder, 'record.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(folder, 'record.xlsx'));
    expect(workbook.getWorksheet('Decision')?.getCell('B13').value).toBe('Supplier A');
    expect(workbook.getWorksheet('Decision')?.getCell('A2').value).toBeNull();

    const md = await run(['evaluate', 'repairs.json', '--out', 'record.md', '--json']);
    expect(md.code).toBe(0);
    expect(JSON.parse(md.stdout)).toHaveProperty('winner', 'Supplier A');
    expect(md.stderr).toContain('Wrote the decision record');
    expect(readFileSync(join(folder, 'record.md'), 'utf8')).toContain('# Housing repairs scheduling: Technical Design Authority decision record');
  });

  it('names the council from COUNCIL_NAME, or --council, in the record and its page headers', async () => {
    expect((await run(['evaluate', 'repairs.json', '--out', 'record.xlsx'], { COUNCIL_NAME: 'Exampleton Borough Council' })).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(folder, 'record.xlsx'));
    expect(workbook.getWorksheet('Decision')?.getCell('A2').value).toBe('Exampleton Borough Council');
    expect(workbook.getWorksheet('Criteria')?.headerFooter.oddHeader).toContain('Exampleton Borough Council');

    expect((await run(['evaluate', 'repairs.json', '--out', 'record.md', '--council', 'Riverside District Council'], { COUNCIL_NAME: 'Exampleton Borough Council' })).code).toBe(0);
    expect(readFileSync(join(folder, 'record.md'), 'utf8')).toContain('**Riverside District Council**');
  });

  it('says what to do when COUNCIL_LOGO is not a PNG', async () => {
    writeFileSync(join(folder, 'logo.png'), 'GIF89a');
    const result = await run(['evaluate', 'repairs.json', '--out', 'record.xlsx'], { COUNCIL_LOGO: 'logo.png' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('steward: the council logo COUNCIL_LOGO=logo.png is not a PNG image: save it as .png, or unset it\n');
  });

  it('refuses an --out it cannot write, before doing anything', async () => {
    const result = await run(['evaluate', 'repairs.json', '--out', 'record.pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('steward: --out must end in .xlsx (Excel workbook) or .md (Markdown), not "record.pdf"\n');
    expect(existsSync(join(folder, 'record.pdf'))).toBe(false);
  });

  it('lists every problem in an invalid evaluation, with where it is, and exits 1', async () => {
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { weights: Record<string, number>; options: { scores: unknown[] }[] };
    example.weights.risk = 20;
    example.options[1]!.scores = example.options[1]!.scores.slice(3);
    writeFileSync(join(folder, 'bad.json'), JSON.stringify(example));
    const result = await run(['evaluate', 'bad.json']);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('bad.json: weights: The weights total 110%, not 100%: adjust them so they add up to 100.');
    expect(lines.filter((l) => l.includes('has not scored "Supplier B" on alignment'))).toHaveLength(3);
    expect(lines.at(-1)).toBe('steward: bad.json has 4 problems (above): fix them and run again');
  });

  it('says so in one line when the file is missing or not JSON', async () => {
    expect((await run(['evaluate', 'nope.json'])).stderr).toBe(
      'steward: cannot read nope.json: no such file. Start one with: steward evaluate --template > nope.json\n',
    );
    writeFileSync(join(folder, 'broken.json'), '{"title": ');
    const broken = await run(['evaluate', 'broken.json']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^steward: broken\.json is not valid JSON \(.+\): fix it and run again\n$/);
  });

  it('needs a file unless asked for the template', async () => {
    const result = await run(['evaluate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('steward evaluate --template > FILE.json');
  });

  it('prints a template with all ten criteria for each option', async () => {
    const result = await run(['evaluate', '--template']);
    expect(result.code).toBe(0);
    const template = JSON.parse(result.stdout) as { weights: Record<string, number>; options: { scores: { criterion: string }[] }[] };
    expect(Object.keys(template.weights)).toHaveLength(10);
    expect(template.options[0]?.scores.map((s) => s.criterion)).toContain('cost-benefit');
  });
});

describe('steward evaluations', () => {
  it('saves an evaluation, lists it and shows it again', async () => {
    const db = join(folder, 'steward.db');
    expect((await run(['evaluations', 'list', '--db', db])).stdout).toContain('No evaluations saved yet');
    const saved = await run(['evaluate', 'repairs.json', '--save', '--by', 'c.patel@council.gov.uk', '--db', db, '--json']);
    expect(saved.code).toBe(0);
    const { id } = JSON.parse(saved.stdout) as { id: string };
    expect(id).toMatch(/^EV-/);
    expect(saved.stderr).toContain(`Saved as ${id}`);

    const list = await run(['evaluations', 'list', '--db', db, '--json']);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ id, title: 'Housing repairs scheduling', winner: 'Supplier A', optionCount: 3, createdBy: 'c.patel@council.gov.uk' }),
    ]);
    const table = await run(['evaluations', 'list', '--db', db]);
    expect(table.stdout).toMatch(new RegExp(`${id} +Housing repairs scheduling +Supplier A +3 +draft +c\\.patel@council\\.gov\\.uk`));

    const shown = await run(['evaluations', 'show', id, '--db', db, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ winner: 'Supplier A', title: 'Housing repairs scheduling' });
    const missing = await run(['evaluations', 'show', 'EV-NOPE', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('steward: No evaluation with id "EV-NOPE". List them with: steward evaluations list\n');
  });
});
