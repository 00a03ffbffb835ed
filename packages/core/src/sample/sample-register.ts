import { ContractSchema, type Contract } from '../register/contract.schema.js';
import type { KpiInput, KpiResult, UsageInput } from '../performance/kpi.schema.js';

function plusDays(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The sample register `steward sample` and `npm run playground` load: a small register for trying the bot: dates are relative to `today`, so some deadlines are
 * always coming up. The owner is the Agents Playground's default user.
 */
export function sampleRegister(today: string, owner = { name: 'Alex Wilber', email: 'alexw@example.com' }): Contract[] {
  const manager = { name: 'Megan Bowen', email: 'meganb@example.com' };
  const rows = [
    { reference: 'CON-0042', title: 'Revenues and benefits e-forms', supplier: { name: 'IEG4 Ltd', companyNumber: '04841343', sme: true }, serviceArea: 'Customer Services', endDate: plusDays(today, 120), noticePeriod: { amount: 3, unit: 'months' }, value: { annual: 100000, total: 300000, basis: 'fixed' }, procurement: { route: 'framework', framework: 'G-Cloud 13' }, renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 0 }, startDate: plusDays(today, -975), law: { regime: 'PA2023', enteredInto: plusDays(today, -980), contractType: 'services', vatIncluded: false, kpis: 3 } },
    { reference: 'CON-0107', title: 'Housing repairs management system', supplier: { name: 'Northgate Public Services' }, serviceArea: 'Housing', endDate: plusDays(today, 75), noticePeriod: { amount: 1, unit: 'months' }, value: { annual: 64000, total: 192000 } },
    { reference: 'CON-0131', title: 'Waste collection route optimisation', supplier: { name: 'Routeware UK Ltd', sme: true }, serviceArea: 'Environment', endDate: plusDays(today, 200), noticePeriod: { amount: 6, unit: 'months' }, value: { annual: 28500, total: 85500 } },
    { reference: 'CON-0158', title: 'Libraries self-service kiosks support', supplier: { name: 'Bibliotheca Ltd' }, serviceArea: 'Libraries', endDate: plusDays(today, 40), renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'years' } }, noticePeriod: { amount: 30, unit: 'days' }, value: { annual: 12400 } },
    { reference: 'CON-0203', title: 'Payroll and HR system', supplier: { name: 'Zellis UK Ltd' }, serviceArea: 'Human Resources', endDate: plusDays(today, 900), noticePeriod: { amount: 6, unit: 'months' }, value: { annual: 145000, total: 725000 }, procurement: { route: 'open' } },
    { reference: 'CON-0219', title: 'Parking enforcement handheld devices', supplier: { name: 'Civica UK Ltd' }, serviceArea: 'Highways and Transport', endDate: plusDays(today, 25), noticePeriod: { amount: 1, unit: 'months' }, value: { annual: 18000, total: 54000 } },
    { reference: 'CON-0234', title: 'Translation and interpreting services', supplier: { name: 'The Big Word', vcse: false }, serviceArea: 'Corporate', endDate: plusDays(today, 300), noticePeriod: { amount: 3, unit: 'months' }, value: { annual: 40000 } },
  ];
  return rows.map((row) => ContractSchema.parse({ ...row, owner, escalationContact: manager }));
}

/**
 * KPIs, a year of monthly results and licence usage for CON-0042, so `performance CON-0042`
 * and the contract card have something to show: availability slipping, licences under-used.
 */
export function samplePerformance(today: string): { kpis: KpiInput[]; results: KpiResult[]; usage: UsageInput[] } {
  const firstOfMonth = (monthsBack: number) => {
    const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - monthsBack);
    return d.toISOString().slice(0, 10);
  };
  const lastOfMonth = (monthsBack: number) => plusDays(firstOfMonth(monthsBack - 1), -1);
  const kpis: KpiInput[] = [
    { contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99.5, tolerance: 0.3, frequency: 'monthly', from: firstOfMonth(12), published: true },
    { contract: 'CON-0042', name: 'Forms processed within 2 days', measure: 'percentage', target: 95, tolerance: 3, frequency: 'monthly', from: firstOfMonth(12), published: true },
  ];
  const availability = [99.8, 99.7, 99.9, 99.6, 99.5, 99.4, 99.6, 99.3, 99.1, 99.2, 98.9, 98.6];
  const processed = [96, 97, 95.5, 94, 96.2, 93, 92.5, 95.1, 91, 90.4, 93.5, 88];
  const results: KpiResult[] = [];
  for (let i = 0; i < 12; i++) {
    const at = { periodStart: firstOfMonth(12 - i), periodEnd: lastOfMonth(12 - i), enteredBy: 'meganb@example.com', enteredAt: `${today}T09:00:00Z` };
    results.push({ contract: 'CON-0042', kpi: 'Availability', value: availability[i] ?? null, ...at });
    results.push({ contract: 'CON-0042', kpi: 'Forms processed within 2 days', value: processed[i] ?? null, ...at });
  }
  const usage: UsageInput[] = [{ contract: 'CON-0042', item: 'licences', periodStart: firstOfMonth(6), periodEnd: lastOfMonth(1), paidFor: 250, used: 160 }];
  return { kpis, results, usage };
}
