import type { DecisionOutcome, RenewalDecision } from '../../renewals/decisions.js';
import type { KeyDateKind } from '../../renewals/key-dates.js';
import type { DueWarning, LedgerWarning, RenewalLedger, WarningState, WarningThreshold } from '../../renewals/warnings.js';
import type { IsoDate } from '../../shared/iso-date.js';
import { londonToday } from '../../shared/calendar.js';
import type { DecisionRecord, RenewalsRepository, WarningQuery, WarningRecord } from '../renewals-repository.js';
import type { AuditContext } from '../store.js';
import { SqlAuditTrail } from './sql-audit-trail.js';
import { SqlContractRepository } from './sql-contract-repository.js';
import { readJson, type SqlExecutor } from './sql-executor.js';
import { SqlDeadlineIndex } from './sql-deadline-index.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from '../../renewals/renewal-settings.js';

interface WarningRow {
  key: string;
  reference: string;
  kind: string;
  deadline: string;
  threshold: string;
  escalation: number | string;
  recipient_email: string | null;
  state: string;
  attempts: number | string;
  last_error: string | null;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  raised_on: string;
  created_at: string;
  sent_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  warning: unknown;
}

interface DecisionRow {
  id: number | string;
  decided_at: string;
  decision: unknown;
}

const RETRY_FIRST_MS = 60_000;
const RETRY_MAX_MS = 3_600_000;

function toThreshold(text: string): WarningThreshold {
  return text === 'overdue' ? 'overdue' : Number(text);
}

function toLedgerWarning(row: Pick<WarningRow, 'key' | 'reference' | 'kind' | 'deadline' | 'threshold' | 'escalation' | 'state'>): LedgerWarning {
  return {
    key: row.key,
    reference: row.reference,
    kind: row.kind as KeyDateKind,
    deadline: row.deadline,
    threshold: toThreshold(row.threshold),
    escalation: Number(row.escalation) === 1,
    state: row.state as WarningState,
  };
}

function toRecord(row: WarningRow): WarningRecord {
  const optional = <K extends string>(name: K, value: string | null) => (value === null ? {} : ({ [name]: value } as Record<K, string>));
  return {
    ...toLedgerWarning(row),
    warning: readJson<DueWarning>(row.warning),
    ...optional('recipientEmail', row.recipient_email),
    raisedOn: row.raised_on,
    createdAt: row.created_at,
    attempts: Number(row.attempts),
    ...optional('lastError', row.last_error),
    ...optional('nextAttemptAt', row.next_attempt_at),
    ...optional('leaseOwner', row.lease_owner),
    ...optional('leaseUntil', row.lease_until),
    ...optional('sentAt', row.sent_at),
    ...optional('acknowledgedAt', row.acknowledged_at),
    ...optional('acknowledgedBy', row.acknowledged_by),
  };
}

function toDecision(row: DecisionRow): DecisionRecord {
  return { ...readJson<RenewalDecision>(row.decision), id: Number(row.id), decidedAt: row.decided_at };
}

/** The renewal ledger over any SqlExecutor; the SQL is common to SQLite (3.35+) and PostgreSQL. */
export class SqlRenewalsRepository implements RenewalsRepository {
  /** `rules`: the renewal rules of the deadline index, which a decision settles deadlines in. */
  constructor(
    private readonly db: SqlExecutor,
    private readonly rules: RenewalSettings = DEFAULT_RENEWAL_SETTINGS,
  ) {}

  async enqueue(warnings: readonly DueWarning[], options: { readonly raisedOn?: IsoDate; readonly at?: Date } = {}): Promise<number> {
    if (warnings.length === 0) return 0;
    const at = options.at ?? new Date();
    const raisedOn = options.raisedOn ?? londonToday(at);
    const createdAt = at.toISOString();
    return this.db.transaction(async (tx) => {
      let added = 0;
      for (const w of warnings) {
        added += await tx.run(
          `INSERT INTO renewal_warnings (key, reference, kind, deadline, threshold, escalation, recipient_email, state, attempts, raised_on, created_at, warning)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)
           ON CONFLICT (key) DO NOTHING`,
          [w.key, w.reference, w.kind, w.deadline, String(w.threshold), w.escalation ? 1 : 0, w.recipient?.email ?? null, raisedOn, createdAt, JSON.stringify(w)],
        );
      }
      return added;
    });
  }

  async claimForSending(workerId: string, now: Date, leaseMs: number, limit: number): Promise<WarningRecord[]> {
    const nowText = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    // The candidates are picked once (a materialised CTE: PostgreSQL would otherwise re-run a
    // locking subquery per row and pass the LIMIT). The outer conditions repeat the inner ones:
    // on PostgreSQL a second claimer blocked on the same row re-checks them against the committed
    // lease and skips it, and SKIP LOCKED lets it take other rows instead of waiting. SQLite runs
    // the statement alone, under its write lock.
    const skipLocked = this.db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const claimable = `state IN ('queued', 'failed') AND (next_attempt_at IS NULL OR next_attempt_at <= ?) AND (lease_until IS NULL OR lease_until < ?)`;
    const rows = await this.db.all<WarningRow>(
      `WITH picked AS MATERIALIZED (
         SELECT key FROM renewal_warnings WHERE ${claimable} ORDER BY created_at, key LIMIT ? ${skipLocked}
       )
       UPDATE renewal_warnings SET lease_owner = ?, lease_until = ?
       WHERE key IN (SELECT key FROM picked) AND ${claimable}
       RETURNING *`,
      [nowText, nowText, limit, workerId, until, nowText, nowText],
    );
    return rows.map(toRecord).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
  }

  async markSent(key: string, at: Date): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE renewal_warnings SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL,
         next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL
       WHERE key = ? AND state <> 'acknowledged'`,
      [at.toISOString(), key],
    );
    return changed > 0 || (await this.getWarning(key)) !== undefined;
  }

  async markFailed(key: string, error: string, at: Date, retryAt?: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.all<{ attempts: number | string }>('SELECT attempts FROM renewal_warnings WHERE key = ?', [key]);
      if (!row) return false;
      const attempts = Number(row.attempts) + 1;
      const backoff = Math.min(RETRY_FIRST_MS * 2 ** (attempts - 1), RETRY_MAX_MS);
      const next = retryAt ?? new Date(at.getTime() + backoff);
      await tx.run(
        `UPDATE renewal_warnings SET state = 'failed', attempts = ?, last_error = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL
         WHERE key = ? AND state IN ('queued', 'failed')`,
        [attempts, error.slice(0, 2000), next.toISOString(), key],
      );
      return true;
    });
  }

  async acknowledge(key: string, by: string, at: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.all<WarningRow>('SELECT * FROM renewal_warnings WHERE key = ?', [key]);
      if (!row) return false;
      if (row.state === 'acknowledged') return true;
      await tx.run(`UPDATE renewal_warnings SET state = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?, lease_owner = NULL, lease_until = NULL WHERE key = ?`, [
        at.toISOString(),
        by,
        key,
      ]);
      await new SqlAuditTrail(tx).record(
        { action: 'acknowledge', entity: 'renewal-warning', entityKey: key, changes: { state: { from: row.state, to: 'acknowledged' } } },
        { actor: by, source: 'renewals', at },
      );
      return true;
    });
  }

  async getWarning(key: string): Promise<WarningRecord | undefined> {
    const [row] = await this.db.all<WarningRow>('SELECT * FROM renewal_warnings WHERE key = ?', [key]);
    return row ? toRecord(row) : undefined;
  }

  async listWarnings(query: WarningQuery = {}): Promise<WarningRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.reference !== undefined) {
      where.push('reference = ?');
      params.push(query.reference);
    }
    if (query.states !== undefined) {
      if (query.states.length === 0) return [];
      where.push(`state IN (${query.states.map(() => '?').join(', ')})`);
      params.push(...query.states);
    }
    const rows = await this.db.all<WarningRow>(
      `SELECT * FROM renewal_warnings ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, key`,
      params,
    );
    return rows.map(toRecord);
  }

  async recordDecision(outcome: DecisionOutcome, audit: AuditContext): Promise<DecisionRecord> {
    const { decision } = outcome;
    const at = audit.at ?? new Date();
    return this.db.transaction(async (tx) => {
      if (outcome.contractChanged) await new SqlContractRepository(tx, this.rules).upsert(outcome.contract, { ...audit, at });
      const [row] = await tx.all<DecisionRow>(
        `INSERT INTO renewal_decisions (reference, action, decided_on, decided_by, decided_at, snoozed_until, decision)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id, decided_at, decision`,
        [decision.reference, decision.action, decision.decidedOn, decision.by, at.toISOString(), decision.snoozedUntil ?? null, JSON.stringify(decision)],
      );
      if (!row) throw new Error('INSERT ... RETURNING gave no row');
      await new SqlDeadlineIndex(tx, this.rules).reindex([decision.reference], londonToday(at));
      if (decision.action === 'acknowledge') {
        await tx.run(
          `UPDATE renewal_warnings SET state = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?, lease_owner = NULL, lease_until = NULL
           WHERE reference = ? AND state <> 'acknowledged'`,
          [at.toISOString(), decision.by, decision.reference],
        );
      }
      await new SqlAuditTrail(tx).record(
        {
          action: `renewal-decision:${decision.action}`,
          entity: 'contract',
          entityKey: decision.reference,
          changes: {
            decision: {
              from: null,
              to: {
                action: decision.action,
                summary: decision.summary,
                deadlines: decision.deadlines,
                ...(decision.snoozedUntil ? { snoozedUntil: decision.snoozedUntil } : {}),
                ...(decision.note ? { note: decision.note } : {}),
              },
            },
          },
        },
        { ...audit, at },
      );
      return toDecision(row);
    });
  }

  async listDecisions(reference?: string | readonly string[]): Promise<DecisionRecord[]> {
    if (reference === undefined || typeof reference === 'string') {
      const rows = await this.db.all<DecisionRow>(
        `SELECT id, decided_at, decision FROM renewal_decisions ${reference === undefined ? '' : 'WHERE reference = ?'} ORDER BY id DESC`,
        reference === undefined ? [] : [reference],
      );
      return rows.map(toDecision);
    }
    const rows: DecisionRow[] = [];
    for (let start = 0; start < reference.length; start += 500) {
      const chunk = reference.slice(start, start + 500);
      if (chunk.length === 0) continue;
      rows.push(...(await this.db.all<DecisionRow>(`SELECT id, decided_at, decision FROM renewal_decisions WHERE reference IN (${chunk.map(() => '?').join(', ')})`, chunk)));
    }
    return rows.sort((a, b) => Number(b.id) - Number(a.id)).map(toDecision);
  }

  async loadLedger(): Promise<RenewalLedger> {
    const warnings = await this.db.all<WarningRow>('SELECT key, reference, kind, deadline, threshold, escalation, state FROM renewal_warnings');
    const decisions = await this.db.all<DecisionRow>('SELECT id, decided_at, decision FROM renewal_decisions ORDER BY id');
    return { warnings: warnings.map(toLedgerWarning), decisions: decisions.map(toDecision) };
  }
}
