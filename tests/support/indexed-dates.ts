import Database from 'better-sqlite3';

/**
 * The dates the deadline index of a SQLite file holds for one contract's renewal key dates, as
 * stored: read straight from the file, because opening a store would rebuild the index with the
 * opener's own rules.
 */
export function indexedRenewalDates(path: string, reference: string): Record<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare("SELECT kind, due_date FROM deadline_index WHERE reference = ? AND source = 'renewal'").all(reference) as { kind: string; due_date: string }[];
    return Object.fromEntries(rows.map((r) => [r.kind, r.due_date]));
  } finally {
    db.close();
  }
}
