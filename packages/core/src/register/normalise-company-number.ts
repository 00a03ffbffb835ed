/**
 * Companies House numbers are eight characters: eight digits for England and Wales, or a
 * two-letter prefix (SC Scotland, NI Northern Ireland, OC LLPs, ...) and six digits.
 * Registers drop leading zeros (`4841343`) and OpenCorporates-style sources add a
 * jurisdiction (`gb/04841343`), so the same company appears under several spellings.
 */
const PREFIXED = /^([A-Z]{2})(\d{1,6})$/;
const DIGITS = /^\d{1,8}$/;
const JURISDICTION = /^(?:gb-coh|gb|uk)[/:-]/i;

/**
 * Returns the canonical eight-character company number, or undefined when the text is not one.
 * @example normaliseCompanyNumber('gb/4841343') // '04841343'
 * @example normaliseCompanyNumber('sc257136')   // 'SC257136'
 */
export function normaliseCompanyNumber(text: string): string | undefined {
  const compact = text.trim().replace(JURISDICTION, '').replace(/[\s.-]/g, '').toUpperCase();
  if (compact === '') return undefined;
  if (DIGITS.test(compact)) {
    if (/^0+$/.test(compact)) return undefined;
    return compact.padStart(8, '0');
  }
  const prefixed = PREFIXED.exec(compact);
  if (prefixed) {
    const [, prefix, digits] = prefixed as unknown as [string, string, string];
    return prefix + digits.padStart(6, '0');
  }
  return undefined;
}
