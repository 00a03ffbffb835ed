import type { IsoDate } from '../shared/iso-date.js';

/** The extensions the export can use, by the URL a package declares them with. */
export const OCDS_EXTENSIONS = {
  contractCompletion: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_contract_completion_extension/master/extension.json',
  metrics: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/master/extension.json',
  uk: 'https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json',
} as const;

export type OcdsTag = 'contract' | 'contractAmendment' | 'implementation' | 'contractTermination';

export interface OcdsValue {
  amount: number;
  currency: 'GBP';
}

export interface OcdsClassification {
  scheme?: string;
  id?: string;
  description?: string;
}

export interface OcdsParty {
  id: string;
  name: string;
  identifier?: { scheme: string; id: string; legalName?: string };
  additionalIdentifiers?: { scheme: string; id: string }[];
  address?: { streetAddress?: string; postalCode?: string };
  details?: { scale?: string; vcse?: boolean };
  roles: string[];
}

export interface OcdsObservation {
  id: string;
  period?: { startDate: string; endDate: string };
  measure?: number | string;
  unit?: { name: string };
  notes?: string;
  measureClassification?: OcdsClassification;
}

export interface OcdsMetric {
  id: string;
  title: string;
  description?: string;
  observations: OcdsObservation[];
}

export interface OcdsAmendment {
  id: string;
  date: string;
  rationale: string;
  description?: string;
  amendsReleaseID: string;
  releaseID: string;
  rationaleClassifications?: OcdsClassification[];
  value?: OcdsValue;
  period?: { startDate?: string; endDate?: string };
}

export interface OcdsContract {
  id: string;
  awardID: string;
  title: string;
  description?: string;
  status: 'pending' | 'active' | 'terminated';
  period?: { startDate?: string; endDate?: string };
  value?: OcdsValue;
  items: { id: string; description: string; classification?: OcdsClassification }[];
  amendments?: OcdsAmendment[];
  implementation?: { metrics?: OcdsMetric[]; endDate?: string; finalValue?: OcdsValue };
}

export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  tag: OcdsTag[];
  initiationType: 'tender';
  language: 'en';
  parties: OcdsParty[];
  buyer: { id: string; name: string };
  tender: { id: string; title: string; classification?: OcdsClassification; procurementMethod?: string; procurementMethodDetails?: string };
  awards: {
    id: string;
    title: string;
    description?: string;
    status: 'active';
    value?: OcdsValue;
    suppliers: { id: string; name: string }[];
    contractPeriod?: { startDate?: string; endDate?: string };
  }[];
  contracts: OcdsContract[];
}

/**
 * A calendar date as an OCDS date-time: the start of the day, or for an end date its last
 * second, as Contracts Finder writes them. UTC, because a register records days, not times.
 */
export function ocdsDateTime(date: IsoDate, end?: 'end'): string {
  return `${date}T${end ? '23:59:59' : '00:00:00'}Z`;
}
