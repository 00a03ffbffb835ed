import type { Changes } from '../store.js';

/**
 * The fields that differ between two versions of a record, flattened to dotted paths
 * (`supplier.name`), for the audit trail. Arrays compare whole.
 */
export function diffChanges(before: unknown, after: unknown, prefix = ''): Changes {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) {
      Object.assign(changes, diffChanges(before[key], after[key], prefix ? `${prefix}.${key}` : key));
    }
    return changes;
  }
  if (stableJson(before) !== stableJson(after)) {
    changes[prefix || '(value)'] = { from: before ?? null, to: after ?? null };
  }
  return changes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON with object keys sorted, for comparing leaves: PostgreSQL's jsonb gives objects back
 * with their keys reordered, and `[{amount, unit}]` must equal `[{unit, amount}]`.
 */
function stableJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isPlainObject(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}
