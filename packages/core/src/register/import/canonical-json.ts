/**
 * JSON with object keys sorted and undefined left out, so two versions of a contract compare
 * equal whatever order their keys were written in (PostgreSQL's jsonb reorders them).
 * @example canonicalJson({ b: 1, a: { d: undefined, c: 2 } }) // '{"a":{"c":2},"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
