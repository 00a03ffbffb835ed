import { buildOcdsPackage, lastCompleteQuarter, ocdsContractInputs, parseQuarter, readRegisterForPublishing, transparencyStanding, writeTransparencyFile, type OcdsTag } from '@contract-steward/core';
import { publishCard, type PublishSummary } from '../cards/publish-card.js';
import { collectBytes } from '../files/collect-bytes.js';
import { offerFile, type OutgoingFile } from '../files/file-consent.js';
import type { FileServices } from '../files/file-services.js';
import { londonToday } from '../proactive/london-time.js';
import type { BotServices } from '../services.js';
import type { InboundActivity, TurnIO } from '../turn.js';

/**
 * `publish [2026Q3]`: the quarter's Transparency Code file (.xlsx) and the register's OCDS
 * package (.json), with a card saying what each holds and what was left out and why. The same
 * core functions as `steward export transparency` and `steward export ocds`, so the files match.
 * Who may ask is checked by the caller.
 */
export async function publishQuarter(quarterText: string | undefined, activity: InboundActivity, services: BotServices, files: FileServices, io: TurnIO): Promise<void> {
  const now = services.now();
  const today = londonToday(now);
  let quarter = lastCompleteQuarter(today);
  if (quarterText !== undefined) {
    const parsed = parseQuarter(quarterText);
    if (!parsed.success) {
      await io.reply({ text: `${parsed.problem.message} Or type \`publish\` for the last complete quarter.` });
      return;
    }
    quarter = parsed.value;
  }
  const register = await readRegisterForPublishing(services.store);
  if (register.contracts.length === 0) {
    await io.reply({ text: 'The register is empty: there is nothing to publish. An administrator can upload the register here first.' });
    return;
  }
  const byStanding = (standing: ReturnType<typeof transparencyStanding>) => register.contracts.filter((c) => transparencyStanding(c, quarter) === standing).map((c) => c.reference);
  let written = { count: 0, noValue: 0 };
  const bytes = await collectBytes(async (stream) => (written = await writeTransparencyFile({ stream, format: 'xlsx' }, register.contracts, quarter, { identity: services.documents })));
  const xlsx = { ...written, bytes };
  const outgoing: OutgoingFile[] = [{ name: `Transparency ${quarter.label}.xlsx`, bytes: xlsx.bytes, description: `Transparency Code 2015 file for ${quarter.label}: ${xlsx.count} contracts. It imports back unchanged.` }];

  let ocds: PublishSummary['ocds'];
  const { ocidPrefix, publisher } = services.ocds ?? {};
  if (ocidPrefix === undefined || publisher === undefined) {
    ocds = { missing: [ocidPrefix === undefined ? 'OCDS_OCID_PREFIX' : undefined, publisher === undefined ? 'OCDS_PUBLISHER' : undefined].filter((s): s is string => s !== undefined) };
  } else {
    const built = buildOcdsPackage(ocdsContractInputs(register), { ocidPrefix, publisher, uri: `urn:ocds:${ocidPrefix}:${today}`, publishedDate: now.toISOString(), today });
    if (!built.success) {
      ocds = { problem: built.problem.message };
    } else {
      const tags: OcdsTag[] = ['contract', 'contractAmendment', 'implementation', 'contractTermination'];
      const byTag = Object.fromEntries(tags.map((tag) => [tag, built.value.releases.filter((r) => r.tag[0] === tag).length]));
      ocds = { contracts: register.contracts.length, releases: built.value.releases.length, byTag };
      outgoing.push({ name: `OCDS ${today}.json`, bytes: Buffer.from(`${JSON.stringify(built.value, null, 2)}\n`, 'utf8'), description: `OCDS 1.1.5 release package: ${register.contracts.length} contracts, ${built.value.releases.length} releases.` });
    }
  }
  const transparency = { listed: xlsx.count, noValue: byStanding('no-value'), notOverThreshold: byStanding('not-over-threshold'), endedBefore: byStanding('ended-before'), startsAfter: byStanding('starts-after') };
  await io.reply({ card: publishCard({ quarter, transparency, ocds }), summary: `Publishing ${quarter.label}` });
  const context = { vault: files.vault, scope: activity.conversation.scope, conversationId: activity.conversation.conversationId, publicUrl: files.publicUrl() };
  for (const file of outgoing) await io.reply(await offerFile(file, context));
}
