import { describe, expect, it } from 'vitest';
import { parseDocumentCommand } from './document-handlers.js';

describe('parseDocumentCommand', () => {
  it.each([
    ['export', 'export'],
    ['Export the register', 'export'],
    ['<at>Contract Steward</at> export', 'export'],
    ['savings', 'savings'],
    ['savings export', 'savingsExport'],
    ['export savings', 'savingsExport'],
    ['tender pack', 'tenderPack'],
    ['<p>evaluate</p>', 'evaluate'],
    ['evaluate this please', 'evaluate'],
  ])('reads "%s" as %s', (text, name) => {
    expect(parseDocumentCommand(text)).toEqual({ name });
  });

  it.each(['renewals 90', 'what is due in 45 days', 'exporter contracts', 'help'])('leaves "%s" to the other commands', (text) => {
    expect(parseDocumentCommand(text)).toBeUndefined();
  });
});
