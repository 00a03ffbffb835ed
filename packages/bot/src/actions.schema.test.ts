import { describe, expect, it } from 'vitest';
import { parseCardAction } from './actions.schema.js';

const invoke = (verb: string, data: Record<string, unknown>) => ({ action: { type: 'Action.Execute', verb, data }, trigger: 'manual' });

describe('parseCardAction', () => {
  it('reads each verb from an Action.Execute invoke, with inputs merged into the data', () => {
    expect(parseCardAction(invoke('acknowledge', { v: 1, warningKey: 'k1' }))).toEqual({ ok: true, action: { verb: 'acknowledge', v: 1, warningKey: 'k1' } });
    expect(parseCardAction(invoke('snooze', { v: 1, warningKey: 'k1', snoozeDays: '14' }))).toEqual({ ok: true, action: { verb: 'snooze', v: 1, warningKey: 'k1', snoozeDays: 14 } });
    expect(parseCardAction(invoke('decide', { v: 1, warningKey: 'k1', decision: 'let-expire' }))).toEqual({ ok: true, action: { verb: 'decide', v: 1, warningKey: 'k1', decision: 'let-expire' } });
    expect(parseCardAction(invoke('showContract', { v: 1, reference: 'CON-1' }))).toMatchObject({ ok: true, action: { verb: 'showContract' } });
  });

  it('reads an Action.Submit value from older clients', () => {
    expect(parseCardAction({ verb: 'acknowledge', v: 1, warningKey: 'k1' })).toMatchObject({ ok: true });
  });

  it('refuses a forged verb, a snooze length the card never offered, or a decision outside the list', () => {
    expect(parseCardAction(invoke('deleteEverything', { v: 1 }))).toMatchObject({ ok: false, code: 'invalid-action' });
    expect(parseCardAction(invoke('snooze', { v: 1, warningKey: 'k1', snoozeDays: '3650' }))).toMatchObject({ ok: false, code: 'invalid-action' });
    expect(parseCardAction(invoke('decide', { v: 1, warningKey: 'k1', decision: 'DROP TABLE' }))).toMatchObject({ ok: false, code: 'invalid-action' });
    expect(parseCardAction('nonsense')).toMatchObject({ ok: false, code: 'invalid-action' });
  });

  it('recognises a card from an older version and says so', () => {
    expect(parseCardAction(invoke('acknowledge', { v: 0, warningKey: 'k1' }))).toMatchObject({ ok: false, code: 'stale-card' });
  });
});
