import { describe, expect, it } from 'vitest';
import { conversationUnchanged } from './conversation-unchanged.js';
import type { ConversationRecord } from './store.js';

const reference = { activityId: 'f:1', user: { id: '29:ann' }, bot: { id: '28:bot' }, conversation: { id: 'a:ann' }, channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/uk/' };
const stored: ConversationRecord = {
  conversationId: 'a:ann',
  scope: 'personal',
  tenantId: 'tenant',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  userAadObjectId: 'aad-ann',
  userEmail: 'ann.khan@council.gov.uk',
  reference,
  installed: true,
  updatedAt: '2026-12-01T09:00:00.000Z',
};
const { updatedAt: _updatedAt, installed: _installed, ...incoming } = stored;
const next = { ...incoming, userAadObjectId: 'AAD-Ann', userEmail: 'Ann.Khan@council.gov.uk', reference: { ...reference, activityId: 'f:2' } };
const soon = new Date('2026-12-01T09:30:00Z');

describe('conversationUnchanged', () => {
  it('needs no save for another message in the same chat within the hour, whatever the activity id and letter case', () => {
    expect(conversationUnchanged(stored, next, soon)).toBe(true);
    // jsonb gives keys back in its own order.
    expect(conversationUnchanged({ ...stored, reference: Object.fromEntries(Object.entries(reference).reverse()) }, next, soon)).toBe(true);
  });

  it('saves a chat it does not know, one marked uninstalled, and one last saved over an hour ago', () => {
    expect(conversationUnchanged(undefined, next, soon)).toBe(false);
    expect(conversationUnchanged({ ...stored, installed: false }, next, soon)).toBe(false);
    expect(conversationUnchanged(stored, next, new Date('2026-12-01T10:00:01Z'))).toBe(false);
  });

  it('saves a new service address, tenant, person, email or place to post', () => {
    expect(conversationUnchanged(stored, { ...next, serviceUrl: 'https://smba.trafficmanager.net/emea/' }, soon)).toBe(false);
    expect(conversationUnchanged(stored, { ...next, tenantId: 'other' }, soon)).toBe(false);
    expect(conversationUnchanged(stored, { ...next, userAadObjectId: 'aad-ben' }, soon)).toBe(false);
    expect(conversationUnchanged(stored, { ...next, userEmail: 'ben.ode@council.gov.uk' }, soon)).toBe(false);
    expect(conversationUnchanged(stored, { ...next, reference: { ...next.reference, bot: { id: '28:other' } } }, soon)).toBe(false);
  });

  it('keeps an email it knows when the activity carries none', () => {
    const { userEmail: _email, ...withoutEmail } = next;
    expect(conversationUnchanged(stored, withoutEmail, soon)).toBe(true);
  });
});
