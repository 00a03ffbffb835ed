import type { Store } from '../store.js';
import { SqlAuditTrail } from './sql-audit-trail.js';
import { SqlContractRepository } from './sql-contract-repository.js';
import { SqlConversationRepository } from './sql-conversation-repository.js';
import { SqlSavingsRepository } from './sql-savings-repository.js';
import { SqlRenewalsRepository } from './sql-renewals-repository.js';
import { SqlEvaluationRepository } from './sql-evaluation-repository.js';
import { SqlProcurementActRepository } from './sql-procurement-act-repository.js';
import { SqlPerformanceRepository } from './sql-performance-repository.js';
import type { SqlExecutor } from './sql-executor.js';
import { SqlDeadlineIndex } from './sql-deadline-index.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from '../../renewals/renewal-settings.js';

/**
 * The Store over a SqlExecutor. Both adapters share it; they differ only in how they
 * connect, run statements and hold transactions.
 */
export class SqlStore implements Store {
  readonly kind: Store['kind'];
  readonly contracts: SqlContractRepository;
  readonly audit: SqlAuditTrail;
  readonly conversations: SqlConversationRepository;
  readonly savings: SqlSavingsRepository;
  readonly renewals: SqlRenewalsRepository;
  readonly evaluations: SqlEvaluationRepository;
  readonly procurementAct: SqlProcurementActRepository;
  readonly performance: SqlPerformanceRepository;
  readonly deadlines: SqlDeadlineIndex;

  /**
   * `rules`: the renewal rules the deadline index is computed with. `withinTransaction`: this
   * store is a transaction's view, which must not remember answers it may roll back.
   */
  constructor(
    private readonly db: SqlExecutor,
    readonly location: string,
    rules: RenewalSettings = DEFAULT_RENEWAL_SETTINGS,
    withinTransaction = false,
  ) {
    this.kind = db.dialect;
    this.audit = new SqlAuditTrail(db);
    this.deadlines = new SqlDeadlineIndex(db, rules, { rememberAnswers: !withinTransaction });
    this.contracts = new SqlContractRepository(db, rules);
    this.conversations = new SqlConversationRepository(db);
    this.savings = new SqlSavingsRepository(db);
    this.renewals = new SqlRenewalsRepository(db, rules);
    this.evaluations = new SqlEvaluationRepository(db);
    this.procurementAct = new SqlProcurementActRepository(db, rules);
    this.performance = new SqlPerformanceRepository(db, rules);
  }

  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new SqlStore(tx, this.location, this.deadlines.rules, true)));
  }

  async ping(): Promise<void> {
    await this.db.all('SELECT 1 AS ok');
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
