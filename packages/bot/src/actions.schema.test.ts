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

  it('reads the file features\' actions from the same union', () => {
    const importId = 'a'.repeat(32);
    expect(parseCardAction(invoke('importRegister', { v: 1, importId }))).toEqual({ ok: true, action: { verb: 'importRegister', v: 1, importId } });
    expect(parseCardAction({ verb: 'cancelImport', v: 1, importId })).toMatchObject({ ok: true, action: { verb: 'cancelImport' } });
    expect(parseCardAction(invoke('scoreOption', { v: 1, evaluationId: 'ev-1', option: '2' }))).toEqual({ ok: true, action: { verb: 'scoreOption', v: 1, evaluationId: 'ev-1', option: 2 } });
    expect(parseCardAction(invoke('tenderPack', { v: 1, title: 'Waste' }))).toEqual({ ok: true, action: { verb: 'tenderPack', v: 1, title: 'Waste' } });
    expect(parseCardAction(invoke('importRegister', { v: 1, importId: '../../etc' }))).toMatchObject({ ok: false, code: 'invalid-action' });
    expect(parseCardAction(invoke('scoreOption', { v: 0, evaluationId: 'ev-1', option: 0 }))).toMatchObject({ ok: false, code: 'stale-card' });
  });

  it('reads an Action.Submit value from older clients', () => {
    expect(parseCardAction({ verb: 'acknowledge', v: 1, warningKey: 'k1' })).toMatchObject({ ok: true });
  });

  it('refuses a forged verb, a snooze length the card never offered, or a decision outside the list', () => {
    expect(parseCardAction(invoke('deleteEverything', { v: 1 }))).toMatchObject({ ok: false, code: 'invalid-action' });
    expect(parseCardAction(invoke('snooze', { v: 1, warningKey: 'k1', snoozeDays: '3650' }))).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringContaining('The snooze must be one of 7, 14, 30 days') });
    expect(parseCardAction(invoke('decide', { v: 1, warningKey: 'k1', decision: 'DROP TABLE' }))).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(parseCardAction('nonsense')).toMatchObject({ ok: false, code: 'invalid-action' });
  });

  it('recognises a card from an older version and says so', () => {
    expect(parseCardAction(invoke('acknowledge', { v: 0, warningKey: 'k1' }))).toMatchObject({ ok: false, code: 'stale-card' });
  });

  const renegotiated = (inputs: Record<string, unknown>) => parseCardAction(invoke('decide', { v: 1, warningKey: 'k1', decision: 'renegotiated', baselineAnnual: '12000', newAnnual: '9000', ...inputs }));

  it.each([
    [{ newEndDate: '2028-02-31' }, 'The new end date must be a real date written YYYY-MM-DD'],
    [{ newEndDate: '31/03/2029' }, 'The new end date must be a real date written YYYY-MM-DD'],
    [{ baselineAnnual: '-5' }, 'The annual price the supplier proposed must be an amount in pounds'],
    [{ newAnnual: 'twelve' }, 'The annual price agreed must be an amount in pounds'],
    [{ newAnnual: true }, 'The annual price agreed must be an amount in pounds'],
    [{ baselineAnnual: '1e400' }, 'The annual price the supplier proposed must be an amount in pounds'],
    [{ termMonths: '6.5' }, 'The months at the new price must be a whole number from 1 to 600'],
    [{ termMonths: '601' }, 'The months at the new price must be a whole number from 1 to 600'],
  ])('refuses the forged renegotiation input %j, saying which field and how to write it', (inputs, message) => {
    const parsed = renegotiated(inputs);
    expect(parsed).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(!parsed.ok && parsed.message).toContain(message);
    expect(!parsed.ok && parsed.message).toContain('Nothing was changed');
  });

  it('reads renegotiation inputs as the card sends them, with pounds signs and commas', () => {
    expect(renegotiated({ baselineAnnual: '£12,000.50', termMonths: '24', newEndDate: '2028-02-29' })).toMatchObject({ ok: true, action: { baselineAnnual: 12000.5, newAnnual: 9000, termMonths: 24, newEndDate: '2028-02-29' } });
  });
});
