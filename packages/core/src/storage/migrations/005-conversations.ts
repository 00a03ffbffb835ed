import type { Migration } from './migration.js';

/**
 * Where the bot can reach people and channels later (proactive warnings). A row is one Teams
 * conversation: a personal chat (one person), or a team channel / group chat. The reference is
 * kept whole as JSON; the columns we look people up by (email/UPN, Entra object id) are pulled
 * out, lower-cased, and indexed.
 */
export const conversations: Migration = {
  version: 5,
  name: 'conversation references',
  up: `
      CREATE TABLE conversations (
        conversation_id TEXT PRIMARY KEY,
        scope           TEXT NOT NULL,
        tenant_id       TEXT,
        service_url     TEXT NOT NULL,
        user_aad_id     TEXT,
        user_email      TEXT,
        reference       {{json}} NOT NULL,
        installed       INTEGER NOT NULL,
        updated_at      TEXT NOT NULL
      );
      CREATE INDEX conversations_user_aad_id ON conversations (user_aad_id);
      CREATE INDEX conversations_user_email ON conversations (user_email);
    `,
};
