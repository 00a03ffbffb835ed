/**
 * Every register column the importer understands, and the header the exporter and the
 * template write for it (so an exported register imports back unchanged).
 */
export const IMPORT_FIELDS = {
  reference: 'Reference',
  title: 'Title',
  description: 'Description',
  department: 'Department',
  serviceArea: 'Service area',
  category: 'Category',
  supplierName: 'Supplier',
  companyNumber: 'Company number',
  charityNumber: 'Charity number',
  supplierAddress: 'Supplier address',
  supplierPostcode: 'Supplier postcode',
  sme: 'SME',
  vcse: 'VCSE',
  ownerName: 'Contract owner',
  ownerEmail: 'Owner email',
  escalationName: 'Escalation contact',
  escalationEmail: 'Escalation email',
  startDate: 'Start date',
  endDate: 'End date',
  initialTerm: 'Initial term',
  reviewDate: 'Review date',
  noticePeriod: 'Notice period',
  renewalType: 'Renewal type',
  extensionNoticePeriod: 'Extension notice period',
  extensionOptions: 'Extension options',
  extensionsTaken: 'Extensions taken',
  maximumEndDate: 'Latest end date',
  autoRenewal: 'Auto-renewal period',
  totalValue: 'Total value',
  annualValue: 'Annual value',
  valueBasis: 'Value basis',
  irrecoverableVat: 'Irrecoverable VAT',
  procurementRoute: 'Procurement route',
  framework: 'Framework',
  frameworkExpiry: 'Framework expiry',
  invitation: 'Invitation',
  systemName: 'IT system',
  hosting: 'Hosting',
  personalData: 'Personal data',
  appendixMClauses: 'Appendix M clauses',
  warningThresholds: 'Warning days',
  leadTimeDays: 'Re-procurement lead time (days)',
  regime: 'Regime',
  procurementStarted: 'Procurement started',
  enteredInto: 'Entered into',
  contractType: 'Contract type',
  vatIncluded: 'VAT included',
  maximumTermOnAward: 'Maximum term on award',
  kpis: 'KPIs',
  kpiExemption: 'KPI exemption',
  vcseNumber: 'VCSE registration number',
  buyerName: 'Buyer',
  buyerId: 'Buyer id',
} as const;

export type ImportField = keyof typeof IMPORT_FIELDS;

export const IMPORT_FIELD_NAMES = Object.keys(IMPORT_FIELDS) as ImportField[];

export function isImportField(name: string): name is ImportField {
  return Object.hasOwn(IMPORT_FIELDS, name);
}
