import type { ModificationCheck, ModificationProposal } from '../procurement-act/modifications.js';
import type { ModificationRecord } from '../procurement-act/modification-record.js';
import type { Contract } from '../register/contract.schema.js';
import type { Store } from '../storage/store.js';

/** Who records a change, from where, and when: the audit entry and the record's own fields. */
export interface Recorder {
  readonly actor: string;
  readonly source: string;
  readonly at: Date;
}

/**
 * Records a permitted modification in the change log and applies it to the contract (its end
 * date and value). Call it inside a transaction (`tx`) so it lands with the decision it belongs to.
 */
export async function writeModification(tx: Store, contract: Contract, proposal: ModificationProposal, check: ModificationCheck, by: Recorder): Promise<ModificationRecord> {
  const previous = await tx.procurementAct.listModifications(contract.reference);
  const record: ModificationRecord = {
    id: `MOD-${previous.length + 1}`,
    reference: contract.reference,
    date: proposal.date,
    valueChange: proposal.valueChange,
    ...(proposal.newEndDate ? { newEndDate: proposal.newEndDate } : {}),
    ...(contract.endDate && proposal.newEndDate ? { previousEndDate: contract.endDate } : {}),
    termChangeDays: check.termChangeDays,
    ...(proposal.description ? { description: proposal.description } : {}),
    ground: check.ground ?? 'below-threshold',
    ...(proposal.reason ? { reason: proposal.reason } : {}),
    regime: check.regime,
    belowThreshold: check.belowThreshold && check.ground === 'below-threshold',
    noticeRequired: check.noticeRequired,
    recordedBy: by.actor,
    recordedAt: by.at.toISOString(),
  };
  await tx.procurementAct.addModification(record, by);
  const total = contract.value.total === undefined ? undefined : Math.round((contract.value.total + proposal.valueChange) * 100) / 100;
  const changed: Contract = { ...contract, ...(proposal.newEndDate ? { endDate: proposal.newEndDate } : {}), value: { ...contract.value, ...(total !== undefined ? { total } : {}) } };
  await tx.contracts.upsert(changed, by);
  return record;
}
