import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command.js';

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help' }],
    ['  HELP ', { name: 'help' }],
    ['renewals', { name: 'renewals', days: 90 }],
    ['renewals 30', { name: 'renewals', days: 30 }],
    ['mine', { name: 'mine' }],
    ['my contracts', { name: 'mine' }],
    ['contract con-0042', { name: 'contract', reference: 'CON-0042' }],
    ['show CON-0042', { name: 'contract', reference: 'CON-0042' }],
    ['overdue', { name: 'overdue' }],
  ])('reads the command "%s"', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    ["what's renewing in the next 3 months?", 90],
    ['What’s renewing in the next three months?', 90],
    ['anything expiring within 2 weeks', 14],
    ['which contracts end in the next year', 365],
    ['what is due in 45 days', 45],
    ['what is renewing next month', 30],
    ['renewals 100000', 730],
  ])('understands "%s" as renewals over %i days', (text, days) => {
    expect(parseCommand(text)).toEqual({ name: 'renewals', days });
  });

  it('removes the @mention Teams puts before a channel message', () => {
    expect(parseCommand('<at>Contract Steward</at> renewals 60')).toEqual({ name: 'renewals', days: 60 });
  });

  it('answers unknown input with help, keeping what was said', () => {
    expect(parseCommand('order more paper')).toEqual({ name: 'help', unrecognised: 'order more paper' });
  });
});
