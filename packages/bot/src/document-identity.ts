import { readFileSync } from 'node:fs';
import { pngSize, type DocumentIdentity } from '@contract-steward/core';
import { ConfigError, type Config } from './config.js';

/**
 * The council generated documents name, from COUNCIL_NAME and COUNCIL_LOGO. The logo is read
 * once at start, so a missing or broken file stops start-up with a sentence, not a failed export.
 */
export function loadDocumentIdentity(config: Pick<Config, 'COUNCIL_NAME' | 'COUNCIL_LOGO'>): DocumentIdentity {
  const name = config.COUNCIL_NAME ? { councilName: config.COUNCIL_NAME } : {};
  if (!config.COUNCIL_LOGO) return name;
  let logo: Buffer;
  try {
    logo = readFileSync(config.COUNCIL_LOGO);
  } catch (error) {
    throw new ConfigError(`Invalid COUNCIL_LOGO (got "${config.COUNCIL_LOGO}"): cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}). Point it at the council's logo as a PNG file, or unset it, and start again.`);
  }
  if (!pngSize(logo)) throw new ConfigError(`Invalid COUNCIL_LOGO (got "${config.COUNCIL_LOGO}"): the file is not a PNG image. Save the logo as PNG, or unset it, and start again.`);
  return { ...name, logo };
}
