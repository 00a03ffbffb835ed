import { describe, expect, it } from 'vitest';
import { allowedTenants, ConfigError, loadConfig } from './config.js';

const messageOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return 'no error';
};

describe('loadConfig', () => {
  it('reads role lists as lower-cased emails/UPNs or object ids, separated by commas, semicolons or spaces', () => {
    const config = loadConfig({ PROCUREMENT: 'P.Ng@Council.gov.uk; 00000000-0000-0000-0000-0000000000B2', ADMINISTRATORS: 'a@x.gov.uk, b@x.gov.uk' });
    expect(config.PROCUREMENT).toEqual(['p.ng@council.gov.uk', '00000000-0000-0000-0000-0000000000b2']);
    expect(config.ADMINISTRATORS).toEqual(['a@x.gov.uk', 'b@x.gov.uk']);
    expect(config.WARNING_HOUR).toBe(8);
  });

  it('never echoes a secret it refuses', () => {
    const message = messageOf({ RENEWALS_RUN_TOKEN: 'short-secret' });
    expect(message).toContain('Invalid RENEWALS_RUN_TOKEN: must be at least 24 characters');
    expect(message).not.toContain('short-secret');
  });

  it('refuses to listen beyond loopback without an App ID', () => {
    expect(messageOf({ HOST: '0.0.0.0' })).toContain('Invalid HOST (got "0.0.0.0"): must be loopback');
  });

  it('refuses a procurement channel that is not a Teams conversation id', () => {
    expect(messageOf({ PROCUREMENT_CHANNEL: 'procurement' })).toContain('Invalid PROCUREMENT_CHANNEL (got "procurement")');
  });

  it('reads the OCDS prefix and publisher for publish, refusing a prefix the Open Contracting Partnership would not register', () => {
    expect(loadConfig({ OCDS_OCID_PREFIX: 'ocds-a1b2c3', OCDS_PUBLISHER: 'Anytown Council' })).toMatchObject({ OCDS_OCID_PREFIX: 'ocds-a1b2c3', OCDS_PUBLISHER: 'Anytown Council' });
    expect(messageOf({ OCDS_OCID_PREFIX: 'ocds-ABC' })).toContain('Invalid OCDS_OCID_PREFIX (got "ocds-ABC"): must be "ocds-" and the six');
  });

  const registered = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'x', PUBLIC_URL: 'https://steward.council.gov.uk' };
  it('reads governance lead times by value band, and names the variable and the form when they are wrong', () => {
    expect(loadConfig({ GOVERNANCE_LEAD_TIMES: '250000:28,56' }).GOVERNANCE_LEAD_TIMES).toEqual([{ below: 250_000, days: 28 }, { days: 56 }]);
    expect(loadConfig({}).GOVERNANCE_LEAD_TIMES).toEqual([{ below: 100_000, days: 0 }, { below: 500_000, days: 42 }, { days: 70 }]);
    const message = messageOf({ GOVERNANCE_LEAD_TIMES: '100000:0,500000:42' });
    expect(message).toContain('Invalid GOVERNANCE_LEAD_TIMES (got "100000:0,500000:42"): must be value limits in pounds and days, such as 100000:0,500000:42,70');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('requires a tenant list for a multi-tenant registration, so strangers cannot use the bot', () => {
    expect(messageOf({ ...registered, MicrosoftAppType: 'MultiTenant' })).toContain('Invalid ALLOWED_TENANTS');
  });

  it('requires the tenant of a managed-identity registration, so the tenant filter is never off', () => {
    const { MicrosoftAppPassword: _, ...withoutPassword } = registered;
    expect(messageOf({ ...withoutPassword, MicrosoftAppType: 'UserAssignedMSI' })).toMatch(/^Invalid MicrosoftAppTenantId \(got ""\): is required when MicrosoftAppType is UserAssignedMSI/);
    expect(allowedTenants(loadConfig({ ...withoutPassword, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'Tenant-1' }))).toEqual(new Set(['tenant-1']));
  });

  it('requires PUBLIC_URL once the bot has an App ID, so download links never point at the listening address', () => {
    const { PUBLIC_URL: _, ...withoutUrl } = registered;
    expect(messageOf({ ...withoutUrl, MicrosoftAppTenantId: 'tenant-1' })).toMatch(/^Invalid PUBLIC_URL \(got ""\): is required when MicrosoftAppId is set/);
  });

  it("allows only the bot's own tenant by default once it has an App ID, and any tenant when anonymous", () => {
    expect([...(allowedTenants(loadConfig({ ...registered, MicrosoftAppTenantId: 'Tenant-1' })) ?? [])]).toEqual(['tenant-1']);
    expect(allowedTenants(loadConfig({}))).toBeUndefined();
  });
});
