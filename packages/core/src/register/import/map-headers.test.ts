import { describe, expect, it } from 'vitest';
import { mapHeaders, normaliseHeader } from './map-headers.js';

const fields = (headers: string[], mapping?: Map<string, never>) =>
  Object.fromEntries(mapHeaders(headers, mapping).columns.map((c) => [c.header, c.field]));

describe('mapHeaders', () => {
  it('maps the LGA contracts schema header Norfolk publishes', () => {
    expect(
      fields(['Contract Reference number / ID', 'Title of the Agreement', 'Directorate / service responsible', 'Contract start date', 'End date', 'Contract value', 'Supplier name', 'Supplier registered company number', 'SME supplier', 'Nominated contact point: email']),
    ).toEqual({
      'Contract Reference number / ID': 'reference',
      'Title of the Agreement': 'title',
      'Directorate / service responsible': 'department',
      'Contract start date': 'startDate',
      'End date': 'endDate',
      'Contract value': 'totalValue',
      'Supplier name': 'supplierName',
      'Supplier registered company number': 'companyNumber',
      'SME supplier': 'sme',
      'Nominated contact point: email': 'ownerEmail',
    });
  });

  it('maps the NHS register dictionary', () => {
    expect(fields(['REFERENCE_NUMBER', 'CONTRACT_TITLE', 'SUPPLIER_NAME', 'CONTRACT_CURRENT_END_DATE', 'MAXIMUM_CONTRACT_END_DATE', 'CONTRACT_AWARD_VALUE'])).toEqual({
      REFERENCE_NUMBER: 'reference',
      CONTRACT_TITLE: 'title',
      SUPPLIER_NAME: 'supplierName',
      CONTRACT_CURRENT_END_DATE: 'endDate',
      MAXIMUM_CONTRACT_END_DATE: 'maximumEndDate',
      CONTRACT_AWARD_VALUE: 'totalValue',
    });
  });

  it('maps plain English whatever the case and punctuation', () => {
    expect(fields(['EXPIRY', 'Contract value (£)', 'end-date', 'Contract Ref.'])).toEqual({
      EXPIRY: 'endDate',
      'Contract value (£)': 'totalValue',
      'Contract Ref.': 'reference',
    });
  });

  it('reads the abbreviations registers use, word by word, so Co. Reg. No. keeps the company number', () => {
    const headers = ['Contract Ref.', 'Co. Reg. No.', 'Exp. Date', 'Dept.', 'Contract Mgr', 'Total Val (inc. VAT)', 'Supp. Name', 'Est. Ann. Val'];
    expect(mapHeaders(headers).columns.map((c) => [c.header, c.field])).toEqual([
      ['Contract Ref.', 'reference'],
      ['Co. Reg. No.', 'companyNumber'],
      ['Exp. Date', 'endDate'],
      ['Dept.', 'department'],
      ['Contract Mgr', 'ownerName'],
      ['Total Val (inc. VAT)', 'totalValue'],
      ['Supp. Name', 'supplierName'],
      ['Est. Ann. Val', 'annualValue'],
    ]);
  });

  it('prefers an exact synonym to a spelt-out match', () => {
    // "Contract" alone is the title; "Cont. No." spelt out is "contract number", the reference.
    expect(mapHeaders(['Contract', 'Cont. No.']).columns.map((c) => c.field)).toEqual(['title', 'reference']);
  });

  it('reports unknown columns and a second column for the same field, without failing', () => {
    const mapping = mapHeaders(['Reference', 'Colour', 'End date', 'Expiry']);
    expect(mapping.unmapped).toEqual([
      { index: 1, header: 'Colour' },
      { index: 3, header: 'Expiry' },
    ]);
  });

  it('ignores the Original row and Problem columns of a problems workbook, and does not report them as columns left out', () => {
    const mapping = mapHeaders(['Original row', 'Problem', 'Reference', 'Title', 'Supplier', 'Problems']);
    expect(mapping.columns.map((c) => c.field)).toEqual(['reference', 'title', 'supplierName']);
    expect(mapping.unmapped).toEqual([]);
  });

  it('lets the user map a header the tables do not know, or ignore one', () => {
    const mapping = mapHeaders(['Reference', 'Renewal due', 'End date'], new Map([['Renewal due', 'reviewDate'], ['End date', 'ignore']]));
    expect(mapping.columns.map((c) => c.field)).toEqual(['reference', 'reviewDate']);
    expect(mapping.unmapped).toEqual([]);
  });

  it('normalises headers to lower-case words', () => {
    expect(normaliseHeader('  Procurement classification: CPV label ')).toBe('procurement classification cpv label');
    expect(normaliseHeader('Supplier & Contractor')).toBe('supplier and contractor');
  });
});
