import { ContractSchema, type Contract } from '@contract-steward/core';

function plusDays(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A small register for trying the bot: dates are relative to `today`, so some deadlines are
 * always coming up. The owner is the Agents Playground's default user.
 */
export function sampleRegister(today: string, owner = { name: 'Alex Wilber', email: 'alexw@example.com' }): Contract[] {
  const manager = { name: 'Megan Bowen', email: 'meganb@example.com' };
  const rows = [
    { reference: 'CON-0042', title: 'Revenues and benefits e-forms', supplier: { name: 'IEG4 Ltd', companyNumber: '04841343', sme: true }, serviceArea: 'Customer Services', endDate: plusDays(today, 120), noticePeriod: { amount: 3, unit: 'months' }, value: { annual: 100000, total: 300000, basis: 'fixed' }, procurement: { route: 'framework', framework: 'G-Cloud 13' }, renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 0 } },
    { reference: 'CON-0107', title: 'Housing repairs management system', supplier: { name: 'Northgate Public Services' }, serviceArea: 'Housing', endDate: plusDays(today, 75), noticePeriod: { amount: 1, unit: 'months' }, value: { annual: 64000, total: 192000 } },
    { reference: 'CON-0131', title: 'Waste collection route optimisation', supplier: { name: 'Routeware UK Ltd', sme: true }, serviceArea: 'Environment', endDate: plusDays(today, 200), noticePeriod: { amount: 6, unit: 'months' }, value: { annual: 28500, total: 85500 } },
    { reference: 'CON-0158', title: 'Libraries self-service kiosks support', supplier: { name: 'Bibliotheca Ltd' }, serviceArea: 'Libraries', endDate: plusDays(today, 40), renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'years' } }, noticePeriod: { amount: 30, unit: 'days' }, value: { annual: 12400 } },
    { reference: 'CON-0203', title: 'Payroll and HR system', supplier: { name: 'Zellis UK Ltd' }, serviceArea: 'Human Resources', endDate: plusDays(today, 900), noticePeriod: { amount: 6, unit: 'months' }, value: { annual: 145000, total: 725000 }, procurement: { route: 'open' } },
    { reference: 'CON-0219', title: 'Parking enforcement handheld devices', supplier: { name: 'Civica UK Ltd' }, serviceArea: 'Highways and Transport', endDate: plusDays(today, 25), noticePeriod: { amount: 1, unit: 'months' }, value: { annual: 18000, total: 54000 } },
    { reference: 'CON-0234', title: 'Translation and interpreting services', supplier: { name: 'The Big Word', vcse: false }, serviceArea: 'Corporate', endDate: plusDays(today, 300), noticePeriod: { amount: 3, unit: 'months' }, value: { annual: 40000 } },
  ];
  return rows.map((row) => ContractSchema.parse({ ...row, owner, escalationContact: manager }));
}
