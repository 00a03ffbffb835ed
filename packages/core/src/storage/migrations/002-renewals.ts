import type { Migration } from './migration.js';

/**
 * The renewal warnings ledger and the decisions recorded against deadlines.
 * A warning's key (contract, deadline kind, deadline date, threshold) is the primary key, so
 * raising the same warning twice, from two bot instances or after a restart, stores one row.
 * Sending is claimed with a lease (`lease_owner`, `lease_until`), so only one instance sends a
 * warning; a failed send is retried from `next_attempt_at`. Times are ISO 8601 UTC text, which
 * compares correctly as text in both dialects.
 */
export const renewals: Migration = {
  version: 2,
  name: 'renewal warnings ledger and decisions',
  up: `
      CREATE TABLE renewal_warnings (
        key              TEXT PRIMARY KEY,
        reference        TEXT NOT NULL,
        kind             TEXT NOT NULL,
        deadline         TEXT NOT NULL,
        threshold        TEXT NOT NULL,
        escalation       INTEGER NOT NULL,
        recipient_email  TEXT,
        state            TEXT NOT NULL,
        attempts         INTEGER NOT NULL DEFAULT 0,
        last_error       TEXT,
        next_attempt_at  TEXT,
        lease_owner      TEXT,
        lease_until      TEXT,
        raised_on        TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        sent_at          TEXT,
        acknowledged_at  TEXT,
        acknowledged_by  TEXT,
        warning          {{json}} NOT NULL
      );
      CREATE INDEX renewal_warnings_state ON renewal_warnings (state, next_attempt_at);
      CREATE INDEX renewal_warnings_reference ON renewal_warnings (reference);
      CREATE TABLE renewal_decisions (
        id            {{identity}},
        reference     TEXT NOT NULL,
        action        TEXT NOT NULL,
        decided_on    TEXT NOT NULL,
        decided_by    TEXT NOT NULL,
        decided_at    TEXT NOT NULL,
        snoozed_until TEXT,
        decision      {{json}} NOT NULL
      );
      CREATE INDEX renewal_decisions_reference ON renewal_decisions (reference);
    `,
};
