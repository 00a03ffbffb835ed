import { describe, expect, it } from 'vitest';
import { cellAddress, importProblem } from './import-problem.js';

describe('import problems', () => {
  it('quotes a sheet name with spaces in a cell address', () => {
    expect(cellAddress('Contracts 2026', 12, 'F')).toBe("'Contracts 2026'!F12");
  });

  it('starts the message with the cell address', () => {
    const problem = importProblem({ sheet: 'Register', row: 12, column: 'F', value: 'TBC' }, 'not-a-date', '"TBC" is not a date — write it as 31/03/2026 or leave it blank');
    expect(problem).toEqual({
      code: 'not-a-date',
      severity: 'error',
      sheet: 'Register',
      row: 12,
      column: 'F',
      value: 'TBC',
      message: 'Register!F12: "TBC" is not a date — write it as 31/03/2026 or leave it blank',
    });
  });
});
