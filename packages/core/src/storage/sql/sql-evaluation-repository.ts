import { randomBytes } from 'node:crypto';
import type { DecisionApproval } from '../../evaluation/decision-record-details.js';
import type { Evaluation } from '../../evaluation/evaluation.schema.js';
import type { EvaluationRepository, EvaluationSummary, SavedEvaluation } from '../evaluations-repository.js';
import type { AuditContext } from '../store.js';
import { SqlAuditTrail } from './sql-audit-trail.js';
import { readJson, type SqlExecutor } from './sql-executor.js';

interface EvaluationRow {
  id: string;
  title: string;
  winner: string | null;
  option_count: number | string;
  created_by: string;
  created_at: string;
  updated_at: string;
  approval: unknown;
  data?: unknown;
}

const SUMMARY_COLUMNS = 'id, title, winner, option_count, created_by, created_at, updated_at, approval';

/** TDA evaluations over any SqlExecutor; the SQL is common to SQLite and PostgreSQL. */
export class SqlEvaluationRepository implements EvaluationRepository {
  constructor(private readonly db: SqlExecutor) {}

  async save(
    evaluation: Evaluation,
    details: { readonly id?: string; readonly winner: string | null },
    audit: AuditContext,
  ): Promise<EvaluationSummary> {
    const id = details.id ?? `EV-${randomBytes(4).toString('hex').toUpperCase()}`;
    const at = (audit.at ?? new Date()).toISOString();
    return this.db.transaction(async (tx) => {
      const [existing] = await tx.all<EvaluationRow>(`SELECT ${SUMMARY_COLUMNS} FROM evaluations WHERE id = ?`, [id]);
      await tx.run(
        `INSERT INTO evaluations (id, title, data, winner, option_count, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, data = excluded.data, winner = excluded.winner,
           option_count = excluded.option_count, updated_at = excluded.updated_at, approval = NULL`,
        [id, evaluation.title, JSON.stringify(evaluation), details.winner, evaluation.options.length, audit.actor, at, at],
      );
      // The approval was given for what was evaluated before; the new content needs its own.
      const approval = existing ? approvalOf(existing) : undefined;
      await new SqlAuditTrail(tx).record(
        {
          action: existing ? 'update' : 'create',
          entity: 'evaluation',
          entityKey: id,
          changes: {
            title: { from: existing?.title ?? null, to: evaluation.title },
            winner: { from: existing?.winner ?? null, to: details.winner },
            ...(approval ? { approval: { from: approval, to: null } } : {}),
          },
        },
        audit,
      );
      const [saved] = await tx.all<EvaluationRow>(`SELECT ${SUMMARY_COLUMNS} FROM evaluations WHERE id = ?`, [id]);
      if (!saved) throw new Error(`Evaluation ${id} was not saved`);
      return summaryOf(saved);
    });
  }

  async approve(id: string, approval: DecisionApproval, audit: AuditContext): Promise<SavedEvaluation | undefined> {
    return this.db.transaction(async (tx) => {
      const [existing] = await tx.all<EvaluationRow>(`SELECT ${SUMMARY_COLUMNS} FROM evaluations WHERE id = ?`, [id]);
      if (!existing) return undefined;
      const given: DecisionApproval = { name: approval.name, role: approval.role, date: approval.date };
      await tx.run('UPDATE evaluations SET approval = ? WHERE id = ?', [JSON.stringify(given), id]);
      await new SqlAuditTrail(tx).record(
        { action: 'approve', entity: 'evaluation', entityKey: id, changes: { approval: { from: approvalOf(existing) ?? null, to: given } } },
        audit,
      );
      return new SqlEvaluationRepository(tx).get(id);
    });
  }

  async get(id: string): Promise<SavedEvaluation | undefined> {
    const [row] = await this.db.all<EvaluationRow>(`SELECT ${SUMMARY_COLUMNS}, data FROM evaluations WHERE id = ?`, [id]);
    return row ? { ...summaryOf(row), evaluation: readJson<Evaluation>(row.data) } : undefined;
  }

  async list(): Promise<EvaluationSummary[]> {
    const rows = await this.db.all<EvaluationRow>(`SELECT ${SUMMARY_COLUMNS} FROM evaluations ORDER BY created_at DESC, id`);
    return rows.map(summaryOf);
  }
}

function summaryOf(row: EvaluationRow): EvaluationSummary {
  const approval = approvalOf(row);
  return {
    id: row.id,
    title: row.title,
    winner: row.winner ?? null,
    optionCount: Number(row.option_count),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(approval ? { approval } : {}),
  };
}

function approvalOf(row: EvaluationRow): DecisionApproval | undefined {
  return row.approval === null || row.approval === undefined ? undefined : readJson<DecisionApproval>(row.approval);
}
