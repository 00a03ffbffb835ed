import { describe, expect, it } from 'vitest';
import { parseExtensionOptions } from './parse-extension-options.js';

describe('parseExtensionOptions', () => {
  it('reads 2+1+1 as two years then two one-year options', () => {
    expect(parseExtensionOptions('2+1+1')).toEqual({
      ok: true,
      value: { initial: { amount: 2, unit: 'years' }, options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }] },
    });
  });

  it('applies a unit written once at the end to every term: 24+12 months', () => {
    expect(parseExtensionOptions('24+12 months')).toEqual({
      ok: true,
      value: { initial: { amount: 24, unit: 'months' }, options: [{ amount: 12, unit: 'months' }] },
    });
  });

  it('reads mixed units: 1 year + 6 months', () => {
    expect(parseExtensionOptions('1 year + 6 months')).toEqual({
      ok: true,
      value: { initial: { amount: 1, unit: 'years' }, options: [{ amount: 6, unit: 'months' }] },
    });
  });

  it('reads a leading plus as the options alone, as the export writes them', () => {
    expect(parseExtensionOptions('+1+1 years')).toEqual({ ok: true, value: { options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }] } });
  });

  it('treats None and blank as no options', () => {
    expect(parseExtensionOptions('None')).toEqual({ ok: true, value: undefined });
    expect(parseExtensionOptions('')).toEqual({ ok: true, value: undefined });
  });

  it('does not understand a single term or words', () => {
    expect(parseExtensionOptions('3').ok).toBe(false);
    expect(parseExtensionOptions('two plus one').ok).toBe(false);
    expect(parseExtensionOptions('2+0').ok).toBe(false);
  });
});
