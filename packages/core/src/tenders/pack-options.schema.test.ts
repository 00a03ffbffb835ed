import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTenderPack } from './build-pack.js';
import { tenderPackOptionsJsonSchema, TenderPackOptionsSchema } from './pack-options.schema.js';

const readJson = (relative: string): unknown => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'));

describe('the tender pack options schema', () => {
  it('is committed as JSON schema, up to date (regenerate: npx tsx scripts/write-tender-pack-schema.ts)', () => {
    expect(readJson('../../schemas/tender-pack-options.schema.json')).toEqual(tenderPackOptionsJsonSchema());
  });

  it('accepts the example options file, which builds a pack', () => {
    const example = readJson('../../../../examples/tender-pack.example.json');
    expect(TenderPackOptionsSchema.safeParse(example).success).toBe(true);
    expect(buildTenderPack(example, { date: '2026-11-26' }).success).toBe(true);
  });

  it('requires only the title and reference in the file', () => {
    expect(tenderPackOptionsJsonSchema()).toMatchObject({ required: ['title', 'reference'], additionalProperties: false });
  });
});
