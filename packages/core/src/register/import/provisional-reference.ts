/** Provisional references start with this, so people and code can tell them from real ones. */
export const PROVISIONAL_PREFIX = 'NOREF-';

/**
 * The reference given to a contract whose row has none: derived from its supplier, title and
 * start date only, so importing the same row again gives the same reference (a no-op), and a
 * later import that names the real reference finds the provisional contract to rename.
 * Case, spacing and punctuation do not change it.
 *
 * @example provisionalReference('Acme Ltd', 'Cleaning', '2024-04-01') // 'NOREF-…' (8 hex digits)
 */
export function provisionalReference(supplier: string, title: string, startDate: string | undefined): string {
  const key = [supplier, title, startDate ?? ''].map((part) => part.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()).join('|');
  return `${PROVISIONAL_PREFIX}${fnv1a(key).toString(16).toUpperCase().padStart(8, '0')}`;
}

export function isProvisionalReference(reference: string): boolean {
  return reference.startsWith(PROVISIONAL_PREFIX);
}

/** FNV-1a, 32 bits: small, stable across releases and platforms, and no I/O. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
