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
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    changes[prefix || '(value)'] = { from: before ?? null, to: after ?? null };
  }
  return changes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
