import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEFAULT_FILE_HOSTS } from './download-attachment.js';
import { fileServicesFrom } from './file-services.js';

const registered = { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant-1' };

describe('file settings', () => {
  it("defaults to Microsoft's hosts, 25 MB and no plain HTTP", () => {
    const files = fileServicesFrom(loadConfig({}), () => new Date(), () => 'http://127.0.0.1:3978');
    expect(files.policy).toEqual({ hosts: DEFAULT_FILE_HOSTS, maxBytes: 25 * 1_048_576, allowLoopbackHttp: false });
    expect(files.publicUrl()).toBe('http://127.0.0.1:3978');
  });

  it('reads the host list, the size limit and the public address', () => {
    const files = fileServicesFrom(loadConfig({ FILE_DOWNLOAD_HOSTS: 'council.sharepoint.com, *.example.org', MAX_UPLOAD_MB: '5', PUBLIC_URL: 'https://steward.council.gov.uk/' }), () => new Date(), () => '');
    expect(files.policy.hosts).toEqual(['council.sharepoint.com', '*.example.org']);
    expect(files.policy.maxBytes).toBe(5 * 1_048_576);
    expect(files.publicUrl()).toBe('https://steward.council.gov.uk');
  });

  it('refuses the test-only plain HTTP flag and a plain HTTP public address on a registered bot', () => {
    expect(() => loadConfig({ ...registered, FILE_DOWNLOAD_ALLOW_LOOPBACK_HTTP: 'true' })).toThrow(/^Invalid FILE_DOWNLOAD_ALLOW_LOOPBACK_HTTP \(got "true"\): is for tests only/);
    expect(() => loadConfig({ ...registered, PUBLIC_URL: 'http://steward.council.gov.uk' })).toThrow(/^Invalid PUBLIC_URL .*must start with https:\/\//);
    expect(() => loadConfig({ MAX_UPLOAD_MB: '0' })).toThrow(/^Invalid MAX_UPLOAD_MB/);
  });
});
