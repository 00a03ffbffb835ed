import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { loadDocumentIdentity } from './document-identity.js';

const folder = mkdtempSync(join(tmpdir(), 'steward-identity-'));
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000300000001008060000001f15c489', 'hex');

describe('the council named on documents', () => {
  it('names no council when COUNCIL_NAME is unset, rather than a made-up one', () => {
    expect(loadDocumentIdentity(loadConfig({}))).toEqual({});
  });

  it('reads the name and the PNG logo once, at start', () => {
    writeFileSync(join(folder, 'logo.png'), PNG);
    const identity = loadDocumentIdentity(loadConfig({ COUNCIL_NAME: ' Exampleton Borough Council ', COUNCIL_LOGO: join(folder, 'logo.png') }));
    expect(identity.councilName).toBe('Exampleton Borough Council');
    expect(Buffer.from(identity.logo ?? []).equals(PNG)).toBe(true);
  });

  it('stops start-up with a sentence when the logo is missing or not a PNG', () => {
    writeFileSync(join(folder, 'fake.png'), 'GIF89a');
    expect(() => loadDocumentIdentity(loadConfig({ COUNCIL_LOGO: join(folder, 'missing.png') }))).toThrow(/Invalid COUNCIL_LOGO .*cannot read it \(ENOENT\)/);
    expect(() => loadDocumentIdentity(loadConfig({ COUNCIL_LOGO: join(folder, 'fake.png') }))).toThrow(/the file is not a PNG image/);
    expect(() => loadConfig({ COUNCIL_LOGO: 'logo.jpg' })).toThrow('Invalid COUNCIL_LOGO (got "logo.jpg"): must be a .png file');
  });
});
