import { DEFAULT_GOVERNANCE_BANDS, DUTY_THRESHOLDS_FORMAT, GOVERNANCE_BANDS_FORMAT, parseDutyThresholds, parseGovernanceBands, renewalSettings, type RenewalSettings } from '@contract-steward/core';
import { z } from 'zod';

const list = z
  .string()
  .optional()
  .transform((text) => (text ?? '').split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean));

/**
 * Everything the bot reads from its environment, validated once at start. A bad value stops
 * start-up with one line naming the variable.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978), // 0 picks a free port (tests)
  HOST: z.string().optional(),
  STEWARD_DB: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Tenants whose users may talk to the bot; empty means the app's own tenant only (or any, without an App ID). */
  ALLOWED_TENANTS: list,
  /** People (emails/UPNs or Entra object ids) who may do everything, including see every contract. */
  ADMINISTRATORS: list,
  /** Procurement officers: see every contract and may act on any warning. */
  PROCUREMENT: list,
  /** Finance officers: see every contract (values and renewals), but act only on their own. */
  FINANCE: list,
  /** Hour of the day (0-23, Europe/London) at which the daily warning run starts. */
  WARNING_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  /** Turn the in-process daily run off when an external scheduler calls /api/renewals/run instead. */
  WARNING_SCHEDULE: z.enum(['on', 'off']).default('on'),
  /** Bearer token for POST /api/renewals/run; unset disables the endpoint. */
  RENEWALS_RUN_TOKEN: z.string().min(24, 'must be at least 24 characters (use a long random secret, e.g. `openssl rand -hex 32`)').optional(),
  /** Teams conversation id of the procurement channel: warnings for owners without the app go there, and escalations. */
  PROCUREMENT_CHANNEL: z.string().regex(/^\d+:[^\s]+$/, 'must be a Teams conversation id such as 19:abc...@thread.tacv2').optional(),
  /** Within this many days of a deadline, an unacknowledged warning is also sent to the contract's escalation contact. */
  ESCALATE_WITHIN_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  /** Percent of paid-for capacity in use below which a contract is flagged "review usage before renewing". */
  UTILISATION_FLOOR: z.coerce.number().min(0).max(100).default(70),
  /** Days of approval before a renewal decision, by contract value (the council's key-decision bands): `100000:0,500000:42,70`. */
  GOVERNANCE_LEAD_TIMES: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return DEFAULT_GOVERNANCE_BANDS;
      const bands = parseGovernanceBands(text);
      if (bands === undefined) {
        ctx.addIssue({ code: 'custom', message: `must be ${GOVERNANCE_BANDS_FORMAT}` });
        return z.NEVER;
      }
      return bands;
    }),
  /** Days before statutory and performance deadlines to warn, by kind, replacing the defaults for those kinds: `UK7=14,7,1;kpi-result=3`. */
  DUTY_WARNING_THRESHOLDS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return {};
      const thresholds = parseDutyThresholds(text);
      if (thresholds === undefined) {
        ctx.addIssue({ code: 'custom', message: `must be ${DUTY_THRESHOLDS_FORMAT}` });
        return z.NEVER;
      }
      return thresholds;
    }),
  /** Sending attempts per warning in one run before it is marked failed (retried on the next run). */
  SEND_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Longest wait, in milliseconds, between attempts to send one message (Retry-After is honoured up to this). */
  SEND_MAX_BACKOFF_MS: z.coerce.number().int().min(0).max(600_000).default(60_000),
  /** How long an instance holds the warnings it claimed before another instance may take them over (after a crash). */
  SEND_LEASE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(600_000),
  /** Minimum gap, in milliseconds, between two messages to one conversation (Teams allows about one a second). */
  SEND_PACE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /** Hosts the bot downloads uploaded files from (`*.` for subdomains); empty means Microsoft's OneDrive/SharePoint hosts. */
  FILE_DOWNLOAD_HOSTS: list,
  /** Largest file, in MB, the bot downloads from an upload (reading stops past it). */
  MAX_UPLOAD_MB: z.coerce.number().positive().max(200).default(25),
  /** Tests only: accept plain HTTP downloads from a listed loopback host (127.0.0.1). Never set in production. */
  FILE_DOWNLOAD_ALLOW_LOOPBACK_HTTP: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Folder for generated files, download links and imports awaiting confirmation (default: the system temp folder). */
  FILES_DIR: z.string().optional(),
  /** The bot's public HTTPS address, for download links in channels and group chats; required with an App ID (without one, the address it listens on). */
  PUBLIC_URL: z.string().url().optional(),
  /** The council named in the header of every generated document; unset, documents name no council. */
  COUNCIL_NAME: z.string().trim().max(120).optional(),
  /** A PNG file with the council's logo, placed in the title area of generated documents. */
  COUNCIL_LOGO: z.string().regex(/\.png$/i, 'must be a .png file').optional(),
  /** The council's OCDS ocid prefix (`ocds-` and six characters from the Open Contracting Partnership), for the `publish` command's OCDS package. */
  OCDS_OCID_PREFIX: z.string().trim().regex(/^ocds-[a-z0-9]{6}$/, 'must be "ocds-" and the six lower-case letters or digits the Open Contracting Partnership registered for the council, e.g. ocds-a1b2c3').optional(),
  /** The council as the publisher and buyer of its OCDS releases, e.g. "Norfolk County Council". */
  OCDS_PUBLISHER: z.string().trim().min(1).max(200).optional(),
}).superRefine((config, ctx) => {
  if (!config.MicrosoftAppId) {
    if (config.HOST && !['127.0.0.1', '::1', 'localhost'].includes(config.HOST)) {
      ctx.addIssue({ code: 'custom', path: ['HOST'], message: 'must be loopback (127.0.0.1) when MicrosoftAppId is not set, because requests are then not authenticated' });
    }
    return;
  }
  if (config.FILE_DOWNLOAD_ALLOW_LOOPBACK_HTTP) {
    ctx.addIssue({ code: 'custom', path: ['FILE_DOWNLOAD_ALLOW_LOOPBACK_HTTP'], message: 'is for tests only and cannot be set when MicrosoftAppId is set (uploads come over HTTPS)' });
  }
  // The tenant filter needs a tenant: without one, any tenant would be accepted and sent to.
  if ((config.MicrosoftAppType === 'SingleTenant' || config.MicrosoftAppType === 'UserAssignedMSI') && !config.MicrosoftAppTenantId) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required when MicrosoftAppType is ${config.MicrosoftAppType} (the Entra tenant of the bot registration)` });
  }
  if (config.MicrosoftAppType === 'MultiTenant' && !config.MicrosoftAppTenantId && config.ALLOWED_TENANTS.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['ALLOWED_TENANTS'], message: 'is required for a MultiTenant bot with no MicrosoftAppTenantId (list the council tenant ids, or people from any organisation could use the bot)' });
  }
  if (config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `is required when MicrosoftAppId is set (the client secret of the bot's Entra app)` });
  }
  // Download links are issued once the bot is registered; the listening address (0.0.0.0) is no link.
  if (!config.PUBLIC_URL) {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required when MicrosoftAppId is set: the HTTPS address Teams users reach the bot at, e.g. https://steward.council.gov.uk, for download links' });
  } else if (!config.PUBLIC_URL.startsWith('https://')) {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'must start with https:// when MicrosoftAppId is set (download links carry their own credential)' });
  }
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment, or throws a ConfigError whose message is one line. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const blankAsMissing = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = ConfigSchema.safeParse(blankAsMissing);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') ?? 'configuration';
    const secret = name === 'MicrosoftAppPassword' || name === 'DATABASE_URL' || name === 'RENEWALS_RUN_TOKEN';
    const shown = secret ? '' : ` (got "${String(env[name] ?? '')}")`;
    throw new ConfigError(`Invalid ${name}${shown}: ${issue?.message ?? 'invalid value'}. Fix it in the environment and start again.`);
  }
  return result.data;
}

/**
 * The council's renewal rules from the configuration: what the bot answers and warns with, and
 * what the store's deadline index is computed with, so the bot's questions can read the index.
 */
export function renewalRulesOf(config: Config): RenewalSettings {
  return renewalSettings({ escalateWithinDays: config.ESCALATE_WITHIN_DAYS, governanceBands: config.GOVERNANCE_LEAD_TIMES, dutyThresholds: config.DUTY_WARNING_THRESHOLDS });
}

/** With no App ID the bot cannot authenticate callers, so it must not listen beyond loopback. */
export function isAnonymous(config: Config): boolean {
  return !config.MicrosoftAppId;
}

/**
 * The tenants whose activities the bot accepts. An explicit list wins; otherwise, with an App ID,
 * only the tenant the bot is registered in. Undefined means any tenant (anonymous local use).
 */
export function allowedTenants(config: Config): ReadonlySet<string> | undefined {
  if (config.ALLOWED_TENANTS.length > 0) return new Set(config.ALLOWED_TENANTS);
  if (config.MicrosoftAppTenantId) return new Set([config.MicrosoftAppTenantId.toLowerCase()]);
  // Start-up refuses a registered bot with neither; should one slip through, it accepts no tenant.
  return isAnonymous(config) ? undefined : new Set();
}
