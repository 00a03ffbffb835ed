import type { ModificationRecord, PublicationRecord } from '../procurement-act/modification-record.js';
import type { AuditContext } from './audit-context.js';

/** A contract's change log and the publications that settle its statutory obligations. Every write is audited. */
export interface ProcurementActRepository {
  /** Records a modification; an id already used is refused (a StorageError). */
  addModification(modification: ModificationRecord, audit: AuditContext): Promise<void>;
  /** The contract's modifications, oldest first. */
  listModifications(reference: string): Promise<ModificationRecord[]>;
  /** Records (or corrects) the publication settling one obligation occurrence. */
  recordPublication(publication: PublicationRecord, audit: AuditContext): Promise<void>;
  /** The contract's publications, or every contract's when no reference is given. */
  listPublications(reference?: string): Promise<PublicationRecord[]>;
  /** Every contract's modifications, for the obligations of the whole register. */
  listAllModifications(): Promise<ModificationRecord[]>;
}
