import { describe, expect, it } from 'vitest';
import { checkApproval } from './check-approval.js';

const today = '2026-11-26';
const given = { name: 'Jane Smith', role: 'Chair, Technical Design Authority', date: '2026-11-25' };
const codes = (result: ReturnType<typeof checkApproval>) => (result.success ? [] : result.problems.map((p) => p.code));

describe('checkApproval', () => {
  it('accepts a named approver with a role on a past day, trimmed', () => {
    expect(checkApproval({ name: '  Jane Smith ', role: ' Chair, Technical Design Authority\t', date: ' 2026-11-25 ' }, today)).toEqual({ success: true, value: given });
  });

  it('accepts an approval given today', () => {
    expect(checkApproval({ ...given, date: today }, today).success).toBe(true);
  });

  it('needs a name and a role that are more than spaces', () => {
    expect(codes(checkApproval({ ...given, name: '   ' }, today))).toEqual(['approver-name-missing']);
    expect(codes(checkApproval({ ...given, role: '' }, today))).toEqual(['approver-role-missing']);
  });

  it('refuses a date that is not a real day written YYYY-MM-DD', () => {
    for (const date of ['2026-02-29', '26/11/2026', '2026-11-5', '']) {
      expect(codes(checkApproval({ ...given, date }, today))).toEqual(['invalid-approval-date']);
    }
    const result = checkApproval({ ...given, date: '2026-02-29' }, today);
    expect(result.success ? '' : result.problems[0]?.message).toBe('"2026-02-29" is not a date: write the day of the approval as YYYY-MM-DD, e.g. 2026-03-31.');
  });

  it('refuses an approval dated after today, since it has not been given yet', () => {
    const result = checkApproval({ ...given, date: '2026-11-27' }, today);
    expect(result).toEqual({
      success: false,
      problems: [
        {
          code: 'approval-date-in-future',
          path: ['date'],
          message: 'The approval date 2026-11-27 is after today (2026-11-26): record an approval once it has been given, on the day it was given.',
        },
      ],
    });
  });

  it('reports every problem at once, each at its field', () => {
    const result = checkApproval({ name: '', role: ' ', date: '2027-01-01' }, today);
    expect(result.success ? [] : result.problems.map((p) => [p.code, p.path])).toEqual([
      ['approver-name-missing', ['name']],
      ['approver-role-missing', ['role']],
      ['approval-date-in-future', ['date']],
    ]);
  });
});
