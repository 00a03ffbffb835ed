import { describe, expect, it } from 'vitest';
import { buildTenderPack, type TenderPack } from './build-pack.js';
import { renderPackMarkdown } from './render-pack-markdown.js';

function pack(overrides: Record<string, unknown> = {}): TenderPack {
  const result = buildTenderPack(
    { title: 'Revenues and benefits system', reference: 'DN712345', charges: { 'data-extraction': 'no-charge', api: 'declare-charges' }, ...overrides },
    { date: '2026-11-26' },
  );
  if (!result.success) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('renderPackMarkdown', () => {
  it('starts with the title block: title, reference, date and library version', () => {
    const markdown = renderPackMarkdown(pack());
    expect(markdown.split('\n').slice(0, 6)).toEqual([
      '# Revenues and benefits system',
      '',
      '**Reference:** DN712345  ',
      '**Date:** 26 November 2026  ',
      '**Clause library:** appendix-m-1.0.0',
      '',
    ]);
  });

  it('lists every clause with its pack number, in order', () => {
    const markdown = renderPackMarkdown(pack({ exclude: ['API-1.2'] }));
    expect(markdown).toContain('## 1. Data extraction');
    expect(markdown).toContain('## 2. Application programming interfaces');
    expect(markdown).toContain('**1.1.2** The system must enable full copies of all system data');
    expect(markdown).toContain('**2.1.2** Where datasets are linked to timestamps');
    expect(markdown).not.toContain('APIs should enable live data to be queried in real-time.');
  });

  it('lists the business functions under API-1.1, escaping Markdown in them', () => {
    const markdown = renderPackMarkdown(pack({ businessFunctions: ['Council Tax *billing*', 'Housing Benefit'] }));
    expect(markdown).toContain('the following business functions:\n- Council Tax \\*billing\\*\n- Housing Benefit\n');
  });

  it('adds the officer guidance only when asked', () => {
    expect(renderPackMarkdown(pack())).not.toContain('Officer guidance');
    const markdown = renderPackMarkdown(pack({ includeGuidance: true, exclude: ['API-1.7'] }));
    expect(markdown).toContain('## Officer guidance (remove before issuing the tender)');
    expect(markdown).toContain('**1.2** (DE-2, choose one of two wordings; chosen: no-charge): If you require a guarantee of free access');
  });

  it('records, with or without the guidance, each clause left out with its reason and each reworded one beside the original', () => {
    expect(renderPackMarkdown(pack())).not.toContain('Record of choices');
    const markdown = renderPackMarkdown(
      pack({
        exclude: ['API-1.7', { id: 'API-1.5', reason: 'The supplier publishes its API register openly' }],
        reword: { 'API-1.4': 'Casework data should also be able to be entered via API.' },
      }),
    );
    expect(markdown).toContain('**2.1.4** Casework data should also be able to be entered via API.');
    expect(markdown.slice(markdown.indexOf('## Record of choices'))).toBe(
      [
        '## Record of choices (remove before issuing the tender)',
        '',
        '- API-1.5 (Appendix M 1.5, recommended) was left out: The supplier publishes its API register openly',
        '- API-1.7 (Appendix M 1.7, optional) was left out.',
        '- API-1.4 (Appendix M 1.4) is 2.1.4 in the officer\'s wording; the appendix\'s wording is: "Any data directly relevant to the business function of the application that can be submitted by a user operating the system should also be able to be entered via API."',
        '',
      ].join('\n'),
    );
  });
});
