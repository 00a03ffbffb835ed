import type { ConversationRecord, ConversationRepository, ConversationScope } from '../store.js';
import { readJson, type SqlExecutor } from './sql-executor.js';

interface ConversationRow {
  conversation_id: string;
  scope: string;
  tenant_id: string | null;
  service_url: string;
  user_aad_id: string | null;
  user_email: string | null;
  reference: unknown;
  installed: number | string;
  updated_at: string;
}

function toRecord(row: ConversationRow): ConversationRecord {
  return {
    conversationId: row.conversation_id,
    scope: row.scope as ConversationScope,
    ...(row.tenant_id ? { tenantId: row.tenant_id } : {}),
    serviceUrl: row.service_url,
    ...(row.user_aad_id ? { userAadObjectId: row.user_aad_id } : {}),
    ...(row.user_email ? { userEmail: row.user_email } : {}),
    reference: readJson<Record<string, unknown>>(row.reference),
    installed: Number(row.installed) === 1,
    updatedAt: row.updated_at,
  };
}

/** Conversation references over any SqlExecutor; the SQL is common to SQLite and PostgreSQL. */
export class SqlConversationRepository implements ConversationRepository {
  constructor(private readonly db: SqlExecutor) {}

  async save(record: Omit<ConversationRecord, 'updatedAt'>, at: Date = new Date()): Promise<void> {
    // An email learnt once (from the roster) is kept when a later activity does not carry it.
    await this.db.run(
      `INSERT INTO conversations (conversation_id, scope, tenant_id, service_url, user_aad_id, user_email, reference, installed, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET scope = excluded.scope, tenant_id = excluded.tenant_id,
         service_url = excluded.service_url, user_aad_id = COALESCE(excluded.user_aad_id, conversations.user_aad_id),
         user_email = COALESCE(excluded.user_email, conversations.user_email), reference = excluded.reference,
         installed = excluded.installed, updated_at = excluded.updated_at`,
      [...identityColumns(record), record.installed ? 1 : 0, at.toISOString()],
    );
  }

  async install(record: Omit<ConversationRecord, 'updatedAt' | 'installed'>, at: Date = new Date()): Promise<boolean> {
    // Each statement is atomic on its own in both databases: the insert wins for a new
    // conversation, the guarded update for one that was uninstalled; a concurrent caller gets 0.
    const inserted = await this.db.run(
      `INSERT INTO conversations (conversation_id, scope, tenant_id, service_url, user_aad_id, user_email, reference, installed, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (conversation_id) DO NOTHING`,
      [...identityColumns(record), at.toISOString()],
    );
    const reinstalled = inserted > 0 ? 0 : await this.db.run('UPDATE conversations SET installed = 1 WHERE conversation_id = ? AND installed = 0', [record.conversationId]);
    await this.save({ ...record, installed: true }, at);
    return inserted + reinstalled > 0;
  }

  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    const [row] = await this.db.all<ConversationRow>('SELECT * FROM conversations WHERE conversation_id = ?', [conversationId]);
    return row ? toRecord(row) : undefined;
  }

  async findPersonal(person: { email?: string; aadObjectId?: string }): Promise<ConversationRecord | undefined> {
    const email = person.email?.toLowerCase() ?? null;
    const aad = person.aadObjectId?.toLowerCase() ?? null;
    if (!email && !aad) return undefined;
    const [row] = await this.db.all<ConversationRow>(
      `SELECT * FROM conversations
       WHERE scope = 'personal' AND installed = 1 AND (user_email = ? OR user_aad_id = ?)
       ORDER BY updated_at DESC, conversation_id LIMIT 1`,
      [email, aad],
    );
    return row ? toRecord(row) : undefined;
  }

  async markUninstalled(conversationId: string, at: Date = new Date()): Promise<boolean> {
    const changed = await this.db.run('UPDATE conversations SET installed = 0, updated_at = ? WHERE conversation_id = ?', [
      at.toISOString(),
      conversationId,
    ]);
    return changed > 0;
  }

  async list(): Promise<ConversationRecord[]> {
    const rows = await this.db.all<ConversationRow>('SELECT * FROM conversations ORDER BY conversation_id');
    return rows.map(toRecord);
  }
}

/** The columns that say who and where a conversation is, in the order the INSERTs list them. */
function identityColumns(record: Omit<ConversationRecord, 'updatedAt' | 'installed'>): unknown[] {
  return [
    record.conversationId,
    record.scope,
    record.tenantId ?? null,
    record.serviceUrl,
    record.userAadObjectId?.toLowerCase() ?? null,
    record.userEmail?.toLowerCase() ?? null,
    JSON.stringify(record.reference),
  ];
}
