import { belowComplianceGoal, DEFAULT_COMPLIANCE_GOAL, DEFAULT_UTILISATION_FLOOR, performanceHistory, summarisePerformance, type Contract } from '@contract-steward/core';
import { escapeMarkdown } from '../cards/card-kit.js';
import { complianceDigestCard, performanceCard } from '../cards/performance-card.js';
import type { Command } from '../commands/command-table.js';
import { describeWhoCan, mayListOverdue, maySeeContract } from '../roles.js';
import type { BotServices } from '../services.js';
import type { OutgoingMessage } from '../turn.js';
import type { Asker } from './who.js';

/** `performance REF` for one contract, or `performance` alone: the council-wide compliance digest. */
export async function answerPerformance(command: Extract<Command, { name: 'performance' }>, asker: Asker, services: BotServices): Promise<OutgoingMessage> {
  return command.reference === undefined ? answerComplianceDigest(asker, services) : answerContractPerformance(command.reference, asker, services);
}

async function answerContractPerformance(reference: string, asker: Asker, services: BotServices): Promise<OutgoingMessage> {
  const { store } = services;
  const contract = await store.contracts.get(reference);
  if (!contract) return { text: `There is no contract ${escapeMarkdown(reference)} in the register. Check the reference, or type \`mine\` to see yours.` };
  if (!maySeeContract(asker.person, asker.roles, contract)) {
    return { text: `You are not the owner of ${escapeMarkdown(contract.reference)} or its escalation contact, so I cannot show its performance; ask ${describeWhoCan(['procurement', 'finance', 'administrator'], services.roles)} if you need it.` };
  }
  const [kpis, results, usage] = await Promise.all([store.performance.listKpis(contract.reference), store.performance.listResults({ contract: contract.reference }), store.performance.listUsage(contract.reference)]);
  const utilisationFloor = services.utilisationFloor ?? DEFAULT_UTILISATION_FLOOR;
  const history = performanceHistory(contract, kpis, results, usage, { utilisationFloor });
  return { card: performanceCard({ contract, history, complianceGoal: DEFAULT_COMPLIANCE_GOAL, utilisationFloor }), summary: `Performance of ${contract.reference}` };
}

async function answerComplianceDigest(asker: Asker, services: BotServices): Promise<OutgoingMessage> {
  if (!mayListOverdue(asker.roles)) {
    return { text: `Sorry, the council-wide performance digest is for ${describeWhoCan(['procurement', 'administrator'], services.roles)}. Type \`performance CON-0042\` with one of your contracts' references to see its KPIs.` };
  }
  const { store } = services;
  const [kpis, results] = await Promise.all([store.performance.listKpis(), store.performance.listResults()]);
  const contracts: Contract[] = [];
  for (const reference of new Set(kpis.map((k) => k.contract))) {
    const contract = await store.contracts.get(reference);
    if (contract) contracts.push(contract);
  }
  const summaries = contracts.map((c) => summarisePerformance(c, kpis.filter((k) => k.contract === c.reference), results.filter((r) => r.contract === c.reference), []));
  const byReference = new Map(contracts.map((c) => [c.reference, c]));
  const below = belowComplianceGoal(summaries).flatMap((performance) => {
    const contract = byReference.get(performance.reference);
    return contract ? [{ contract, performance }] : [];
  });
  return {
    card: complianceDigestCard(below, { goal: DEFAULT_COMPLIANCE_GOAL, measured: summaries.filter((s) => s.compliance !== null).length }),
    summary: `Contracts below ${DEFAULT_COMPLIANCE_GOAL * 100}% compliance`,
  };
}
