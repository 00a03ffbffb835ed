import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvaluationSchema } from '../evaluation/evaluation.schema.js';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { approveEvaluation } from './approve-evaluation.js';

const example = EvaluationSchema.parse(JSON.parse(readFileSync(new URL('../../../../examples/evaluation.example.json', import.meta.url), 'utf8')));
const by = { actor: 'a.khan@council.gov.uk', source: 'test', at: new Date('2026-11-26T09:00:00Z') };
const approval = { name: 'Jane Smith', role: 'Chair, Technical Design Authority', date: '2026-11-25' };

let store: Store;
beforeEach(async () => {
  store = await openStore({ kind: 'sqlite', path: ':memory:' });
  await store.evaluations.save(example, { id: 'EV-1', winner: 'Supplier A' }, by);
});
afterEach(() => store.close());

describe('approveEvaluation', () => {
  it('records a checked approval on the saved evaluation', async () => {
    const result = await approveEvaluation(store, { id: 'EV-1', approval: { ...approval, name: ' Jane Smith ' }, today: '2026-11-26', by });
    expect(result.success && result.value.approval).toEqual(approval);
    expect((await store.evaluations.get('EV-1'))?.approval).toEqual(approval);
  });

  it('writes nothing when the approval has a problem, even for an unknown id', async () => {
    const result = await approveEvaluation(store, { id: 'EV-NOPE', approval: { ...approval, date: '2026-11-27' }, today: '2026-11-26', by });
    expect(result.success ? [] : result.problems.map((p) => p.code)).toEqual(['approval-date-in-future']);
    expect((await store.evaluations.get('EV-1'))?.approval).toBeUndefined();
    expect((await store.audit.list({ entity: 'evaluation' })).map((e) => e.action)).toEqual(['create']);
  });

  it('says when no evaluation has the id', async () => {
    const result = await approveEvaluation(store, { id: 'EV-NOPE', approval, today: '2026-11-26', by });
    expect(result).toEqual({ success: false, problems: [{ code: 'evaluation-not-found', path: ['id'], message: 'No evaluation with id "EV-NOPE".' }] });
  });
});
