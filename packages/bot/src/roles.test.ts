import { describe, expect, it } from 'vitest';
import { ContractSchema } from '@contract-steward/core';
import { describeWhoCan, mayActOnContract, mayListOverdue, maySeeContract, rolesOf, type RoleLists } from './roles.js';

const lists: RoleLists = {
  administrator: ['it.admin@council.gov.uk'],
  procurement: ['p.ng@council.gov.uk', '00000000-0000-0000-0000-0000000000b2'],
  finance: ['f.ode@council.gov.uk'],
};
const contract = ContractSchema.parse({
  reference: 'CON-0042',
  title: 'E-forms',
  supplier: { name: 'IEG4 Ltd' },
  owner: { email: 'a.khan@council.gov.uk' },
});

describe('roles', () => {
  it('matches a person by email/UPN or by Entra object id, ignoring case', () => {
    expect([...rolesOf({ email: 'P.Ng@Council.gov.uk' }, lists)]).toEqual(['procurement']);
    expect([...rolesOf({ aadObjectId: '00000000-0000-0000-0000-0000000000B2' }, lists)]).toEqual(['procurement']);
    expect(rolesOf({ email: 'a.khan@council.gov.uk' }, lists).size).toBe(0);
  });

  it('lets the owner and procurement act on a contract, but not finance or a stranger', () => {
    const owner = { email: 'a.khan@council.gov.uk' };
    const finance = { email: 'f.ode@council.gov.uk' };
    const stranger = { email: 'x.y@council.gov.uk' };
    expect(mayActOnContract(owner, rolesOf(owner, lists), contract)).toBe(true);
    expect(mayActOnContract({ email: 'p.ng@council.gov.uk' }, rolesOf({ email: 'p.ng@council.gov.uk' }, lists), contract)).toBe(true);
    expect(mayActOnContract(finance, rolesOf(finance, lists), contract)).toBe(false);
    expect(maySeeContract(finance, rolesOf(finance, lists), contract)).toBe(true);
    expect(maySeeContract(stranger, rolesOf(stranger, lists), contract)).toBe(false);
  });

  it('keeps the council-wide overdue list to procurement and administrators', () => {
    expect(mayListOverdue(new Set(['finance']))).toBe(false);
    expect(mayListOverdue(new Set(['procurement']))).toBe(true);
  });

  it('names who can, with their emails, in a refusal', () => {
    expect(describeWhoCan(['procurement', 'administrator'], lists)).toBe('procurement (p.ng@council.gov.uk) or an administrator (it.admin@council.gov.uk)');
  });
});
