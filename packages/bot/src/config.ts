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
  /** Tenants whose users may talk to the bot; empty means the app's own tenant only (or any, unauthenticated). */
  ALLOWED_TENANTS: list,
}).superRefine((config, ctx) => {
  if (!config.MicrosoftAppId) return;
  if (config.MicrosoftAppType === 'SingleTenant' && !config.MicrosoftAppTenantId) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is SingleTenant (the Entra tenant of the bot registration)' });
  }
  if (config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `is required when MicrosoftAppId is set (the client secret of the bot's Entra app)` });
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
    const shown = name === 'MicrosoftAppPassword' || name === 'DATABASE_URL' ? '' : ` (got "${String(env[name] ?? '')}")`;
    throw new ConfigError(`Invalid ${name}${shown}: ${issue?.message ?? 'invalid value'}. Fix it in the environment and start again.`);
  }
  return result.data;
}

/** With no App ID the bot cannot authenticate callers, so it must not listen beyond loopback. */
export function isAnonymous(config: Config): boolean {
  return !config.MicrosoftAppId;
}
