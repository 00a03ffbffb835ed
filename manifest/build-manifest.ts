/**
 * `npm run manifest`: writes the Teams app package to manifest/build/contract-steward.zip
 * (manifest.json, color.png, outline.png) and validates the manifest offline against the
 * official v1.22 schema, which @microsoft/app-manifest bundles.
 *
 * The bot id is MicrosoftAppId; the app id TEAMS_APP_ID (a GUID of your own, stable across
 * versions); APP_BASE_URL the council site shown as the developer's pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { z } from 'zod';
import { TEAMS_MENU } from '../packages/bot/src/commands/command-list.js';
import { colourIcon, outlineIcon } from './icons.js';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID such as 2c5a1d2e-7b1f-4c8e-9a57-3f0d6c2b9e41');

export const ManifestConfigSchema = z.object({
  MicrosoftAppId: guid.default('00000000-0000-0000-0000-000000000000'),
  TEAMS_APP_ID: guid.default('6f1c3f0e-4b7a-4e55-9d0c-2f3b8a9c1d42'),
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be like 1.0.0').default('1.0.0'),
  APP_BASE_URL: z.url().default('https://contract-steward.example.gov.uk'),
  DEVELOPER_NAME: z.string().min(1).max(32).default('Contract Steward'),
});
export type ManifestConfig = z.infer<typeof ManifestConfigSchema>;

/** The manifest object, a pure function of configuration. */
export function buildManifest(config: ManifestConfig): Record<string, unknown> {
  const commands = TEAMS_MENU.map((command) => ({ title: command.title, description: command.description }));
  return {
    $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json',
    manifestVersion: '1.22',
    version: config.APP_VERSION,
    id: config.TEAMS_APP_ID,
    developer: {
      name: config.DEVELOPER_NAME,
      websiteUrl: config.APP_BASE_URL,
      privacyUrl: `${config.APP_BASE_URL}/privacy`,
      termsOfUseUrl: `${config.APP_BASE_URL}/terms`,
    },
    name: { short: 'Contract Steward', full: 'Contract Steward: contract renewals for councils' },
    description: {
      short: 'Renewal warnings and answers about your contracts, in Teams.',
      full: 'Contract Steward warns contract owners before notice and re-procurement deadlines, lets them acknowledge, snooze or record a decision from the card, and answers questions such as "what is renewing in the next 90 days?" from the council contracts register.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#0F6C74',
    bots: [
      {
        botId: config.MicrosoftAppId,
        scopes: ['personal', 'team'],
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [
          { scopes: ['personal'], commands },
          { scopes: ['team'], commands },
        ],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [],
  };
}

/** A fixed time for every file in the package, so the same configuration packs to the same bytes. */
const PACKED_AT = new Date(Date.UTC(2026, 0, 1));

/** Builds, validates and packs; returns the zip path, or throws with every schema error. */
export async function packManifest(config: ManifestConfig, outDir: string): Promise<{ zipPath: string; manifest: Record<string, unknown> }> {
  const manifest = buildManifest(config);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0]);
  if (errors.length > 0) throw new Error(`The manifest does not match the v1.22 schema:\n${errors.join('\n')}`);
  mkdirSync(outDir, { recursive: true });
  const files = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: colourIcon() },
    { name: 'outline.png', data: outlineIcon() },
  ];
  for (const file of files) writeFileSync(join(outDir, file.name), file.data);
  const zip = new JSZip();
  for (const file of files) zip.file(file.name, file.data, { date: PACKED_AT });
  const zipPath = join(outDir, 'contract-steward.zip');
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { zipPath, manifest };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const parsed = ManifestConfigSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    process.stderr.write(`manifest: Invalid ${issue?.path.join('.') ?? 'configuration'}: ${issue?.message ?? 'invalid'}\n`);
    process.exit(1);
  }
  if (!process.env.MicrosoftAppId) process.stderr.write('manifest: MicrosoftAppId is not set, so the bot id is a placeholder; set it before sideloading into Teams.\n');
  try {
    const { zipPath } = await packManifest(parsed.data, join(dirname(fileURLToPath(import.meta.url)), 'build'));
    process.stdout.write(`manifest: valid against the v1.22 schema; packed ${zipPath}\n`);
  } catch (error) {
    process.stderr.write(`manifest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
