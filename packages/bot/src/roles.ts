import type { Contract } from '@contract-steward/core';
import { escapeMarkdown } from './cards/card-kit.js';
import type { Config } from './config.js';

export type Role = 'administrator' | 'procurement' | 'finance';

/** A person as Teams identifies them: an Entra object id, and an email/UPN when known. */
export interface Person {
  readonly name?: string;
  readonly email?: string;
  readonly aadObjectId?: string;
}

/** The configured role lists, lower-cased; each entry is an email/UPN or an Entra object id. */
export interface RoleLists {
  readonly administrator: readonly string[];
  readonly procurement: readonly string[];
  readonly finance: readonly string[];
}

export function roleListsFrom(config: Pick<Config, 'ADMINISTRATORS' | 'PROCUREMENT' | 'FINANCE'>): RoleLists {
  return { administrator: config.ADMINISTRATORS, procurement: config.PROCUREMENT, finance: config.FINANCE };
}

function identities(person: Person): string[] {
  return [person.email, person.aadObjectId].filter((v): v is string => Boolean(v)).map((v) => v.toLowerCase());
}

/** The roles a person holds, from configuration. Owners are not a role: ownership comes from the register. */
export function rolesOf(person: Person, lists: RoleLists): Set<Role> {
  const ids = identities(person);
  const roles = new Set<Role>();
  for (const role of ['administrator', 'procurement', 'finance'] as const) {
    if (lists[role].some((entry) => ids.includes(entry))) roles.add(role);
  }
  return roles;
}

/** Administrators, procurement and finance see the whole register; everyone else their own contracts. */
export function seesWholeRegister(roles: ReadonlySet<Role>): boolean {
  return roles.size > 0;
}

export function isOwnerOf(person: Person, contract: Contract): boolean {
  const email = person.email?.toLowerCase();
  if (!email) return false;
  return contract.owner?.email === email || contract.escalationContact?.email === email;
}

/** Who may see a contract: its owner or escalation contact, and anyone who sees the whole register. */
export function maySeeContract(person: Person, roles: ReadonlySet<Role>, contract: Contract): boolean {
  return seesWholeRegister(roles) || isOwnerOf(person, contract);
}

/** Who may acknowledge, snooze or decide on a warning: the owner or escalation contact, procurement, administrators. */
export function mayActOnContract(person: Person, roles: ReadonlySet<Role>, contract: Contract): boolean {
  return roles.has('administrator') || roles.has('procurement') || isOwnerOf(person, contract);
}

/** Who may list overdue deadlines across the council. */
export function mayListOverdue(roles: ReadonlySet<Role>): boolean {
  return roles.has('administrator') || roles.has('procurement');
}

/** "Procurement (p.ng@council.gov.uk) or an administrator (it.admin@council.gov.uk)", for refusals. */
export function describeWhoCan(roles: readonly Role[], lists: RoleLists): string {
  const names: Record<Role, string> = { administrator: 'an administrator', procurement: 'procurement', finance: 'finance' };
  const parts = roles.map((role) => {
    const people = lists[role].filter((entry) => entry.includes('@')).slice(0, 3);
    return people.length > 0 ? `${names[role]} (${escapeMarkdown(people.join(', '))})` : names[role];
  });
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1) ?? ''}`;
}
