import { conversationUnchanged, londonToday } from '@contract-steward/core';
import { parseCardAction, type CardActionParse } from './actions.schema.js';
import { welcomeCard } from './cards/welcome-card.js';
import { parseCommand, tooLongMessage, type Command } from './commands/parse-command.js';
import { fileUploadsOf, type FileUpload } from './files/download-attachment.js';
import { answerFileConsent } from './files/file-consent.js';
import type { FileServices } from './files/file-services.js';
import { actOnWarning, refreshWarning, showContract } from './handlers/card-actions.js';
import { enterResult, recordPublication } from './handlers/duty-actions.js';
import { answerObligations } from './handlers/obligations.js';
import { answerContract, answerHelp, answerMine, answerOverdue, answerRenewals } from './handlers/command-handlers.js';
import { answerExport, answerSavings, answerSavingsExport, answerTenderPackForm, refuseDocument, type DocumentCommandName } from './handlers/document-handlers.js';
import { evaluateUpload } from './handlers/evaluate-upload.js';
import { publishQuarter } from './handlers/publish-quarter.js';
import { answerScoreAction } from './handlers/evaluation-scores.js';
import { answerImportAction, importUpload } from './handlers/import-upload.js';
import { answerPerformance } from './handlers/performance-handlers.js';
import { placeTurn, SENT_PRIVATELY } from './handlers/private-reply.js';
import { tenderPackFormMessage } from './handlers/tender-pack.js';
import { askerOf, type Asker } from './handlers/who.js';
import type { BotServices } from './services.js';
import type { CardActionResult, InboundActivity, TurnIO } from './turn.js';
import type { ActivityRouter } from './teams/teams-gateway.js';

const FILES_OFF = 'Files are turned off on this Contract Steward. Ask your administrator.';

type Message = Extract<InboundActivity, { kind: 'message' }>;

/**
 * Routes each activity to a handler; remembers where every conversation is so warnings can follow.
 * Messages are read by the one command parser and card actions by the one action schema, and
 * each has one exhaustive switch below.
 */
export class StewardBot implements ActivityRouter {
  constructor(private readonly services: BotServices) {}

  async handle(activity: InboundActivity, io: TurnIO): Promise<CardActionResult | undefined> {
    const { store } = this.services;
    const known = await store.conversations.get(activity.conversation.conversationId);
    if (activity.kind === 'uninstalled') {
      await store.conversations.markUninstalled(activity.conversation.conversationId, this.services.now());
      return undefined;
    }
    // A personal chat remembers the person's email once; in channels each sender is looked up.
    const sameSender = known?.userAadObjectId !== undefined && known.userAadObjectId === activity.person.aadObjectId?.toLowerCase();
    const email = activity.conversation.scope === 'personal' && sameSender && known.userEmail ? known.userEmail : await io.lookupEmail();
    const record = { ...activity.conversation, ...(activity.conversation.scope === 'personal' && email ? { userEmail: email } : {}) };
    // Install is atomic: Teams sends installationUpdate and conversationUpdate together, one welcome.
    let newlyInstalled = false;
    if (activity.kind === 'installed') newlyInstalled = await store.conversations.install(record, this.services.now());
    else if (!conversationUnchanged(known, record, this.services.now())) await store.conversations.save({ ...record, installed: true }, this.services.now());
    const person = { ...activity.person, ...(email ? { email: email.toLowerCase() } : {}) };
    const asker = askerOf(person, this.services);
    if (activity.kind === 'installed') {
      if (newlyInstalled) await io.reply({ card: welcomeCard({ scope: activity.conversation.scope, ...(person.name ? { personName: person.name } : {}) }), summary: 'Welcome to Contract Steward' });
      return undefined;
    }
    const placed = await placeTurn(activity, person.email, this.services, io);
    if (placed.place === 'refused') return undefined;
    if (placed.place === 'here') return this.route(activity, asker, person.name, io);
    await this.route(placed.activity, asker, person.name, placed.io);
    await io.reply({ text: SENT_PRIVATELY });
    return undefined;
  }

  private async route(activity: InboundActivity, asker: Asker, personName: string | undefined, io: TurnIO): Promise<CardActionResult | undefined> {
    switch (activity.kind) {
      case 'message': {
        if (activity.value !== undefined && activity.text.trim() === '') {
          // Action.Submit from a client without Universal Actions: same actions, reply as a message.
          const result = await this.act(parseCardAction(activity.value), activity, asker, io);
          await io.reply('card' in result ? { card: result.card, summary: 'Updated' } : { text: result.message });
          return undefined;
        }
        const command = parseCommand(activity.text, londonToday(this.services.now()));
        const uploads = fileUploadsOf(activity.attachments);
        // A file without `evaluate` is a register to import.
        if (uploads.length > 0 && command.name !== 'evaluate' && command.name !== 'tooLong') {
          await this.withFiles(io, async (files) => {
            for (const upload of uploads.slice(0, 1)) await importUpload(upload, activity, asker, this.services, files, io);
            if (uploads.length > 1) await io.reply({ text: 'I import one file at a time: upload the others one by one.' });
          });
          return undefined;
        }
        await this.command(command, uploads, activity, asker, personName, io);
        return undefined;
      }
      case 'cardAction':
        return this.act(parseCardAction(activity.value), activity, asker, io);
      case 'fileConsent': {
        const files = this.services.files;
        await io.reply(files ? await answerFileConsent(activity.value, activity.conversation.conversationId, files.vault, files.policy, files.fetch) : { text: FILES_OFF });
        return undefined;
      }
      case 'installed':
      case 'uninstalled':
      case 'other':
        return undefined;
    }
  }

  /** Every command a message can carry, one handler each. */
  private async command(command: Command, uploads: readonly FileUpload[], activity: Message, asker: Asker, personName: string | undefined, io: TurnIO): Promise<void> {
    const services = this.services;
    switch (command.name) {
      case 'tooLong':
        // Longer than Teams lets a person type: answered without being read at all.
        return io.reply({ text: tooLongMessage(command.bytes) });
      case 'help':
        return io.reply(answerHelp(command, personName));
      case 'renewals':
        return io.reply(await answerRenewals(command, asker, services));
      case 'mine':
        return io.reply(await answerMine(asker, services));
      case 'contract':
        return io.reply(await answerContract(command, asker, services));
      case 'overdue':
        return io.reply(await answerOverdue(asker, services));
      case 'obligations':
        return io.reply(await answerObligations(command, asker, services));
      case 'performance':
        return io.reply(await answerPerformance(command, asker, services));
      case 'export':
        return this.document(command.name, asker, io, (files) => answerExport(activity, services, files, io));
      case 'savings':
        return this.document(command.name, asker, io, () => answerSavings(services, io));
      case 'savingsExport':
        return this.document(command.name, asker, io, (files) => answerSavingsExport(activity, services, files, io));
      case 'tenderPack':
        return this.document(command.name, asker, io, () => io.reply(tenderPackFormMessage()));
      case 'evaluate':
        return this.document(command.name, asker, io, (files) => evaluateUpload(uploads, activity, asker, services, files, io));
      case 'publish':
        return this.document(command.name, asker, io, (files) => publishQuarter(command.quarter, activity, services, files, io));
    }
  }

  /** Every action a card can send, one handler each; the result replaces the card clicked. */
  private async act(parsed: CardActionParse, activity: InboundActivity, asker: Asker, io: TurnIO): Promise<CardActionResult> {
    if (!parsed.ok) return { message: parsed.message };
    const action = parsed.action;
    const services = this.services;
    const files = services.files;
    switch (action.verb) {
      case 'showContract':
        return showContract(action, asker, services);
      case 'acknowledge':
      case 'snooze':
      case 'decide':
        return actOnWarning(action, asker, services);
      case 'refreshWarning':
        return refreshWarning(action, asker, services);
      case 'recordPublication':
        return recordPublication(action, asker, services);
      case 'enterResult':
        return enterResult(action, asker, services);
      case 'importRegister':
      case 'cancelImport':
      case 'importProblems':
        return files ? answerImportAction(action, activity, asker, services, files, io) : { message: FILES_OFF };
      case 'tenderPack':
        return files ? answerTenderPackForm(action, activity, asker, services, files, io) : { message: FILES_OFF };
      case 'scoreOption':
      case 'saveScores':
        return files ? answerScoreAction(action, asker, services) : { message: FILES_OFF };
    }
  }

  /** A document command: files must be on, and the asker in one of its roles. */
  private async document(name: DocumentCommandName, asker: Asker, io: TurnIO, answer: (files: FileServices) => Promise<void>): Promise<void> {
    await this.withFiles(io, async (files) => {
      const refusal = refuseDocument(name, asker, this.services);
      await (refusal ? io.reply(refusal) : answer(files));
    });
  }

  private async withFiles(io: TurnIO, work: (files: FileServices) => Promise<void>): Promise<void> {
    const files = this.services.files;
    await (files ? work(files) : io.reply({ text: FILES_OFF }));
  }
}
