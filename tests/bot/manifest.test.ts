import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildManifest, ManifestConfigSchema, packManifest } from '../../manifest/build-manifest.js';

/** Width, height, colour type and the alpha of every pixel, read back from our PNG. */
function readPng(file: Buffer): { width: number; height: number; colourType: number; alphas: number[] } {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = file.readUInt32BE(16);
  const height = file.readUInt32BE(20);
  const idatLength = file.readUInt32BE(33);
  const raw = inflateSync(file.subarray(41, 41 + idatLength));
  const alphas: number[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) alphas.push(raw[y * (width * 4 + 1) + 1 + x * 4 + 3] ?? -1);
  return { width, height, colourType: file[25] ?? -1, alphas };
}

/** The files inside a zip, by reading its local headers. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
  while (zip.readUInt32LE(offset) === 0x04034b50) {
    const size = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const name = zip.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const start = offset + 30 + nameLength;
    files.set(name, inflateRawSync(zip.subarray(start, start + size)));
    offset = start + size;
  }
  return files;
}

describe('Teams app manifest', () => {
  const config = ManifestConfigSchema.parse({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555' });

  it('packs a manifest that validates against the bundled v1.22 schema, with the bot id from configuration', async () => {
    const { zipPath } = await packManifest(config, mkdtempSync(join(tmpdir(), 'manifest-')));
    const files = unzip(readFileSync(zipPath));
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as { manifestVersion: string; bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: { commands: { title: string }[] }[] }[] };
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.bots[0]).toMatchObject({ botId: '11111111-2222-3333-4444-555555555555', scopes: ['personal', 'team'], supportsFiles: true });
    expect(manifest.bots[0]?.commandLists[0]?.commands.map((c) => c.title)).toEqual(['renewals 90', 'mine', 'contract CON-0042', 'overdue', 'performance CON-0042', 'export', 'savings', 'tender pack', 'evaluate', 'publish']);
  });

  it('draws a 192×192 opaque colour icon and a 32×32 outline icon on a transparent background', async () => {
    const { zipPath } = await packManifest(config, mkdtempSync(join(tmpdir(), 'manifest-')));
    const files = unzip(readFileSync(zipPath));
    const colour = readPng(files.get('color.png') ?? Buffer.alloc(0));
    expect([colour.width, colour.height, colour.colourType]).toEqual([192, 192, 6]);
    expect(colour.alphas.every((a) => a === 255)).toBe(true);
    const outline = readPng(files.get('outline.png') ?? Buffer.alloc(0));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.alphas[0]).toBe(0);
    expect(outline.alphas.some((a) => a === 255)).toBe(true);
  });

  it('refuses to pack a manifest the schema rejects, and says why', async () => {
    const broken = { ...config, DEVELOPER_NAME: 'x'.repeat(40) };
    expect(buildManifest(broken)).toMatchObject({ developer: { name: 'x'.repeat(40) } });
    await expect(packManifest(broken, mkdtempSync(join(tmpdir(), 'manifest-')))).rejects.toThrow('does not match the v1.22 schema');
  });
});
