import { describe, expect, it } from 'vitest';
import { convertRow } from './convert-row.js';
import { OCDS_COLUMNS, buyersOf, isBuyersRow, ocdsToRows } from './ocds.js';

const release = (id: string, date: string, suppliers: { id: string; name: string }[]) => ({
  ocid: 'ocds-b5fd17-1',
  id,
  date,
  tender: { title: 'Parking enforcement', classification: { description: 'Parking services' }, procurementMethod: 'open' },
  parties: [{ id: 'S1', name: 'Marston Holdings', identifier: { scheme: 'GB-COH', id: '1234567' }, details: { scale: 'large', vcse: false }, roles: ['supplier'] }],
  awards: [{ id: 'ocds-b5fd17-1-1', value: { amount: 93007, currency: 'GBP' }, suppliers, contractPeriod: { startDate: '2025-01-23T00:00:00Z', endDate: '2025-04-23T23:59:59+01:00' } }],
});

describe('ocdsToRows', () => {
  it('makes one contract per award with buyer-facing fields, supplier, value and period', () => {
    const rows = ocdsToRows({ releases: [release('r1', '2025-01-01', [{ id: 'S1', name: 'Marston Holdings' }])] }, 'awards.json');
    const { contract } = convertRow(rows[0] ?? { sheet: '', row: 0, cells: [] }, OCDS_COLUMNS);
    expect(contract).toMatchObject({
      reference: 'ocds-b5fd17-1-1',
      title: 'Parking enforcement',
      category: 'Parking services',
      supplier: { name: 'Marston Holdings', companyNumber: '01234567', sme: false, vcse: false },
      startDate: '2025-01-23',
      endDate: '2025-04-23',
      value: { total: 93007 },
      procurement: { route: 'open' },
    });
  });

  it('keeps the buyer, from the release or from the party whose role is buyer', () => {
    const withBuyer = { ...release('r1', '2025-01-01', [{ id: 'S1', name: 'Marston Holdings' }]), buyer: { id: 'GB-CFS-18525', name: 'London Borough of Merton' } };
    const byParty = {
      ...release('r2', '2025-01-01', [{ id: 'S1', name: 'Marston Holdings' }]),
      ocid: 'ocds-b5fd17-2',
      parties: [{ id: 'GB-CFS-257613', name: 'City of Doncaster Council', roles: ['buyer'] }],
    };
    const rows = ocdsToRows({ releases: [withBuyer, byParty] }, 'awards.json');
    expect(rows.map((row) => convertRow(row, OCDS_COLUMNS).contract?.buyer)).toEqual([
      { name: 'London Borough of Merton', id: 'GB-CFS-18525' },
      { name: 'City of Doncaster Council', id: 'GB-CFS-257613' },
    ]);
  });

  it('counts the rows of each buyer, most first, and picks a buyer\'s rows by name or id', () => {
    const of = (ocid: string, id: string, name: string) => ({ ...release(ocid, '2025-01-01', [{ id: 'S1', name: 'A' }]), ocid, buyer: { id, name } });
    // Doncaster has two awards, Merton one: Doncaster first.
    const rows = ocdsToRows([of('o1', 'GB-CFS-18525', 'London Borough of Merton'), of('o2', 'GB-CFS-257613', 'City of Doncaster Council'), of('o3', 'GB-CFS-257613', 'City of Doncaster Council')], 'awards.json');
    expect(buyersOf(rows)).toEqual([
      { name: 'City of Doncaster Council', id: 'GB-CFS-257613', rows: 2 },
      { name: 'London Borough of Merton', id: 'GB-CFS-18525', rows: 1 },
    ]);
    expect(rows.filter((row) => isBuyersRow(row, '  city of doncaster  council ')).length).toBe(2);
    expect(rows.filter((row) => isBuyersRow(row, 'GB-CFS-18525')).length).toBe(1);
    expect(rows.filter((row) => isBuyersRow(row, 'Doncaster')).length).toBe(0);
  });

  it('makes one contract per supplier of a framework award', () => {
    const rows = ocdsToRows([release('r1', '2025-01-01', [{ id: 'S1', name: 'A' }, { id: 'S2', name: 'B' }])], 'awards.json');
    expect(rows.map((r) => r.cells[0])).toEqual(['ocds-b5fd17-1-1/1', 'ocds-b5fd17-1-1/2']);
  });

  it('lets the newest release of a process speak for it', () => {
    const rows = ocdsToRows(
      { releases: [release('r2', '2025-03-11T10:32:13Z', [{ id: 'S1', name: 'New name' }]), release('r1', '2025-03-11T10:31:54Z', [{ id: 'S1', name: 'Old name' }])] },
      'awards.json',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row).toBe(1);
  });
});
