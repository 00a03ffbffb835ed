import { describe, expect, it } from 'vitest';
import type { ModificationRecord } from '../procurement-act/modification-record.js';
import { KpiSchema, ReviewMeetingSchema } from '../performance/kpi.schema.js';
import { ContractSchema, type ContractInput } from '../register/contract.schema.js';
import { parseDutyThresholds, renewalSettings } from '../renewals/renewal-settings.js';
import { EMPTY_LEDGER, isDutyKind, type DueWarning, type LedgerWarning, type RenewalLedger } from '../renewals/warnings.js';
import { dueDutyWarnings, NO_DUTY_RECORDS, type DutyRecords } from './duty-deadlines.js';

/** A Procurement Act contract entered into on Thursday 20 November 2025: its UK7 is due Friday 19 December. */
const act = (input: Partial<ContractInput> = {}) =>
  ContractSchema.parse({
    reference: 'CON-1',
    title: 'Waste',
    supplier: { name: 'Veolia' },
    owner: { name: 'Asha Khan', email: 'a.khan@council.gov.uk' },
    escalationContact: { name: 'Procurement', email: 'procurement@council.gov.uk' },
    startDate: '2025-12-01',
    endDate: '2029-11-30',
    renewalType: 'fixed',
    value: { total: 1_000_000 },
    ...input,
    law: { regime: 'PA2023', procurementStarted: '2025-03-01', enteredInto: '2025-11-20', contractType: 'services', vatIncluded: true },
  });

const fourteenDays = renewalSettings({ dutyThresholds: { UK7: [14] } });
const duties = (warnings: DueWarning[]) => warnings.filter((w) => isDutyKind(w.kind));
const ofKind = (warnings: DueWarning[], kind: string) => warnings.filter((w) => w.kind === kind);
const ledgerOf = (...warnings: (Partial<LedgerWarning> & Pick<LedgerWarning, 'key' | 'kind' | 'deadline' | 'threshold'>)[]): RenewalLedger => ({
  warnings: warnings.map((w) => ({ reference: 'CON-1', escalation: false, state: 'sent', ...w })),
  decisions: [],
});

describe('dueDutyWarnings: statutory obligations', () => {
  it('warns of the UK7 of a contract entered 20 November 2025 (due 19 December) from 5 December with 14 warning days', () => {
    expect(ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2025-12-04', fourteenDays), 'UK7')).toEqual([]);
    const [uk7, ...others] = ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2025-12-05', fourteenDays), 'UK7');
    expect(others).toEqual([]);
    expect(uk7).toMatchObject({
      key: 'CON-1|UK7|2025-12-19|14',
      deadline: '2025-12-19',
      daysLeft: 14,
      threshold: 14,
      recipient: { email: 'a.khan@council.gov.uk' },
      subject: { type: 'obligation', occurrence: 'UK7' },
    });
    expect(uk7?.rule).toContain('s.53(1)');
  });

  it('sends each warning once: a key already in the ledger is not due again', () => {
    const ledger = ledgerOf({ key: 'CON-1|UK7|2025-12-19|14', kind: 'UK7', deadline: '2025-12-19', threshold: 14, state: 'acknowledged' });
    expect(ofKind(dueDutyWarnings([act()], ledger, '2025-12-10', fourteenDays), 'UK7')).toEqual([]);
  });

  it('raises nothing once the publication is recorded', () => {
    const records: DutyRecords = { ...NO_DUTY_RECORDS, publications: [{ reference: 'CON-1', obligation: 'UK7', key: 'UK7', publishedOn: '2025-12-01', recordedBy: 'a', recordedAt: '2025-12-01T09:00:00Z' }] };
    expect(ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2025-12-05', fourteenDays, records), 'UK7')).toEqual([]);
  });

  it('reports an unrecorded UK7 as overdue the day after its last day, 20 December', () => {
    const [uk7] = ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2025-12-20', fourteenDays), 'UK7');
    expect(uk7).toMatchObject({ key: 'CON-1|UK7|2025-12-19|overdue', overdue: true, daysLeft: -1 });
  });

  it('escalates to the escalation contact when the owner has not acknowledged an earlier warning, within 14 days', () => {
    const ledger = ledgerOf({ key: 'CON-1|UK7|2025-12-19|14', kind: 'UK7', deadline: '2025-12-19', threshold: 14 });
    const [toOwner, escalation, ...others] = ofKind(dueDutyWarnings([act()], ledger, '2025-12-12'), 'UK7');
    expect(others).toEqual([]);
    expect(toOwner).toMatchObject({ key: 'CON-1|UK7|2025-12-19|7', escalation: false });
    expect(escalation).toMatchObject({ key: 'CON-1|UK7|2025-12-19|7|escalation', escalation: true, recipient: { email: 'procurement@council.gov.uk' } });
    const acknowledged = ledgerOf({ key: 'CON-1|UK7|2025-12-19|14', kind: 'UK7', deadline: '2025-12-19', threshold: 14, state: 'acknowledged' });
    expect(ofKind(dueDutyWarnings([act()], acknowledged, '2025-12-12'), 'UK7').map((w) => w.escalation)).toEqual([false]);
  });

  it('keys a contract change notice by its modification, UK10:MOD-1, due before the change takes effect', () => {
    const mod: ModificationRecord = {
      id: 'MOD-1', reference: 'CON-1', date: '2026-03-02', valueChange: 200_000, termChangeDays: 0, ground: 'schedule-8-para-5', regime: 'PA2023', belowThreshold: false, noticeRequired: true, recordedBy: 'a', recordedAt: '2026-02-01T09:00:00Z',
    };
    // 2 March 2026 minus 21 days is 9 February.
    const warnings = ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2026-02-09', renewalSettings(), { ...NO_DUTY_RECORDS, modifications: [mod] }), 'UK10');
    expect(warnings.map((w) => w.key)).toEqual(['CON-1|UK10:MOD-1|2026-03-02|21']);
    expect(warnings[0]?.subject).toEqual({ type: 'obligation', occurrence: 'UK10:MOD-1' });
  });
});

describe('dueDutyWarnings: contract performance', () => {
  const kpi = KpiSchema.parse({ contract: 'CON-1', name: 'Bins collected', measure: 'percentage', target: 98, frequency: 'quarterly', from: '2026-01-01' });
  const records: DutyRecords = { ...NO_DUTY_RECORDS, kpis: [kpi] };

  it('asks for a KPI result 7 days before its quarter ends (31 March 2026: from 24 March), and reports it overdue from 1 April', () => {
    expect(ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2026-03-23', renewalSettings(), records), 'kpi-result')).toEqual([]);
    const [due] = ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2026-03-24', renewalSettings(), records), 'kpi-result');
    expect(due).toMatchObject({ key: 'CON-1|kpi-result:Bins collected:2026-01-01|2026-03-31|7', subject: { type: 'kpi-result', kpi: 'Bins collected', periodStart: '2026-01-01', periodEnd: '2026-03-31' } });
    const [overdue] = ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2026-04-01', renewalSettings(), records), 'kpi-result');
    expect(overdue).toMatchObject({ key: 'CON-1|kpi-result:Bins collected:2026-01-01|2026-03-31|overdue', overdue: true });
  });

  it('stops asking once the result is recorded', () => {
    const result = { contract: 'CON-1', kpi: 'Bins collected', periodStart: '2026-01-01', periodEnd: '2026-03-31', value: 99, enteredBy: 'a', enteredAt: '2026-04-01T09:00:00Z' };
    expect(ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2026-04-01', renewalSettings(), { ...records, results: [result] }), 'kpi-result')).toEqual([]);
  });

  it('warns of the next review of a contract with KPIs 30 days before: started 1 December 2025, reviewed twice a year, so 1 June 2026, warned from 2 May', () => {
    expect(ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2026-05-01', renewalSettings(), records), 'review-meeting')).toEqual([]);
    const [review] = ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2026-05-02', renewalSettings(), records), 'review-meeting');
    expect(review).toMatchObject({ key: 'CON-1|review-meeting|2026-06-01|30', deadline: '2026-06-01' });
  });

  it('does not ask contracts with no KPIs or reviews to meet', () => {
    expect(ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, '2026-05-02', renewalSettings()), 'review-meeting')).toEqual([]);
  });

  it('reports an action agreed at a review once it is overdue', () => {
    const meeting = ReviewMeetingSchema.parse({ id: 'R-1', contract: 'CON-1', date: '2026-02-01', held: true, actions: [{ description: 'Replace bins', owner: 'Veolia', due: '2026-02-28' }] });
    const due = (today: string) => ofKind(dueDutyWarnings([act()], EMPTY_LEDGER, today, renewalSettings(), { ...NO_DUTY_RECORDS, reviews: [meeting] }), 'review-action');
    expect(due('2026-02-28')).toEqual([]);
    expect(due('2026-03-01').map((w) => w.key)).toEqual(['CON-1|review-action:R-1:1|2026-02-28|overdue']);
  });

  it('leaves the renewal warnings as they were', () => {
    const contract = act({ renewalType: 'automatic', noticePeriod: { amount: 3, unit: 'months' }, law: undefined });
    const warnings = dueDutyWarnings([contract], EMPTY_LEDGER, '2029-08-01', renewalSettings(), records);
    expect(warnings.filter((w) => !isDutyKind(w.kind)).map((w) => w.kind)).toContain('notice');
    expect(duties(warnings).every((w) => w.kind !== 'UK7')).toBe(true);
  });
});

describe('parseDutyThresholds', () => {
  it('reads kinds and days, any case, and refuses unknown kinds and days over a year', () => {
    expect(parseDutyThresholds('UK7=14,7,1; kpi-result=3')).toEqual({ UK7: [14, 7, 1], 'kpi-result': [3] });
    expect(parseDutyThresholds('uk9=30')).toEqual({ UK9: [30] });
    expect(parseDutyThresholds('UK99=3')).toBeUndefined();
    expect(parseDutyThresholds('UK7=400')).toBeUndefined();
    expect(parseDutyThresholds('UK7 14')).toBeUndefined();
  });
});
