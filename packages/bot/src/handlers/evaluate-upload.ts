import { evaluationTemplate, londonToday, readEvaluation, renderDecisionRecordMarkdown, writeDecisionRecordWorkbook, writeEvaluationTemplateWorkbook } from '@contract-steward/core';
import { escapeMarkdown } from '../cards/card-kit.js';
import { evaluationRankingCard } from '../cards/evaluation-card.js';
import { downloadAttachment, type FileUpload } from '../files/download-attachment.js';
import { offerFile } from '../files/file-consent.js';
import type { FileServices } from '../files/file-services.js';
import type { BotServices } from '../services.js';
import type { InboundActivity, TurnIO } from '../turn.js';
import type { Asker } from './who.js';

/**
 * `evaluate` with an evaluation file attached: score it with core and reply with the ranking
 * card and the decision record files. The file is JSON or the Excel template. Without a file,
 * the blank template is offered in both forms.
 */
export async function evaluateUpload(uploads: readonly FileUpload[], activity: InboundActivity, asker: Asker, services: BotServices, files: FileServices, io: TurnIO): Promise<void> {
  const context = { vault: files.vault, scope: activity.conversation.scope, conversationId: activity.conversation.conversationId, publicUrl: files.publicUrl() };
  const upload = uploads[0];
  if (!upload) {
    await io.reply({ text: 'Attach your evaluation (.xlsx or .json) to a message that says `evaluate`, in our personal chat. Here is a blank one to fill in, as JSON and as an Excel workbook:' });
    await io.reply(await offerFile({ name: 'TDA evaluation.json', bytes: Buffer.from(`${JSON.stringify(evaluationTemplate(), null, 2)}\n`), description: 'A blank TDA evaluation: options, scores with rationale, costs and benefits.' }, context));
    await io.reply(await offerFile({ name: 'TDA evaluation.xlsx', bytes: await writeEvaluationTemplateWorkbook(undefined, { identity: services.documents }), description: 'A blank TDA evaluation workbook: weights and gates, options, scores with rationale, cash flows.' }, context));
    return;
  }
  if (upload.fileType !== 'json' && upload.fileType !== 'xlsx') {
    await io.reply({ text: `I read evaluations as .xlsx or .json files, not .${escapeMarkdown(upload.fileType) || '(no extension)'}. Type \`evaluate\` for a blank one.` });
    return;
  }
  const download = await downloadAttachment(upload.downloadUrl, files.policy, files.fetch);
  if (!download.ok) {
    await io.reply({ text: `I did not read ${escapeMarkdown(upload.name)}: ${escapeMarkdown(download.message)}.` });
    return;
  }
  const problemsReply = (problems: readonly { message: string }[]) => {
    const shown = problems.slice(0, 5).map((p) => `- ${escapeMarkdown(p.message)}`);
    const more = problems.length - shown.length;
    return { text: [`${escapeMarkdown(upload.name)} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`, ...shown, ...(more > 0 ? [`- …and ${more} more`] : []), 'Fix them and attach it again.'].join('\n') };
  };
  const result = await readEvaluation(download.bytes, upload.name.toLowerCase().endsWith(`.${upload.fileType}`) ? upload.name : `${upload.name}.${upload.fileType}`);
  if (!result.success) {
    const invalidJson = result.problems.find((p) => p.code === 'invalid-json');
    if (invalidJson) await io.reply({ text: `${escapeMarkdown(upload.name)} is not valid JSON (${escapeMarkdown(invalidJson.message)}). Fix it and attach it again.` });
    else await io.reply(problemsReply(result.problems));
    return;
  }
  const evaluation = result.value;
  services.log.info({ title: evaluation.evaluation.title, winner: evaluation.winner }, 'TDA evaluation scored in Teams');
  const actor = asker.person.email ?? activity.person.aadObjectId ?? activity.person.teamsId;
  const saved = await services.store.evaluations.save(evaluation.evaluation, { winner: evaluation.winner }, { actor, source: `teams:${upload.name}`, at: services.now() });
  await io.reply({ card: evaluationRankingCard(evaluation, saved.id), summary: `TDA evaluation: ${evaluation.winner ?? 'no recommendation'}` });
  const stem = `Decision record ${evaluation.evaluation.title}`.slice(0, 90);
  const date = londonToday(services.now());
  const record = await writeDecisionRecordWorkbook(evaluation, { date, identity: services.documents });
  await io.reply(await offerFile({ name: `${stem}.xlsx`, bytes: record, description: 'The TDA decision record with live formulas.' }, context));
  const markdown = renderDecisionRecordMarkdown(evaluation, { date, councilName: services.documents.councilName });
  await io.reply(await offerFile({ name: `${stem}.md`, bytes: Buffer.from(markdown), description: 'The TDA decision record as Markdown.' }, context));
}
