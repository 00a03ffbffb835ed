import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Contract } from '@contract-steward/core';
import { readRegister } from '../../packages/core/src/excel/read-register.js';
import { createImportPlanner } from '../../packages/core/src/register/import/import-planner.js';
import { spreadsheetFile } from '../support/spreadsheet-file.js';

/** Real published registers, kept in the repository (see tests/fixtures/real-registers/PROVENANCE.md). */
const FOLDER = fileURLToPath(new URL('../fixtures/real-registers/', import.meta.url));

async function dryRun(file: string) {
  const reading = await readRegister(spreadsheetFile(`${FOLDER}${file}`));
  const planner = createImportPlanner();
  const created: Contract[] = [];
  for (const row of reading.accepted) {
    const planned = planner.add({ ...row, contract: JSON.parse(row.json) as Contract });
    if (planned.verdict === 'created' && planned.contract) created.push(planned.contract);
  }
  const plan = { duplicates: planner.duplicates, problems: planner.problems, lots: planner.lots, skipped: planner.counts.duplicate };
  const count = (code: string) => [...reading.problems, ...plan.problems].filter((p) => p.code === code).length;
  return { reading, plan, created, count, accepted: created.length, rejected: reading.rejected.length + plan.duplicates.length };
}

describe('real council registers', () => {
  it('finds the real registers in the test fixtures', () => {
    expect(existsSync(`${FOLDER}norfolk_cc_contracts_2015.csv`)).toBe(true);
  });

  it('imports Norfolk County Council\'s register: every row kept but 33 repeated lines, rows without a reference provisionally, repeated references as lots', async () => {
    const { reading, plan, accepted, rejected, count } = await dryRun('norfolk_cc_contracts_2015.csv');
    expect(reading.rows).toBe(5729);
    // 5,729 rows - 33 lines that repeat an earlier one exactly = 5,696 contracts.
    expect(accepted).toBe(5696);
    expect(rejected).toBe(0);
    expect(plan.skipped).toBe(33);
    // 696 rows have no reference; 29 of them repeat another such row exactly, 667 are kept.
    expect(count('provisional-reference')).toBe(696);
    expect(count('missing-reference')).toBe(0);
    // 203 rows repeat a real reference: 199 lots and 4 repeated lines; 41 more lots share a
    // provisional reference (same supplier, title and start, another value or end).
    expect(plan.lots).toBe(240);
    const real = (code: string) => plan.problems.filter((p) => p.code === code && !p.value.startsWith('NOREF-')).length;
    expect([real('lot-reference'), real('duplicate-row')]).toEqual([199, 4]);
    expect(count('duplicate-reference')).toBe(0);
    // Warnings: 01-Jan-2000 start dates. Mutuals register numbers (IP12345R) in the company number column are kept as VCSE registration numbers.
    expect(count('placeholder-date')).toBe(226);
    expect(count('not-a-company-number')).toBe(0);
    // No cell the importer could not read.
    expect(reading.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads Norfolk\'s cells as the council meant them', async () => {
    const { created } = await dryRun('norfolk_cc_contracts_2015.csv');
    const first = created.find((c) => c.reference === 'BAN12005');
    expect(first).toMatchObject({
      title: 'Contract for Day Care March 1995 (Incatern Limited)',
      department: 'COMMUNITY SERVICES',
      supplier: { name: 'INCATERN LIMITED', companyNumber: '02165763' },
      value: { total: 1567, basis: 'estimated' },
      owner: { name: 'PART B SERVICES' },
    });
    expect(created.filter((c) => c.supplier.vcseNumber !== undefined)).toHaveLength(19);
    const dated = created.filter((c) => c.startDate !== undefined && c.endDate !== undefined);
    expect(dated.length).toBeGreaterThan(3000);
    expect(dated.every((c) => (c.endDate ?? '') >= (c.startDate ?? ''))).toBe(true);
  });

  it('imports the Devon Contracts Finder award with its quoted multi-line description', async () => {
    const { accepted, created } = await dryRun('devon_cf_award_2020.csv');
    expect(accepted).toBe(1);
    expect(created[0]).toMatchObject({ supplier: { name: 'KCOM' }, startDate: '2020-05-27', endDate: '2023-05-26' });
    expect(created[0]?.description).toContain('\n');
  });

  it('imports the four Telford & Wrekin award notices', async () => {
    const { accepted, rejected, created } = await dryRun('telford_wrekin_cf_awards_2020.csv');
    expect([accepted, rejected]).toEqual([4, 0]);
    expect(created[0]?.value.total).toBe(25000);
  });

  it('refuses the mySociety tender extract with one message: a list of tenders, with no supplier column', async () => {
    await expect(dryRun('mysociety_cf_council_climate_contracts_2022.csv')).rejects.toMatchObject({
      code: 'no-supplier-column',
      message:
        'mysociety_cf_council_climate_contracts_2022.csv has 683 rows but no supplier column, so none of them can be imported as a contract: ' +
        'its columns (tender_title, tender_description, classification_id, classification_description, buyer_name, contract_expires_days_from_now, ...) ' +
        'are those of a list of tenders, not a register of contracts let to suppliers — import the contracts register, which names each contract\'s supplier, ' +
        'or map the column that does with --map "Header=supplierName"',
    });
  });

  it('imports the Contracts Finder OCDS awards: one contract per award and supplier, newest release only', async () => {
    const { reading, accepted, rejected, created } = await dryRun('cf_ocds_council_awards_2025.json');
    expect(reading.rows).toBe(94);
    expect([accepted, rejected]).toEqual([94, 0]);
    // Each contract keeps the council that let it; the file's 38 buyers are listed once, with how to choose.
    expect(created.every((c) => c.buyer?.name !== undefined)).toBe(true);
    const buyers = reading.problems.filter((p) => p.code === 'several-buyers');
    expect(buyers).toHaveLength(1);
    expect(buyers[0]?.message).toMatch(/^cf_ocds_council_awards_2025\.json holds the awards of 38 buyers, and all were read, each contract keeping its buyer: Warwickshire County Council \(WCC\) \(GB-CFS-161794\): 17; Welland Procurement Unit \([^)]*\): 14; /);
    expect(buyers[0]?.message).toMatch(/ — to import only your council's, import it again with --buyer "NAME" or --buyer ID$/);
  });

  it('imports only one council\'s OCDS awards when the buyer is named', async () => {
    const reading = await readRegister(spreadsheetFile(`${FOLDER}cf_ocds_council_awards_2025.json`), { buyer: 'london borough of merton' });
    expect(reading.accepted.map((row) => (JSON.parse(row.json) as Contract).buyer)).toEqual(
      reading.accepted.map(() => ({ name: 'London Borough of Merton', id: 'GB-CFS-18525' })),
    );
    expect(reading.rows).toBe(reading.accepted.length);
    expect(reading.rows).toBeGreaterThan(0);
    expect(reading.problems.filter((p) => p.code === 'several-buyers')).toEqual([]);
    await expect(readRegister(spreadsheetFile(`${FOLDER}cf_ocds_council_awards_2025.json`), { buyer: 'Nowhere Council' })).rejects.toMatchObject({ code: 'buyer-not-found' });
  });
});
