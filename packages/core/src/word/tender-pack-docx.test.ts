import { describe, expect, it } from 'vitest';
import { buildTenderPack, packClauses, type TenderPack } from '../tenders/build-pack.js';
import { readZipEntry } from '../../../../tests/support/read-zip-entry.js';
import { writeTenderPackDocx, writeTenderPackOfficerDocx } from './tender-pack-docx.js';

/** The document's visible text: the runs' text, XML entities decoded, whitespace collapsed. */
function documentText(xml: string): string {
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<\/w:p>/g)]
    .map((m) => (m[1] === undefined ? ' ' : m[1]))
    .join('')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
  return text.replace(/\s+/g, ' ');
}

function pack(overrides: Record<string, unknown> = {}): TenderPack {
  const result = buildTenderPack(
    {
      title: 'Revenues & benefits system',
      reference: 'DN712345',
      charges: { 'data-extraction': 'no-charge', api: 'declare-charges' },
      businessFunctions: ['Council Tax billing'],
      ...overrides,
    },
    { date: '2026-11-26' },
  );
  if (!result.success) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

async function docxText(p: TenderPack, write = writeTenderPackDocx): Promise<string> {
  const xml = readZipEntry(await write(p), 'word/document.xml');
  expect(xml).toBeDefined();
  return documentText(xml ?? '');
}

describe('writeTenderPackDocx', () => {
  it('heads the supplier document as Appendix M, with the council, the tender and the version as a supplier reads it', async () => {
    const xml = readZipEntry(await writeTenderPackDocx(pack(), { identity: { councilName: 'Exampleton Borough Council' } }), 'word/document.xml') ?? '';
    const text = documentText(xml);
    expect(text).toMatch(/^Exampleton Borough Council Appendix M — Data access and API requirements Revenues & benefits system /);
    expect(text).toContain('Tender reference DN712345');
    expect(text).toContain('Date 26 November 2026');
    expect(text).toContain('Version Appendix M, version 1.0.0 (26 November 2026)');
    expect(text).not.toContain('appendix-m-1.0.0');
  });

  it('contains every clause of the pack, numbered, with its wording', async () => {
    const p = pack({ exclude: ['API-1.2'] });
    const text = await docxText(p);
    for (const clause of packClauses(p)) expect(text).toContain(`${clause.number} ${clause.text}`);
    expect(text).toContain('Council Tax billing');
    expect(text).not.toContain('APIs should enable live data to be queried in real-time.');
  });

  it('keeps the guidance and the record of choices out of the document suppliers receive', async () => {
    const text = await docxText(pack({ includeGuidance: true, exclude: ['API-1.7'] }));
    expect(text).not.toContain('Guidance for the procurement officer');
    expect(text).not.toContain('Record of choices');
    expect(text).not.toContain('We recommend always including this clause');
  });

  it('puts the guidance in the officer\'s notes when asked, marked not for suppliers', async () => {
    expect(await docxText(pack(), writeTenderPackOfficerDocx)).not.toContain('Guidance for the procurement officer');
    const text = await docxText(pack({ includeGuidance: true, exclude: ['API-1.7'] }), writeTenderPackOfficerDocx);
    expect(text).toContain('Not for issue to suppliers.');
    expect(text).toContain('Clause library appendix-m-1.0.0 (Appendix M, version 1.0.0 (26 November 2026))');
    expect(text).toContain('Guidance for the procurement officer');
    expect(text).toContain('We recommend always including this clause');
    expect(text).toContain('API-1.7 (Appendix M 1.7, optional) was left out.');
  });

  it('records in the officer\'s notes the clauses left out, with their reasons, and a reworded clause beside the original, even without the guidance', async () => {
    expect(await docxText(pack(), writeTenderPackOfficerDocx)).toContain('The pack uses every clause of the sections chosen, in the wording of Appendix M.');
    const text = await docxText(pack({ exclude: [{ id: 'DE-1.3', reason: 'The data stays on council servers' }], reword: { 'API-1.4': 'Casework data should also be able to be entered via API.' } }), writeTenderPackOfficerDocx);
    expect(text).not.toContain('Guidance for the procurement officer');
    expect(text).toContain('Record of choices');
    expect(text).toContain('DE-1.3 (Appendix M 1.3, always, unless not appropriate) was left out: The data stays on council servers');
    expect(await docxText(pack({ reword: { 'API-1.4': 'Casework data should also be able to be entered via API.' } }))).toContain('2.1.4 Casework data should also be able to be entered via API.');
    expect(text).toContain('API-1.4 (Appendix M 1.4) is 2.1.4 in the officer\'s wording; the appendix\'s wording is: "Any data directly relevant to the business function');
  });

  it('records the tender in the document properties', async () => {
    const core = readZipEntry(await writeTenderPackDocx(pack()), 'docProps/core.xml') ?? '';
    expect(core).toContain('Tender DN712345');
  });
});
