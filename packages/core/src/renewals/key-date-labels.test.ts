import { describe, expect, it } from 'vitest';
import { KEY_DATE_LABELS } from './key-date-labels.js';
import { KEY_DATE_KINDS } from './key-dates.js';

describe('KEY_DATE_LABELS', () => {
  it('names every kind of key date, each differently', () => {
    const labels = KEY_DATE_KINDS.map((kind) => KEY_DATE_LABELS[kind]);
    expect(labels.every((label) => typeof label === 'string' && label.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(KEY_DATE_KINDS.length);
  });

  it('calls the last day of a contract "Contract ends" and an automatic renewal "Automatic renewal"', () => {
    expect(KEY_DATE_LABELS.end).toBe('Contract ends');
    expect(KEY_DATE_LABELS.renewal).toBe('Automatic renewal');
  });
});
