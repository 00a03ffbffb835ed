import { computeObligations, isDutyKind, planKpiResult, planPublication, type Contract, type DutyKind, type WarningRecord } from '@contract-steward/core';
import type { CardActionOf } from '../actions.schema.js';
import { escapeMarkdown } from '../cards/card-kit.js';
import { dutyWarningCard, type DutyOutcome } from '../cards/duty-warning-card.js';
import { londonToday } from '../proactive/london-time.js';
import { describeWhoCan, mayActOnContract } from '../roles.js';
import type { BotServices } from '../services.js';
import type { CardActionResult } from '../turn.js';
import type { Asker } from './who.js';

type DutyRecord = WarningRecord & { readonly kind: DutyKind };

const actorOf = (asker: Asker) => asker.person.email ?? asker.person.aadObjectId ?? asker.person.name ?? 'someone';
const nameOf = (asker: Asker) => asker.person.name ?? asker.person.email ?? 'someone';

/** The warning, its contract, and whether the asker may act on it (the same check as renewal warnings). */
async function dutyWarningFor(warningKey: string, asker: Asker, services: BotServices): Promise<{ record: DutyRecord; contract: Contract } | { message: string }> {
  const record = await services.store.renewals.getWarning(warningKey);
  if (!record || !isDutyKind(record.kind)) return { message: 'That warning is no longer in the ledger. Type `mine` for your current deadlines.' };
  const contract = await services.store.contracts.get(record.reference);
  if (!contract) return { message: `${escapeMarkdown(record.reference)} is no longer in the register, so there is nothing to record.` };
  if (!mayActOnContract(asker.person, asker.roles, contract)) {
    return { message: `You are not the owner of ${escapeMarkdown(contract.reference)} or its escalation contact, so you cannot act on its warnings; ask ${describeWhoCan(['procurement', 'administrator'], services.roles)}.` };
  }
  return { record: { ...record, kind: record.kind }, contract };
}

async function cardWith(record: DutyRecord, contract: Contract, outcome: DutyOutcome, services: BotServices): Promise<CardActionResult> {
  const subject = record.warning.subject;
  const kpi = subject?.type === 'kpi-result' ? await services.store.performance.getKpi(contract.reference, subject.kpi) : undefined;
  return { card: dutyWarningCard({ warningKey: record.key, contract, kind: record.kind, deadline: record.deadline, rule: record.warning.rule, subject, ...(kpi ? { kpi } : {}), today: londonToday(services.now()), outcome }) };
}

/** Acknowledge on a duty warning: stops its escalation; the duty itself stays open until recorded. */
export async function acknowledgeDuty(action: CardActionOf<'acknowledge' | 'snooze' | 'decide'>, record: DutyRecord, contract: Contract, asker: Asker, services: BotServices): Promise<CardActionResult> {
  if (action.verb !== 'acknowledge') return { message: 'This warning is settled by recording the publication or the result on its card, not by a renewal decision. Nothing was changed.' };
  const now = services.now();
  await services.store.renewals.acknowledge(record.key, actorOf(asker), now);
  return cardWith(record, contract, { kind: 'acknowledged', by: nameOf(asker), at: now.toISOString() }, services);
}

/** Record publication: the same core code as `steward obligations done`, audited, and the card updated in place. */
export async function recordPublication(action: CardActionOf<'recordPublication'>, asker: Asker, services: BotServices): Promise<CardActionResult> {
  const found = await dutyWarningFor(action.warningKey, asker, services);
  if ('message' in found) return found;
  const { record, contract } = found;
  const subject = record.warning.subject;
  if (subject?.type !== 'obligation') return { message: 'This warning is not about a notice, so there is no publication to record. Nothing was changed.' };
  const now = services.now();
  const { store } = services;
  const obligations = computeObligations(contract, { today: londonToday(now), modifications: await store.procurementAct.listModifications(contract.reference), publications: await store.procurementAct.listPublications(contract.reference) });
  const planned = planPublication(contract, obligations, subject.occurrence, { publishedOn: action.publishedOn, ...(action.noticeId ? { noticeId: action.noticeId } : {}), by: actorOf(asker), at: now.toISOString() });
  if (!planned.success) return { message: `${escapeMarkdown(planned.problems.map((p) => p.message).join(' '))} Nothing was changed.` };
  await store.procurementAct.recordPublication(planned.value, { actor: actorOf(asker), source: 'teams', at: now });
  if (record.state !== 'acknowledged') await store.renewals.acknowledge(record.key, actorOf(asker), now);
  return cardWith(record, contract, { kind: 'published', by: nameOf(asker), publishedOn: planned.value.publishedOn, ...(planned.value.noticeId ? { noticeId: planned.value.noticeId } : {}) }, services);
}

/** Enter a missing KPI result: read and rated by core as `steward kpis record` does, audited, and the card updated in place. */
export async function enterResult(action: CardActionOf<'enterResult'>, asker: Asker, services: BotServices): Promise<CardActionResult> {
  const found = await dutyWarningFor(action.warningKey, asker, services);
  if ('message' in found) return found;
  const { record, contract } = found;
  const subject = record.warning.subject;
  if (subject?.type !== 'kpi-result') return { message: 'This warning is not about a KPI result, so there is no result to enter. Nothing was changed.' };
  const { store } = services;
  const kpi = await store.performance.getKpi(contract.reference, subject.kpi);
  if (!kpi) return { message: `${escapeMarkdown(contract.reference)} no longer has the KPI "${escapeMarkdown(subject.kpi)}", so there is nothing to record.` };
  const now = services.now();
  const planned = planKpiResult(kpi, { periodStart: subject.periodStart, periodEnd: subject.periodEnd, value: action.value, ...(action.note ? { note: action.note } : {}), by: actorOf(asker), at: now.toISOString() });
  if (!planned.success) return { message: `${escapeMarkdown(planned.problems.map((p) => p.message).join(' '))}. Nothing was changed: correct it on the card and send it again.` };
  await store.performance.recordResults([planned.value.result], { actor: actorOf(asker), source: 'teams', at: now });
  if (record.state !== 'acknowledged') await store.renewals.acknowledge(record.key, actorOf(asker), now);
  return cardWith(record, contract, { kind: 'result', by: nameOf(asker), value: action.value.trim(), rating: planned.value.rated.rating, rule: planned.value.rated.rule }, services);
}
