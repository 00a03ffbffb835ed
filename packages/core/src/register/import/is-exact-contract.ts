import { z } from 'zod';
import { PROCUREMENT_ROUTES, type Contract } from '../contract.schema.js';
import { normaliseCompanyNumber } from '../normalise-company-number.js';
import { isIsoDate } from '../../shared/iso-date.js';

/**
 * True only when ContractSchema would accept `value` and give it back unchanged: every text
 * already trimmed, emails lower-case, company numbers normalised, defaults present, no keys
 * the schema does not know. The importer builds contracts field by field, so nearly every row
 * passes this check, which is several times cheaper than a zod parse; anything it does not
 * recognise (false) goes through ContractSchema as before. Stricter than the schema, never
 * looser: tests hold every value it accepts to `ContractSchema.parse(value)` equalling it.
 */
export function isExactContract(value: unknown): value is Contract {
  if (!isRecord(value)) return false;
  for (const key in value) {
    const inner = value[key];
    if (inner === undefined) return false;
    switch (key) {
      case 'reference':
        if (!isText(inner) || (inner as string).length > 200) return false;
        break;
      case 'title':
      case 'description':
      case 'department':
      case 'serviceArea':
      case 'category':
        if (!isText(inner)) return false;
        break;
      case 'supplier':
        if (!isSupplier(inner)) return false;
        break;
      case 'owner':
      case 'escalationContact':
        if (!isPerson(inner)) return false;
        break;
      case 'startDate':
      case 'endDate':
      case 'reviewDate':
        if (typeof inner !== 'string' || !isIsoDate(inner)) return false;
        break;
      case 'renewal':
        if (!isRenewal(inner)) return false;
        break;
      case 'noticePeriod':
        if (!isDuration(inner)) return false;
        break;
      case 'value':
        if (!isValue(inner)) return false;
        break;
      case 'procurement':
        if (!isProcurement(inner)) return false;
        break;
      case 'itSystem':
        if (!isItSystem(inner)) return false;
        break;
      case 'buyer':
        if (!isBuyer(inner)) return false;
        break;
      default:
        // warningThresholds, leadTimeDays, appendixMClauses and unknown keys: leave them to zod.
        return false;
    }
  }
  // The schema fills these when absent, so a value without them would come back changed.
  return 'reference' in value && 'title' in value && 'supplier' in value && 'renewal' in value && 'value' in value && 'procurement' in value;
}

const EMAIL = z.regexes.email;
const UNITS = new Set(['days', 'weeks', 'months', 'years']);
const ROUTES = new Set<string>(PROCUREMENT_ROUTES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** A string the schema's `.trim().min(1)` keeps as it is. */
function isText(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.trim() === value;
}

function hasOnly(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in value) if (!keys.has(key) || value[key] === undefined) return false;
  return true;
}

const SUPPLIER_KEYS = new Set(['name', 'companyNumber', 'charityNumber', 'address', 'postcode', 'sme', 'vcse']);
function isSupplier(value: unknown): boolean {
  if (!isRecord(value) || !hasOnly(value, SUPPLIER_KEYS) || !isText(value.name)) return false;
  const { companyNumber, charityNumber, address, postcode, sme, vcse } = value;
  if (companyNumber !== undefined && (typeof companyNumber !== 'string' || normaliseCompanyNumber(companyNumber) !== companyNumber)) return false;
  for (const text of [charityNumber, address, postcode]) if (text !== undefined && !isText(text)) return false;
  for (const flag of [sme, vcse]) if (flag !== undefined && typeof flag !== 'boolean') return false;
  return true;
}

const PERSON_KEYS = new Set(['name', 'email']);
function isPerson(value: unknown): boolean {
  if (!isRecord(value) || !hasOnly(value, PERSON_KEYS)) return false;
  if (value.name !== undefined && !isText(value.name)) return false;
  const email = value.email;
  return email === undefined || (typeof email === 'string' && email.trim().toLowerCase() === email && EMAIL.test(email));
}

const DURATION_KEYS = new Set(['amount', 'unit']);
function isDuration(value: unknown): boolean {
  return (
    isRecord(value) &&
    hasOnly(value, DURATION_KEYS) &&
    typeof value.amount === 'number' &&
    Number.isSafeInteger(value.amount) &&
    value.amount >= 0 &&
    typeof value.unit === 'string' &&
    UNITS.has(value.unit)
  );
}

const FIXED_KEYS = new Set(['type']);
const OPTIONS_KEYS = new Set(['type', 'options', 'taken', 'maximumEndDate']);
const AUTO_KEYS = new Set(['type', 'period']);
function isRenewal(value: unknown): boolean {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'fixed':
      return hasOnly(value, FIXED_KEYS);
    case 'extension-options': {
      const { options, taken, maximumEndDate } = value;
      return (
        hasOnly(value, OPTIONS_KEYS) &&
        Array.isArray(options) &&
        options.length > 0 &&
        options.every(isDuration) &&
        typeof taken === 'number' &&
        Number.isSafeInteger(taken) &&
        taken >= 0 &&
        (maximumEndDate === undefined || (typeof maximumEndDate === 'string' && isIsoDate(maximumEndDate)))
      );
    }
    case 'auto-renewal':
      return hasOnly(value, AUTO_KEYS) && isDuration(value.period);
    default:
      return false;
  }
}

const VALUE_KEYS = new Set(['total', 'annual', 'basis', 'irrecoverableVat']);
function isValue(value: unknown): boolean {
  if (!isRecord(value) || !hasOnly(value, VALUE_KEYS)) return false;
  for (const sum of [value.total, value.annual, value.irrecoverableVat]) if (sum !== undefined && !(typeof sum === 'number' && Number.isFinite(sum))) return false;
  return value.basis === undefined || value.basis === 'fixed' || value.basis === 'estimated';
}

const PROCUREMENT_KEYS = new Set(['route', 'framework', 'invitation']);
function isProcurement(value: unknown): boolean {
  if (!isRecord(value) || !hasOnly(value, PROCUREMENT_KEYS)) return false;
  if (value.route !== undefined && !(typeof value.route === 'string' && ROUTES.has(value.route))) return false;
  if (value.framework !== undefined && !isText(value.framework)) return false;
  return value.invitation === undefined || value.invitation === 'quote' || value.invitation === 'tender';
}

const BUYER_KEYS = new Set(['name', 'id']);
function isBuyer(value: unknown): boolean {
  return isRecord(value) && hasOnly(value, BUYER_KEYS) && isText(value.name) && (value.id === undefined || isText(value.id));
}

const IT_SYSTEM_KEYS = new Set(['systemName', 'hosting', 'personalData']);
function isItSystem(value: unknown): boolean {
  if (!isRecord(value) || !hasOnly(value, IT_SYSTEM_KEYS)) return false;
  if (value.systemName !== undefined && !isText(value.systemName)) return false;
  if (value.hosting !== undefined && value.hosting !== 'on-premise' && value.hosting !== 'cloud' && value.hosting !== 'hybrid') return false;
  return value.personalData === undefined || typeof value.personalData === 'boolean';
}
