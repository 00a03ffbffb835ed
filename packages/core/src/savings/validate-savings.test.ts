import { describe, expect, it } from 'vitest';
import { savingRowsFromJson, validateSavingRows } from './validate-savings.js';
import { IEG4_SAVING } from './ieg4-example.js';

const row = IEG4_SAVING;

describe('validating an import of savings', () => {
  it('reads the public JSON format', () => {
    const rows = savingRowsFromJson(JSON.stringify({ savings: [row] }));
    expect(rows.success && validateSavingRows(rows.value).success).toBe(true);
  });

  it('says what is wrong with each bad row and returns no savings at all', () => {
    const rows = [
      { where: 'savings[0]', fields: row },
      { where: 'savings[1]', fields: { ...row, start: '31/02/2025', id: 'B' } },
      { where: 'savings[2]', fields: { ...row, contract: 'CON-9999', id: 'C' } },
    ];
    const result = validateSavingRows(rows, new Set(['CON-0042']));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['invalid-custom', [1, 'start']],
      ['unknown-contract', [2, 'contract']],
    ]);
    expect(result.problems[1]?.message).toBe('savings[2]: contract "CON-9999" is not in the register — correct the reference, or import the contract first');
  });

  it('refuses two rows that would be the same saving', () => {
    const result = validateSavingRows([
      { where: 'Savings!2', fields: row },
      { where: 'Savings!3', fields: row },
    ]);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems[0]?.message).toContain('also at Savings!2');
  });

  it('explains a file that is not JSON or has no savings list', () => {
    expect(savingRowsFromJson('{').success).toBe(false);
    const wrongShape = savingRowsFromJson('[1,2]');
    expect(!wrongShape.success && wrongShape.problems[0]?.code).toBe('invalid-savings-file');
  });
});
