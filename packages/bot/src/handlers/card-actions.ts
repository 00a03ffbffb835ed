import { addDays, computeKeyDates, isDutyKind, listRenewals, recordDecision, SETTLING_ACTIONS, type Contract, type DecisionRequest, type KeyDateKind, type RenewalDecision, type Saving, type SettlingAction, type WarningRecord } from '@contract-steward/core';
import type { CardActionOf } from '../actions.schema.js';
import { escapeMarkdown, formatDate, formatMoney } from '../cards/card-kit.js';
import { contractCard } from '../cards/contract-card.js';
import { loadContractExtras } from './contract-extras.js';
import { warningCard, type WarningOutcome } from '../cards/warning-card.js';
import { londonToday } from '../proactive/london-time.js';
import { describeWhoCan, mayActOnContract, maySeeContract } from '../roles.js';
import type { BotServices } from '../services.js';
import type { CardActionResult } from '../turn.js';
import { acknowledgeDuty } from './duty-actions.js';
import { decisionProblemMessage, renegotiationRequest } from './renegotiation.js';
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

/** What a renegotiation recorded: the saving sent to finance, and the term, changed or not. */
export function describeRenegotiation(saving: Saving, contract: Contract, newEndDate: string | undefined): string {
  const perYear = saving.baselineAnnual - saving.newAnnual;
  const price = `${formatMoney(saving.baselineAnnual) ?? ''} proposed, ${formatMoney(saving.newAnnual) ?? ''} agreed`;
  const sent = `Saving sent to finance to validate: ${formatMoney(perYear) ?? ''} a year (${price}) for ${saving.termMonths} months from ${formatDate(saving.start) ?? saving.start}.`;
  const term = newEndDate
    ? `New term: the contract now ends on ${formatDate(newEndDate) ?? newEndDate}.`
    : `The term is unchanged: the contract still ends on ${formatDate(contract.endDate) ?? 'its recorded end date'}, and its end and re-procurement dates stay on the renewals list.`;
  return `${sent} ${term}`;
}

/** Why a snooze was refused, and the two ways on. */
export function snoozePastDeadlineMessage(deadline: string, until: string): string {
  return `Not snoozed: the deadline on ${formatDate(deadline) ?? deadline} falls inside that snooze (until ${formatDate(until) ?? until}), so you would hear nothing more before it passes. Choose a shorter snooze, or tick "Snooze past the deadline" to confirm.`;
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
  // A card from before a decision (or a change of dates) answers with how things stand, and does not act twice.
  const decisions = await store.renewals.listDecisions(contract.reference);
  const standing = currentOutcome(record, contract, decisions, today, services);
  if (standing?.kind === 'decided' || standing?.kind === 'superseded') return { card: warningCardOf(record, contract, today, standing) };
  // A second press (or a second person) acknowledging what is already acknowledged records nothing new.
  if (action.verb === 'acknowledge' && standing?.kind === 'acknowledged') return { card: warningCardOf(record, contract, today, standing) };
  // A snooze that ends on or after the deadline would silence the warning until it is too late: only when confirmed.
  if (action.verb === 'snooze' && addDays(today, action.snoozeDays) >= record.deadline && action.pastDeadline !== 'true') {
    return { message: snoozePastDeadlineMessage(record.deadline, addDays(today, action.snoozeDays)) };
  }
  // The ledger and audit trail name people by email/UPN, as the register does; the card shows their name.
  const audit = { actor: asker.person.email ?? asker.person.aadObjectId ?? nameOf(asker), source: 'teams', at: now };
  // "Renegotiated" records the saving too: the prices come from the card.
  const renegotiation = action.verb === 'decide' && action.decision === 'renegotiated' ? renegotiationRequest(action, contract.reference) : undefined;
  if (renegotiation && !renegotiation.ok) return { message: renegotiation.message };
  const recorded = await recordDecision(store, {
    reference: contract.reference,
    request: renegotiation?.ok ? renegotiation.request : requestOf(action, kind),
    ...(renegotiation?.ok ? { prices: renegotiation.prices } : {}),
    warningKey: record.key,
    today,
    by: audit,
    settings: services.settings,
  });
  if (!recorded.success) return { message: decisionProblemMessage(recorded.problems, contract.reference) };
  const decided = recorded.value.outcome;

  const by = nameOf(asker);
  const at = now.toISOString();
  const outcome: WarningOutcome =
    action.verb === 'acknowledge'
      ? { kind: 'acknowledged', by, at }
      : action.verb === 'snooze'
        ? { kind: 'snoozed', by, at, until: decided.decision.snoozedUntil ?? today }
        : { kind: 'decided', by, at, decision: action.decision, ...(recorded.value.saving ? { detail: describeRenegotiation(recorded.value.saving, decided.contract, renegotiation?.ok && renegotiation.request.action === 'renegotiated' ? renegotiation.request.newEndDate : undefined) } : {}) };
  return { card: warningCardOf(record, decided.contract, today, outcome) };
}

function warningCardOf(record: WarningRecord, contract: Contract, today: string, outcome: WarningOutcome | undefined) {
  return warningCard({ warningKey: record.key, contract, deadline: { kind: record.kind as KeyDateKind, date: record.deadline, rule: record.warning.rule }, today, ...(outcome ? { outcome } : {}) });
}

const isSettling = (decision: RenewalDecision): decision is RenewalDecision & { action: SettlingAction } => (SETTLING_ACTIONS as readonly string[]).includes(decision.action);

/**
 * How a warning stands now: decided (a decision settled its deadline, or settled the contract's
 * deadlines after which this date no longer applies), superseded (its date is no longer one of
 * the contract's key dates), snoozed, acknowledged, or still open (undefined).
 */
export function currentOutcome(record: WarningRecord, contract: Contract, decisions: readonly RenewalDecision[], today: string, services: BotServices): WarningOutcome | undefined {
  const settling = decisions.filter(isSettling);
  const decidedOutcome = (d: RenewalDecision & { action: SettlingAction }): WarningOutcome => ({ kind: 'decided', by: d.by, at: d.decidedOn, decision: d.action, detail: escapeMarkdown(d.summary) });
  const settledBy = settling.findLast((d) => d.deadlines.some((x) => x.kind === record.kind && x.date === record.deadline));
  if (settledBy) return decidedOutcome(settledBy);
  const stillDue = computeKeyDates(contract, services.settings, today).some((k) => k.kind === record.kind && k.date === record.deadline);
  if (!stillDue) {
    const latest = settling.at(-1);
    if (latest) return decidedOutcome(latest);
    return { kind: 'superseded', reason: `This date no longer applies: the dates of ${escapeMarkdown(contract.reference)} have changed${contract.endDate ? ` (it ends on ${formatDate(contract.endDate) ?? contract.endDate})` : ''}. Type \`contract ${escapeMarkdown(contract.reference)}\` for its key dates.` };
  }
  const snooze = decisions.findLast((d) => d.action === 'snooze' && d.snoozedUntil !== undefined && d.snoozedUntil > today && d.deadlines.some((x) => x.kind === record.kind && x.date === record.deadline));
  if (snooze?.snoozedUntil) return { kind: 'snoozed', by: snooze.by, at: snooze.decidedOn, until: snooze.snoozedUntil };
  const acknowledged = decisions.findLast((d) => d.action === 'acknowledge' && d.deadlines.some((x) => x.kind === record.kind && x.date === record.deadline));
  if (acknowledged) return { kind: 'acknowledged', by: acknowledged.by, at: acknowledged.decidedOn };
  return undefined;
}

/** Teams asks for a warning card as it is viewed: the card as things stand now. */
export async function refreshWarning(action: CardActionOf<'refreshWarning'>, asker: Asker, services: BotServices): Promise<CardActionResult> {
  const today = londonToday(services.now());
  const record = await services.store.renewals.getWarning(action.warningKey);
  if (!record) return { message: 'That warning is no longer in the ledger. Type `mine` for your current deadlines.' };
  const contract = await services.store.contracts.get(record.reference);
  if (!contract) return { message: `${escapeMarkdown(record.reference)} is no longer in the register.` };
  if (!maySeeContract(asker.person, asker.roles, contract)) return { message: `You are not the owner of ${escapeMarkdown(contract.reference)} or its escalation contact.` };
  return { card: warningCardOf(record, contract, today, currentOutcome(record, contract, await services.store.renewals.listDecisions(contract.reference), today, services)) };
}

/** The contract behind a digest row or a warning's "Contract details", as a card. */
export async function showContract(action: CardActionOf<'showContract'>, asker: Asker, services: BotServices): Promise<CardActionResult> {
  const today = londonToday(services.now());
  const contract = await services.store.contracts.get(action.reference);
  if (!contract) return { message: `${escapeMarkdown(action.reference)} is no longer in the register.` };
  if (!maySeeContract(asker.person, asker.roles, contract)) return { message: `You are not the owner of ${escapeMarkdown(contract.reference)} or its escalation contact, so I cannot show it to you; ask ${describeWhoCan(['procurement', 'finance', 'administrator'], services.roles)} if you need it.` };
  const decisions = await services.store.renewals.listDecisions(contract.reference);
  const extras = await loadContractExtras(services.store, contract, today, services.utilisationFloor);
  return { card: contractCard(contract, listRenewals([contract], decisions, today, { settings: services.settings }), today, extras) };
}
