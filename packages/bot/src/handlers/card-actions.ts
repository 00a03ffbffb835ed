import { decide, isDutyKind, listRenewals, type DecisionRequest, type KeyDateKind } from '@contract-steward/core';
import type { CardActionOf } from '../actions.schema.js';
import { escapeMarkdown } from '../cards/card-kit.js';
import { contractCard } from '../cards/contract-card.js';
import { warningCard, type WarningOutcome } from '../cards/warning-card.js';
import { londonToday } from '../proactive/london-time.js';
import { describeWhoCan, mayActOnContract, maySeeContract } from '../roles.js';
import type { BotServices } from '../services.js';
import type { CardActionResult } from '../turn.js';
import { acknowledgeDuty } from './duty-actions.js';
import { renegotiationSaving } from './renegotiation.js';
import type { Asker } from './who.js';

type WarningAction = CardActionOf<'acknowledge' | 'snooze' | 'decide'>;

function nameOf(asker: Asker): string {
  return asker.person.name ?? asker.person.email ?? 'someone';
}

/** Turns a card action into the decision core understands. */
function requestOf(action: WarningAction, kind: KeyDateKind): DecisionRequest {
  switch (action.verb) {
    case 'acknowledge':
      return { action: 'acknowledge' };
    case 'snooze':
      return { action: 'snooze', days: action.snoozeDays, kind };
    case 'decide':
      return { action: action.decision };
  }
}

/** Acknowledge, snooze or decide on a warning: recorded in the ledger, and the card updated in place. */
export async function actOnWarning(action: WarningAction, asker: Asker, services: BotServices): Promise<CardActionResult> {
  const { store } = services;
  const now = services.now();
  const today = londonToday(now);
  const record = await store.renewals.getWarning(action.warningKey);
  if (!record) return { message: 'That warning is no longer in the ledger (the contract dates may have changed). Type `mine` for your current deadlines.' };
  const contract = await store.contracts.get(record.reference);
  if (!contract) return { message: `${escapeMarkdown(record.reference)} is no longer in the register, so there is nothing to record.` };
  if (!mayActOnContract(asker.person, asker.roles, contract)) {
    return { message: `You are not the owner of ${escapeMarkdown(contract.reference)} or its escalation contact, so you cannot act on its warnings; ask ${describeWhoCan(['procurement', 'administrator'], services.roles)}.` };
  }
  // Statutory and performance warnings are settled by their records, not by renewal decisions.
  if (isDutyKind(record.kind)) return acknowledgeDuty(action, { ...record, kind: record.kind }, contract, asker, services);
  const kind = record.kind;
  // The ledger and audit trail name people by email/UPN, as the register does; the card shows their name.
  const audit = { actor: asker.person.email ?? asker.person.aadObjectId ?? nameOf(asker), source: 'teams', at: now };
  // "Renegotiated" records the saving too: the prices come from the card.
  const renegotiation = action.verb === 'decide' && action.decision === 'renegotiated' ? renegotiationSaving(action, contract, today, audit.actor, now) : undefined;
  if (renegotiation && !renegotiation.ok) return { message: renegotiation.message };
  const request: DecisionRequest = renegotiation?.ok
    ? { action: 'renegotiated', savingId: renegotiation.saving.id, ...(renegotiation.newEndDate ? { newEndDate: renegotiation.newEndDate } : {}) }
    : requestOf(action, kind);
  const decided = decide(contract, request, { today, by: audit.actor, settings: services.settings });
  if (!decided.success) return { message: escapeMarkdown(decided.problems.map((p) => p.message).join(' ')) };
  await store.renewals.recordDecision(decided.value, audit);
  if (renegotiation?.ok) await store.savings.upsert(renegotiation.saving, audit);
  if (record.state !== 'acknowledged') await store.renewals.acknowledge(record.key, audit.actor, now);

  const by = nameOf(asker);
  const at = now.toISOString();
  const outcome: WarningOutcome =
    action.verb === 'acknowledge'
      ? { kind: 'acknowledged', by, at }
      : action.verb === 'snooze'
        ? { kind: 'snoozed', by, at, until: decided.value.decision.snoozedUntil ?? today }
        : { kind: 'decided', by, at, decision: action.decision };
  const current = decided.value.contract;
  return { card: warningCard({ warningKey: record.key, contract: current, deadline: { kind, date: record.deadline, rule: record.warning.rule }, today, outcome }) };
}

/** The contract behind a digest row or a warning's "Contract details", as a card. */
export async function showContract(action: CardActionOf<'showContract'>, asker: Asker, services: BotServices): Promise<CardActionResult> {
  const today = londonToday(services.now());
  const contract = await services.store.contracts.get(action.reference);
  if (!contract) return { message: `${escapeMarkdown(action.reference)} is no longer in the register.` };
  if (!maySeeContract(asker.person, asker.roles, contract)) return { message: `You are not the owner of ${escapeMarkdown(contract.reference)} or its escalation contact, so I cannot show it to you; ask ${describeWhoCan(['procurement', 'finance', 'administrator'], services.roles)} if you need it.` };
  const decisions = await services.store.renewals.listDecisions(contract.reference);
  return { card: contractCard(contract, listRenewals([contract], decisions, today, { settings: services.settings }), today) };
}
