import ExcelJS from 'exceljs';
import { EXPORT_FIELDS } from '../register/import/contract-to-cells.js';
import { IMPORT_FIELDS, type ImportField } from '../register/import/import-field.js';
import { columnLetter } from '../shared/format.js';
import { fitRowHeights, styleSheet, validateRange, type DocumentIdentity } from './workbook-style.js';
import { DATE_FIELDS, FLAG_FIELDS, MONEY_FIELDS, registerColumns, styleRegisterSheet } from './write-register.js';

const NOTES: Readonly<Record<ImportField, string>> = {
  reference: 'Required. Unique for each contract, e.g. CON-0042.',
  title: 'Required. What the contract is for.',
  description: 'The goods or services, in a sentence or two.',
  department: 'The directorate or department responsible (Transparency Code).',
  serviceArea: 'The service that uses the contract.',
  category: 'Procurement category.',
  supplierName: 'Required. The supplier as on the contract.',
  companyNumber: 'Companies House number, e.g. 04841343 or SC257136.',
  charityNumber: 'Registered charity number.',
  vcseNumber: 'For a VCSE that is neither a company nor a charity: its registration number, e.g. a Mutuals Public Register number (IP12345R).',
  supplierAddress: "The supplier's address.",
  supplierPostcode: "The supplier's postcode.",
  sme: 'Yes if the supplier is a small or medium-sized enterprise.',
  vcse: 'Yes if the supplier is a voluntary, community or social enterprise.',
  ownerName: 'The officer who manages the contract.',
  ownerEmail: "The contract owner's email: renewal warnings go here.",
  escalationName: 'Who to tell when the owner does not act.',
  escalationEmail: "The escalation contact's email.",
  startDate: 'A date, e.g. 01/04/2025 (day first).',
  endDate: 'The current end date, e.g. 31/03/2028. Must not be before the start date.',
  initialTerm: 'The initial term, e.g. 3 years; without an end date, the contract ends the day before start + term.',
  reviewDate: 'When the contract is next reviewed.',
  noticePeriod: 'Notice to terminate or not renew, e.g. 3 months or 90 days.',
  renewalType: 'fixed (expires at its end), automatic (renews unless notice is given), options (has extension options) or unknown. Blank: worked out from the columns below, else unknown.',
  extensionNoticePeriod: 'Notice needed to take an extension option, when it differs from the notice period, e.g. 6 months.',
  extensionOptions: 'The term and options, e.g. 2+1+1 years or 24+12 months; +1+1 years for the options alone.',
  extensionsTaken: 'How many extension options have been used, e.g. 1.',
  maximumEndDate: 'The end date if every option is taken.',
  autoRenewal: 'For contracts that renew automatically: the renewal period, e.g. 1 year.',
  totalValue: 'Sum to be paid over the whole contract, in pounds, e.g. £120,000.',
  annualValue: 'Estimated annual spend, in pounds.',
  valueBasis: 'Fixed or Estimated.',
  irrecoverableVat: 'VAT that cannot be recovered, in pounds.',
  procurementRoute: 'open, competitive-flexible, framework, direct-award, quotation, restricted, competitive-dialogue, competitive-negotiation, light-touch, dynamic-market or other.',
  framework: 'The framework used, if any.',
  frameworkExpiry: 'When the framework (or dynamic market) ends, e.g. 30/06/2027: a call-off needs it still in force.',
  invitation: 'Invitation to quote or Invitation to tender (Transparency Code).',
  systemName: 'For IT contracts: the system.',
  hosting: 'For IT contracts: on-premise, cloud or hybrid.',
  personalData: 'For IT contracts: Yes if the system holds personal data.',
  appendixMClauses: 'The Appendix M data-access and API clauses the contract already contains, e.g. DE-1, DE-1.1, API-2; renewals flag contracts that lack them.',
  warningThresholds: 'Days before each deadline to warn the owner, e.g. 180, 90, 30. Blank: 180, 90, 60, 30, 14, 7, 1.',
  leadTimeDays: 'Days needed to re-procure this contract. Blank: the default for its procurement route.',
  regime: 'PA2023 (Procurement Act 2023) or PCR2015 (Public Contracts Regulations 2015). Blank: derived from Procurement started (on or after 24/02/2025 is PA2023).',
  procurementStarted: 'The day the procurement started: it decides the regime and which threshold amounts apply.',
  enteredInto: 'The day the contract was signed. Blank: the start date is used, and marked assumed.',
  contractType: 'Goods, Services, Works or Light touch; a mixed contract by its main part, e.g. Mixed (mainly works).',
  vatIncluded: 'Yes if the values include VAT. Blank or No: they are grossed up by 20% for the threshold and £5m tests.',
  maximumTermOnAward: 'The longest the contract can run as awarded, e.g. 4 years. Blank: from the start to the latest end with every option.',
  kpis: 'How many key performance indicators the contract sets (Procurement Act 2023 s.52 needs at least 3 over £5m).',
  kpiExemption: 'Why the contract needs no KPIs, when s.52 does not require them.',
  buyerName: 'The council or other body that let the contract (Transparency Code "Organisation name"). Optional.',
  buyerId: 'Its identifier, e.g. an OCDS buyer id or organisation code. Optional.',
};

/**
 * Writes an empty register: the importer's headers, validation that catches a typed flag or
 * date before import does, and a Notes sheet saying what each column takes.
 */
export async function writeTemplateWorkbook(path: string, rows = 1000, options: { readonly identity?: DocumentIdentity | undefined } = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Register');
  sheet.columns = registerColumns();
  EXPORT_FIELDS.forEach((field, index) => {
    const letter = columnLetter(index + 1);
    const validation = validationFor(field);
    if (validation) validateRange(sheet, `${letter}2:${letter}${rows + 1}`, validation);
  });
  styleRegisterSheet(sheet, 'Contracts register', options.identity);
  const notes = workbook.addWorksheet('Notes');
  notes.columns = [
    { header: 'Column', key: 'column', width: 28 },
    { header: 'What to write', key: 'note', width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  for (const field of EXPORT_FIELDS) notes.addRow({ column: IMPORT_FIELDS[field], note: NOTES[field] });
  notes.addRow({});
  notes.addRow({ column: 'Importing', note: 'Check first with: steward import FILE.xlsx --dry-run — nothing is written until you run it without --dry-run.' });
  styleSheet(notes, { title: 'Contracts register: what each column takes', identity: options.identity, list: { headerRow: 1, columns: 2 }, repeatRows: [1, 1] });
  fitRowHeights(notes);
  await workbook.xlsx.writeFile(path);
}

function validationFor(field: ImportField): ExcelJS.DataValidation | undefined {
  if (FLAG_FIELDS.has(field)) {
    return { type: 'list', allowBlank: true, formulae: ['"Yes,No"'], showErrorMessage: true, errorTitle: 'Yes or No', error: 'Choose Yes or No, or leave it blank.' };
  }
  if (DATE_FIELDS.has(field)) {
    return {
      type: 'date', operator: 'between', allowBlank: true, formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
      showErrorMessage: true, errorTitle: 'A date', error: 'Write a date such as 31/03/2026.',
    };
  }
  if (MONEY_FIELDS.has(field)) {
    return { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: 'An amount', error: 'Write an amount in pounds, e.g. 1234.50.' };
  }
  if (field === 'valueBasis') return { type: 'list', allowBlank: true, formulae: ['"Fixed,Estimated"'] };
  if (field === 'hosting') return { type: 'list', allowBlank: true, formulae: ['"on-premise,cloud,hybrid"'] };
  if (field === 'renewalType') return { type: 'list', allowBlank: true, formulae: ['"fixed,automatic,options,unknown"'] };
  return undefined;
}
