import type { Migration } from './migration.js';

/**
 * The price a council pays now, beside the baseline and the new price, so that a saving splits
 * into its cashable part (current − new) and its cost avoidance. Savings recorded before it
 * existed keep their meaning: the whole saving was of the type their cashable flag said, so
 * current is the baseline when cashable and the new price when not.
 */
export const savingCurrentPrice: Migration = {
  version: 8,
  name: 'saving current price',
  up: {
    sqlite: `
      ALTER TABLE savings ADD COLUMN current_annual REAL;
      UPDATE savings SET current_annual = CASE WHEN json_extract(data, '$.cashable') THEN json_extract(data, '$.baselineAnnual') ELSE json_extract(data, '$.newAnnual') END;
    `,
    postgres: `
      ALTER TABLE savings ADD COLUMN current_annual DOUBLE PRECISION;
      UPDATE savings SET current_annual = CASE WHEN (data->>'cashable')::boolean THEN (data->>'baselineAnnual')::double precision ELSE (data->>'newAnnual')::double precision END;
    `,
  },
};
