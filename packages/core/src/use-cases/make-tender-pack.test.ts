import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTenderPack } from './make-tender-pack.js';
import { readZipEntry } from '../../../../tests/support/read-zip-entry.js';

const EXAMPLE = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../examples/tender-pack.example.json', import.meta.url)), 'utf8')) as Record<string, unknown>;

describe('makeTenderPack', () => {
  it('renders the pack in each format asked for, in that order, named after its reference', async () => {
    const made = await makeTenderPack(EXAMPLE, { date: '2026-11-26', formats: ['xlsx', 'docx', 'md'] });
    expect(made.success).toBe(true);
    if (!made.success) return;
    const reference = made.value.pack.reference;
    expect(made.value.files.map((f) => [f.format, f.name])).toEqual([
      ['xlsx', `Tender pack ${reference} compliance matrix.xlsx`],
      ['docx', `Tender pack ${reference}.docx`],
      ['md', `Tender pack ${reference}.md`],
    ]);
    // Both Office files are zips; the Markdown opens with the pack's title.
    expect(made.value.files[0]?.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(made.value.files[1]?.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(made.value.files[2]?.bytes.toString('utf8')).toMatch(/^# /);
  });

  it('makes no file when the options have a problem, and says where', async () => {
    const made = await makeTenderPack({ ...EXAMPLE, title: '' }, { date: '2026-11-26', formats: ['docx'] });
    expect(made.success).toBe(false);
    if (made.success) return;
    expect(made.problems.map((p) => p.path)).toContainEqual(['title']);
  });

  it('makes the officer\'s notes as a file of their own, named as not for suppliers, with the council on every file', async () => {
    const identity = { councilName: 'Exampleton Borough Council' };
    const made = await makeTenderPack({ ...EXAMPLE, includeGuidance: true }, { date: '2026-11-26', formats: ['docx', 'officer-docx'], identity });
    if (!made.success) throw new Error(JSON.stringify(made.problems));
    const [pack, notes] = made.value.files;
    expect(notes?.name).toBe(`Tender pack ${made.value.pack.reference} officer notes.docx`);
    const text = (file: typeof pack) => readZipEntry(file?.bytes ?? Buffer.alloc(0), 'word/document.xml') ?? '';
    expect(text(pack)).toContain('Exampleton Borough Council');
    expect(text(pack)).not.toContain('Guidance for the procurement officer');
    expect(text(notes)).toContain('Guidance for the procurement officer');
  });
});
