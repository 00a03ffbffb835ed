import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { indexedRenewalDates } from '../support/indexed-dates.js';
import { steward } from '../support/run-steward.js';

let folder: string;
let db: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steward-renewals-'));
  db = join(folder, 'steward.db');
});

const run = (...args: string[]) => steward([...args, '--db', db], { USER: 'b.jones' }, folder);

interface RenewalJson {
  reference: string;
  kind: string;
  date: string;
  daysLeft: number;
  overdue: boolean;
  rule: string;
  assumed?: boolean;
  flags: { code: string; message: string }[];
}

/**
 * A register as a council keeps it in Excel: UK dates typed as text, "2+1+1" options, a
 * tacitly renewing contract with no notice period recorded.
 */
async function importRegister(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Register');
  sheet.addRow(['Reference', 'Title', 'Supplier', 'End date', 'Notice period', 'Extension options', 'Extensions taken', 'Auto-renewal period', 'Procurement route', 'Owner email', 'Escalation email']);
  sheet.addRow(['CON-A', 'Waste collection', 'Veolia ES (UK) Ltd', '31/08/2026', '6 months', '', '', '', 'Open procedure', 'a.khan@council.gov.uk', '']);
  sheet.addRow(['CON-B', 'ICT support', 'Civica UK Ltd', '31/03/2026', '3 months', '2+1+1', '1', '', 'Framework call-off', 'a.khan@council.gov.uk', 'procurement@council.gov.uk']);
  sheet.addRow(['CON-C', 'Parking permits software', 'Permit Co Ltd', '30/06/2024', '', '', '', '12 months', '', 'c.patel@council.gov.uk', '']);
  const file = join(folder, 'register.xlsx');
  await workbook.xlsx.writeFile(file);
  const imported = await run('import', file);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
}

describe('steward renewals', () => {
  it('gives the dates a contract manager works out by hand from an imported register, and says why', async () => {
    await importRegister();
    const result = await run('renewals', '--as-of', '2026-01-15', '--within', '100', '--json');
    expect(result.stderr).toBe('');
    const rows = JSON.parse(result.stdout) as RenewalJson[];
    expect(rows.map((r) => [r.reference, r.kind, r.date, r.daysLeft])).toEqual([
      // 31 August 2026 minus 270 days for an open procedure: Thursday 4 December 2025, 42 days ago.
      ['CON-A', 'reprocure', '2025-12-04', -42],
      // 31 March 2026 minus 3 months: the second 1-year option had to be decided by 31 December 2025.
      ['CON-B', 'extension', '2025-12-31', -15],
      // 31 August 2026 minus 6 months is Saturday 28 February: the Friday before.
      ['CON-A', 'notice', '2026-02-27', 43],
      // Renewed 30 June 2025 and renews 30 June 2026; 3 months' notice assumed, by Monday 30 March.
      ['CON-C', 'notice', '2026-03-30', 74],
      ['CON-B', 'end', '2026-03-31', 75],
    ]);
    expect(rows[0]?.overdue).toBe(true);
    const [, extension, noticeA, noticeC] = rows;
    expect(extension?.rule).toBe(
      'Decide on extension option 2 of 2 (1 year, to Wednesday 31 March 2027) by the last day to take it: Tuesday 31 March 2026 minus the notice period of 3 months is Wednesday 31 December 2025.',
    );
    expect(noticeA?.rule).toBe(
      'Last day to give notice in case it renews automatically (the register does not say whether it does): Monday 31 August 2026 minus the notice period of 6 months is Saturday 28 February 2026, which is a Saturday, so the previous working day, Friday 27 February 2026.',
    );
    expect(noticeC).toMatchObject({ assumed: true, flags: [{ code: 'assumed-notice' }] });
    expect(noticeC?.rule).toContain('the default notice period of 3 months (assumed: the contract records none)');
  });

  it('lists everything ahead without --within, soonest first, including re-procurement and tacit renewal', async () => {
    await importRegister();
    const rows = JSON.parse((await run('renewals', '--as-of', '2026-01-15', '--json')).stdout) as RenewalJson[];
    const later = rows.filter((r) => r.daysLeft > 75).map((r) => [r.reference, r.kind, r.date, r.daysLeft]);
    expect(later).toEqual([
      ['CON-C', 'renewal', '2026-06-30', 166],
      ['CON-A', 'end', '2026-08-31', 228],
      // Latest end 31 March 2027 minus 180 days for a framework call-off is Friday 2 October 2026.
      ['CON-B', 'reprocure', '2026-10-02', 260],
    ]);
  });

  it('filters by owner and prints a table', async () => {
    await importRegister();
    const table = await run('renewals', '--as-of', '2026-01-15', '--owner', 'C.Patel@council.gov.uk');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Notice deadline');
    expect(table.stdout).toContain('no notice period recorded: the default is assumed');
    expect(table.stdout).not.toContain('CON-A');
    expect(table.stdout).toContain('2 key dates as of 2026-01-15');
  });

  it('says so when nothing is due, and refuses a bad --within', async () => {
    expect((await run('renewals', '--as-of', '2026-01-15')).stdout).toBe('No renewal dates from 2026-01-15.\n');
    const bad = await run('renewals', '--within', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('steward: --within "soon" is not a number of days: give a whole number from 0 to 36500, e.g. --within 90\n');
  });
});

describe('governance lead times', () => {
  /** CON-0042, worth £300,000, ends 31 March 2027 with 6 months' notice: the last day for notice is Wednesday 30 September 2026. */
  async function addContract(): Promise<void> {
    const store = await openStore({ kind: 'sqlite', path: db });
    await store.contracts.upsert(makeContract({ reference: 'CON-0042' }), { actor: 'test', source: 'test' });
    await store.close();
  }
  const noticeDate = async (args: string[], env: Record<string, string> = {}) => {
    const result = await steward(['renewals', '--as-of', '2026-01-15', '--json', ...args, '--db', db], env, folder);
    expect(result.stderr).toBe('');
    return (JSON.parse(result.stdout) as RenewalJson[]).find((r) => r.kind === 'notice')?.date;
  };

  it('moves the notice decision by the council\'s bands, from the option or the variable the bot reads', async () => {
    await addContract();
    // The default bands: 42 days for a contract under £500,000.
    expect(await noticeDate([])).toBe('2026-08-19');
    expect(await noticeDate(['--governance-lead-times', '250000:0,14'])).toBe('2026-09-16');
    expect(await noticeDate([], { GOVERNANCE_LEAD_TIMES: '500000:0,70' })).toBe('2026-09-30');
    expect(await noticeDate(['--governance-lead-times', '250000:0,14'], { GOVERNANCE_LEAD_TIMES: '500000:0,70' })).toBe('2026-09-16');
    const warnings = await steward(['warnings', '--as-of', '2026-09-10', '--json', '--governance-lead-times', '250000:0,14', '--db', db], {}, folder);
    expect((JSON.parse(warnings.stdout) as { key: string }[]).map((w) => w.key)).toContain('CON-0042|notice|2026-09-16|7');
  });

  it('keeps the deadline index in the rules of GOVERNANCE_LEAD_TIMES, as the bot does, so their questions can read it', async () => {
    await addContract();
    // 30 September 2026 less the default 42 days of approval for £300,000.
    expect(indexedRenewalDates(db, 'CON-0042').notice).toBe('2026-08-19');
    // Less 90 days: Thursday 2 July 2026.
    expect(await noticeDate([], { GOVERNANCE_LEAD_TIMES: '100000:0,90' })).toBe('2026-07-02');
    expect(indexedRenewalDates(db, 'CON-0042').notice).toBe('2026-07-02');
    // A one-off option answers with its own bands but leaves the index the bot shares as it is.
    expect(await noticeDate(['--governance-lead-times', '250000:0,14'], { GOVERNANCE_LEAD_TIMES: '100000:0,90' })).toBe('2026-09-16');
    expect(indexedRenewalDates(db, 'CON-0042').notice).toBe('2026-07-02');
  });

  it('refuses bands it cannot read, saying what they look like', async () => {
    const bad = await run('renewals', '--governance-lead-times', '100000:0,500000:42');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'steward: --governance-lead-times "100000:0,500000:42" is not governance lead times: give value limits in pounds and days, such as 100000:0,500000:42,70 (0 days under £100,000, 42 under £500,000, 70 above): each limit higher than the one before, the last band days only, at most 365 days\n',
    );
    const fromEnv = await steward(['warnings', '--db', db], { GOVERNANCE_LEAD_TIMES: 'soon' }, folder);
    expect(fromEnv).toMatchObject({ code: 2, stderr: expect.stringContaining('steward: GOVERNANCE_LEAD_TIMES "soon" is not governance lead times') });
  });
});

describe('steward warnings', () => {
  it('shows which warnings are due and to whom, without sending them', async () => {
    await importRegister();
    const result = await run('warnings', '--as-of', '2026-01-15', '--json');
    const warnings = JSON.parse(result.stdout) as { key: string; recipient?: { email?: string } }[];
    expect(warnings.map((w) => [w.key, w.recipient?.email])).toEqual([
      ['CON-A|reprocure|2025-12-04|overdue', 'a.khan@council.gov.uk'],
      ['CON-B|extension|2025-12-31|overdue', 'a.khan@council.gov.uk'],
      ['CON-A|notice|2026-02-27|60', 'a.khan@council.gov.uk'],
      ['CON-C|notice|2026-03-30|90', 'c.patel@council.gov.uk'],
      ['CON-B|end|2026-03-31|90', 'a.khan@council.gov.uk'],
      ['CON-C|renewal|2026-06-30|180', 'c.patel@council.gov.uk'],
    ]);
    // Looking sends nothing: the same warnings are still due.
    expect(JSON.parse((await run('warnings', '--as-of', '2026-01-15', '--json')).stdout)).toHaveLength(6);
    const table = await run('warnings', '--as-of', '2026-01-15');
    expect(table.stdout).toContain('6 warnings due on 2026-01-15.');
    expect(table.stdout).toMatch(/CON-B\s+overdue\s+a\.khan@council\.gov\.uk/);
  });
});

describe('steward decide', () => {
  it('extends a contract, which moves its end date and what is due next, and audits who did it', async () => {
    await importRegister();
    const result = await run('decide', 'CON-B', 'extend', '--as-of', '2026-01-15', '--note', 'Approved by DDaT board');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      'b.jones took extension option 2 of 2 (1 year) for CON-B: it now ends on Wednesday 31 March 2027.\n' +
        'Next: start re-procurement on Friday 2 October 2026 (260 days).\n',
    );
    const rows = JSON.parse((await run('renewals', '--as-of', '2026-01-15', '--json')).stdout) as RenewalJson[];
    expect(rows.filter((r) => r.reference === 'CON-B').map((r) => [r.kind, r.date])).toEqual([
      ['reprocure', '2026-10-02'],
      ['end', '2027-03-31'],
    ]);
    const store = await openStore({ kind: 'sqlite', path: db });
    const [decision, update] = await store.audit.list({ entity: 'contract', entityKey: 'CON-B' });
    await store.close();
    expect(decision).toMatchObject({ action: 'renewal-decision:extend', actor: 'b.jones', source: 'cli', changes: { decision: { to: { action: 'extend', note: 'Approved by DDaT board' } } } });
    expect(update).toMatchObject({ action: 'update', actor: 'b.jones', changes: { endDate: { from: '2026-03-31', to: '2027-03-31' } } });
    const again = await run('decide', 'CON-B', 'extend', '--as-of', '2026-01-15');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('steward: CON-B has taken all 2 of its extension options. Re-procure, or record a renegotiation.\n');
  });

  it('snoozes warnings for some days, and settles them with a decision', async () => {
    await importRegister();
    const snoozed = await run('decide', 'CON-A', 'snooze', '--days', '14', '--as-of', '2026-01-15', '--json');
    expect(JSON.parse(snoozed.stdout).decision).toMatchObject({ action: 'snooze', snoozedUntil: '2026-01-29', by: 'b.jones' });
    const keys = async (day: string) => (JSON.parse((await run('warnings', '--as-of', day, '--json')).stdout) as { key: string }[]).map((w) => w.key).filter((k) => k.startsWith('CON-A'));
    expect(await keys('2026-01-28')).toEqual([]);
    // The re-procurement date (4 December 2025) is still overdue once the snooze ends.
    expect(await keys('2026-01-29')).toEqual(['CON-A|reprocure|2025-12-04|overdue', 'CON-A|notice|2026-02-27|30']);
    expect((await run('decide', 'CON-A', 'let-expire', '--as-of', '2026-01-29')).code).toBe(0);
    expect(await keys('2026-01-29')).toEqual([]);
  });

  it('explains mistakes in one line', async () => {
    await importRegister();
    expect((await run('decide', 'CON-A', 'postpone')).stderr).toBe(
      'steward: "postpone" is not a decision. Use one of: acknowledge, snooze, extend, reprocure, terminate, let-expire, renegotiated.\n',
    );
    expect((await run('decide', 'CON-A', 'snooze')).stderr).toBe('steward: snooze needs --days N, e.g. steward decide CON-0042 snooze --days 7\n');
    const missing = await run('decide', 'CON-404', 'terminate');
    expect(missing).toMatchObject({ code: 1, stderr: 'steward: No contract with reference "CON-404". List them with: steward contracts list\n' });
    expect((await run('decide', 'CON-A', 'extend')).stderr).toContain('CON-A has no extension options');
    expect(await run('decide', 'CON-B', 'extend', '--end-date', '2026-02-31')).toMatchObject({
      code: 2,
      stderr: "steward: --end-date goes with renegotiated only: extend does not set a new end date (extend takes the contract's next option). Nothing was recorded.\n",
    });
  });
});
