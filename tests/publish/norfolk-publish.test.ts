import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Contract } from '@contract-steward/core';
import { createOcdsValidator } from '../support/ocds-validator.js';
import { steward } from '../support/run-steward.js';

/** Norfolk County Council's published register (the one place to change when the real registers move into the repository). */
const NORFOLK = fileURLToPath(new URL('../fixtures/real-registers/norfolk_cc_contracts_2015.csv', import.meta.url));

const folder = mkdtempSync(join(tmpdir(), 'steward-publish-'));
const db = join(folder, 'norfolk.db');

async function contractsOf(path: string): Promise<Contract[]> {
  const store = await openStore({ kind: 'sqlite', path });
  try {
    return await store.contracts.list();
  } finally {
    await store.close();
  }
}

/** What an OCDS release carries of a contract, and so what the OCDS importer can give back. */
function ocdsView(c: Contract) {
  const { name, companyNumber, address, postcode, sme, vcse } = c.supplier;
  return { reference: c.reference, title: c.title, description: c.description, category: c.category, supplier: { name, companyNumber, address, postcode, sme, vcse }, startDate: c.startDate, endDate: c.endDate, total: c.value.total, route: c.procurement.route };
}

beforeAll(async () => {
  const imported = await steward(['import', NORFOLK, '--db', db, '--json'], {}, folder);
  expect(JSON.parse(imported.stdout)).toMatchObject({ created: 5696 });
}, 120_000);

describe("publishing Norfolk County Council's register", () => {
  it('exports a valid OCDS 1.1.5 package that imports back as the same contracts', async () => {
    const out = join(folder, 'norfolk.json');
    const run = await steward(['export', 'ocds', out, '--ocid-prefix', 'ocds-abc123', '--publisher', 'Norfolk County Council', '--db', db], {}, folder);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('5696 contract');
    const pkg = JSON.parse(readFileSync(out, 'utf8')) as { releases: { tag: string[] }[] };
    const validation = createOcdsValidator()(pkg);
    expect(validation.errors.slice(0, 5)).toEqual([]);

    const back = join(folder, 'back.db');
    const reimport = await steward(['import', out, '--db', back, '--json'], {}, folder);
    expect(JSON.parse(reimport.stdout)).toMatchObject({ created: 5696, rejected: 0 });
    const original = (await contractsOf(db)).map(ocdsView);
    expect((await contractsOf(back)).map(ocdsView)).toEqual(original);
  }, 400_000);
});

describe("Norfolk's Transparency Code file", () => {
  for (const ext of ['csv', 'xlsx']) {
    it(`lists the contracts in force in 2015Q1 and, as .${ext}, imports back changing nothing`, async () => {
      const out = join(folder, `transparency-2015Q1.${ext}`);
      const run = await steward(['export', 'transparency', out, '--quarter', '2015Q1', '--db', db], {}, folder);
      expect(run.stderr).toBe('');
      const listed = Number(/^(\d+) contracts/.exec(run.stdout)?.[1]);
      const inForce = (await contractsOf(db)).filter((c) => (c.startDate ?? '') <= '2015-03-31' && (c.endDate ?? '9999') >= '2015-01-01' && (c.value.total === undefined || c.value.total > 5000));
      expect(listed).toBe(inForce.length);
      const back = await steward(['import', out, '--dry-run', '--db', db, '--json'], {}, folder);
      expect(JSON.parse(back.stdout)).toMatchObject({ rows: listed, created: 0, updated: 0, unchanged: listed, rejected: 0 });
    }, 120_000);
  }
});
