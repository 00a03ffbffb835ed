import type { Migration } from './migration.js';

/**
 * Technical Design Authority evaluations, kept whole as JSON (the zod schema is the source of
 * truth) so the TDA can revisit, re-run and re-export them; the title, winner and who saved
 * them when are pulled out for listing.
 */
export const evaluations: Migration = {
  version: 4,
  name: 'TDA evaluations',
  up: `
      CREATE TABLE evaluations (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL,
        data         {{json}} NOT NULL,
        winner       TEXT,
        option_count INTEGER NOT NULL,
        created_by   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX evaluations_created_at ON evaluations (created_at);
    `,
};
