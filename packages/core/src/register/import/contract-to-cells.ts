import type { Contract, ContractType, Duration } from '../contract.schema.js';
// describeDuration writes `3 months`, `1 year`, which the importer reads back.
import { describeDuration } from '../../shared/format.js';
import { IMPORT_FIELD_NAMES, type ImportField } from './import-field.js';

export type ExportCell = string | number | boolean | undefined;


/**
 * Extension options with a leading plus (`+1+1 years`, `+12 months +6 months`): only the
 * options, since the register does not keep the initial term. The importer reads a leading
 * plus as "no initial term given".
 */
export function formatExtensionOptions(options: readonly Duration[]): string {
  const [first] = options;
  if (first && options.every((o) => o.unit === first.unit)) return `${options.map((o) => `+${o.amount}`).join('')} ${first.unit}`;
  return options.map((o) => `+${describeDuration(o)}`).join(' ');
}

/**
 * One register row for a contract, cell per import field, dates left as YYYY-MM-DD strings
 * (the writer turns them into real dates). Importing the row gives the same contract back.
 */
export function contractToCells(contract: Contract): Record<ImportField, ExportCell> {
  const renewal = contract.renewal;
  const cells: Record<ImportField, ExportCell> = {
    reference: contract.reference,
    title: contract.title,
    description: contract.description,
    department: contract.department,
    serviceArea: contract.serviceArea,
    category: contract.category,
    supplierName: contract.supplier.name,
    companyNumber: contract.supplier.companyNumber,
    charityNumber: contract.supplier.charityNumber,
    vcseNumber: contract.supplier.vcseNumber,
    supplierAddress: contract.supplier.address,
    supplierPostcode: contract.supplier.postcode,
    sme: yesNo(contract.supplier.sme),
    vcse: yesNo(contract.supplier.vcse),
    ownerName: contract.owner?.name,
    ownerEmail: contract.owner?.email,
    escalationName: contract.escalationContact?.name,
    escalationEmail: contract.escalationContact?.email,
    startDate: contract.startDate,
    endDate: contract.endDate,
    initialTerm: undefined,
    reviewDate: contract.reviewDate,
    noticePeriod: contract.noticePeriod && describeDuration(contract.noticePeriod),
    renewalType: contract.renewalType,
    extensionNoticePeriod: contract.extensionNoticePeriod && describeDuration(contract.extensionNoticePeriod),
    extensionOptions: renewal.type === 'extension-options' ? formatExtensionOptions(renewal.options) : undefined,
    extensionsTaken: renewal.type === 'extension-options' ? renewal.taken : undefined,
    maximumEndDate: renewal.type === 'extension-options' ? renewal.maximumEndDate : undefined,
    autoRenewal: renewal.type === 'auto-renewal' ? describeDuration(renewal.period) : undefined,
    totalValue: contract.value.total,
    annualValue: contract.value.annual,
    valueBasis: contract.value.basis === undefined ? undefined : contract.value.basis === 'fixed' ? 'Fixed' : 'Estimated',
    irrecoverableVat: contract.value.irrecoverableVat,
    procurementRoute: contract.procurement.route,
    framework: contract.procurement.framework,
    frameworkExpiry: contract.procurement.frameworkExpiry,
    invitation: contract.procurement.invitation === undefined ? undefined : `Invitation to ${contract.procurement.invitation}`,
    systemName: contract.itSystem?.systemName,
    hosting: contract.itSystem?.hosting,
    personalData: yesNo(contract.itSystem?.personalData),
    appendixMClauses: contract.appendixMClauses?.join(', '),
    warningThresholds: contract.warningThresholds?.join(', '),
    leadTimeDays: contract.leadTimeDays,
    regime: contract.law?.regime,
    procurementStarted: contract.law?.procurementStarted,
    enteredInto: contract.law?.enteredInto,
    contractType: contract.law?.contractType === undefined ? undefined : CONTRACT_TYPE_WORDS[contract.law.contractType],
    vatIncluded: yesNo(contract.law?.vatIncluded),
    maximumTermOnAward: contract.law?.maximumTermOnAward && describeDuration(contract.law.maximumTermOnAward),
    kpis: contract.law?.kpis,
    kpiExemption: contract.law?.kpiExemption,
    buyerName: contract.buyer?.name,
    buyerId: contract.buyer?.id,
  };
  return cells;
}

/** Contract types as the register writes them (and the importer reads back). */
export const CONTRACT_TYPE_WORDS: Readonly<Record<ContractType, string>> = { goods: 'Goods', services: 'Services', works: 'Works', 'light-touch': 'Light touch' };

/** The fields in export order. The initial term is read on import only: the end date carries it. */
export const EXPORT_FIELDS: readonly ImportField[] = IMPORT_FIELD_NAMES.filter((field) => field !== 'initialTerm');

function yesNo(flag: boolean | undefined): string | undefined {
  return flag === undefined ? undefined : flag ? 'Yes' : 'No';
}
