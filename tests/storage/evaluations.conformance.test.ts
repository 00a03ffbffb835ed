import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EvaluationSchema, type Evaluation, type Store } from '@contract-steward/core';
import { STORE_FACTORIES } from '../support/stores.js';

const cli = { actor: 'a.khan@council.gov.uk', source: 'cli', at: new Date('2026-11-26T09:00:00Z') };
const later = { ...cli, actor: 'b.jones@council.gov.uk', at: new Date('2026-11-27T10:30:00Z') };
const approval = { name: 'Jane Smith', role: 'Chair, Technical Design Authority', date: '2026-11-27' };
const example: Evaluation = EvaluationSchema.parse(
  JSON.parse(readFileSync(new URL('../../examples/evaluation.example.json', import.meta.url), 'utf8')),
);

for (const makeFactory of STORE_FACTORIES) {
  const factory = makeFactory();

  describe(`storage conformance: TDA evaluations on ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterAll(() => factory.cleanup(), 60_000);

    it('saves an evaluation with a generated id and gives it back exactly', async () => {
      const saved = await store.evaluations.save(example, { winner: 'Supplier A' }, cli);
      expect(saved).toMatchObject({
        title: 'Housing repairs scheduling',
        winner: 'Supplier A',
        optionCount: 3,
        createdBy: 'a.khan@council.gov.uk',
        createdAt: '2026-11-26T09:00:00.000Z',
      });
      expect(saved.id).toMatch(/^EV-[0-9A-F]{8}$/);
      const got = await store.evaluations.get(saved.id);
      expect(got?.evaluation).toEqual(example);
      expect(got?.winner).toBe('Supplier A');
      expect(await store.evaluations.get('EV-NOPE')).toBeUndefined();
    });

    it('lists evaluations newest first', async () => {
      await store.evaluations.save(example, { id: 'EV-OLD', winner: null }, cli);
      await store.evaluations.save({ ...example, title: 'Waste collection rounds' }, { id: 'EV-NEW', winner: 'Supplier B' }, later);
      expect((await store.evaluations.list()).map((e) => [e.id, e.title, e.winner])).toEqual([
        ['EV-NEW', 'Waste collection rounds', 'Supplier B'],
        ['EV-OLD', 'Housing repairs scheduling', null],
      ]);
    });

    it('replaces an evaluation saved again under its id, keeping who created it and when', async () => {
      await store.evaluations.save(example, { id: 'EV-1', winner: 'Supplier A' }, cli);
      const again = await store.evaluations.save({ ...example, title: 'Housing repairs scheduling (moderated)' }, { id: 'EV-1', winner: 'Supplier B' }, later);
      expect(again).toMatchObject({
        id: 'EV-1',
        title: 'Housing repairs scheduling (moderated)',
        winner: 'Supplier B',
        createdBy: 'a.khan@council.gov.uk',
        createdAt: '2026-11-26T09:00:00.000Z',
        updatedAt: '2026-11-27T10:30:00.000Z',
      });
      expect(await store.evaluations.list()).toHaveLength(1);
    });

    it('records each save in the audit trail', async () => {
      await store.evaluations.save(example, { id: 'EV-1', winner: 'Supplier A' }, cli);
      await store.evaluations.save(example, { id: 'EV-1', winner: 'Supplier B' }, later);
      const entries = await store.audit.list({ entity: 'evaluation', entityKey: 'EV-1' });
      expect(entries.map((e) => [e.action, e.actor])).toEqual([
        ['update', 'b.jones@council.gov.uk'],
        ['create', 'a.khan@council.gov.uk'],
      ]);
      expect(entries[0]?.changes.winner).toEqual({ from: 'Supplier A', to: 'Supplier B' });
    });

    it('records an approval, which get and list then show', async () => {
      await store.evaluations.save(example, { id: 'EV-1', winner: 'Supplier A' }, cli);
      await store.evaluations.save({ ...example, title: 'Waste collection rounds' }, { id: 'EV-2', winner: 'Supplier B' }, cli);
      const approved = await store.evaluations.approve('EV-1', approval, later);
      expect(approved).toMatchObject({ id: 'EV-1', approval, evaluation: example, updatedAt: '2026-11-26T09:00:00.000Z' });
      expect((await store.evaluations.get('EV-1'))?.approval).toEqual(approval);
      expect((await store.evaluations.get('EV-2'))?.approval).toBeUndefined();
      expect((await store.evaluations.list()).map((e) => [e.id, e.approval])).toEqual([
        ['EV-1', approval],
        ['EV-2', undefined],
      ]);
      expect(await store.evaluations.get('EV-2')).not.toHaveProperty('approval');
    });

    it('gives undefined when approving an id it does not hold, and writes nothing', async () => {
      expect(await store.evaluations.approve('EV-NOPE', approval, later)).toBeUndefined();
      expect(await store.evaluations.list()).toEqual([]);
      expect(await store.audit.list({ entity: 'evaluation' })).toEqual([]);
    });

    it('replaces an earlier approval, auditing both', async () => {
      await store.evaluations.save(example, { id: 'EV-1', winner: 'Supplier A' }, cli);
      await store.evaluations.approve('EV-1', approval, cli);
      const corrected = { ...approval, role: 'Deputy Chair, Technical Design Authority' };
      expect((await store.evaluations.approve('EV-1', corrected, later))?.approval).toEqual(corrected);
      const entries = await store.audit.list({ entity: 'evaluation', entityKey: 'EV-1' });
      expect(entries.map((e) => [e.action, e.actor, e.changes.approval])).toEqual([
        ['approve', 'b.jones@council.gov.uk', { from: approval, to: corrected }],
        ['approve', 'a.khan@council.gov.uk', { from: null, to: approval }],
        ['create', 'a.khan@council.gov.uk', undefined],
      ]);
    });

    it('clears the approval when the evaluation is saved again, since it was given for the old content', async () => {
      await store.evaluations.save(example, { id: 'EV-1', winner: 'Supplier A' }, cli);
      await store.evaluations.approve('EV-1', approval, cli);
      const again = await store.evaluations.save({ ...example, title: 'Housing repairs scheduling (moderated)' }, { id: 'EV-1', winner: 'Supplier B' }, later);
      expect(again).not.toHaveProperty('approval');
      expect(await store.evaluations.get('EV-1')).not.toHaveProperty('approval');
      expect((await store.evaluations.list())[0]).not.toHaveProperty('approval');
      const [update] = await store.audit.list({ entity: 'evaluation', entityKey: 'EV-1' });
      expect(update).toMatchObject({ action: 'update', actor: 'b.jones@council.gov.uk' });
      expect(update?.changes.approval).toEqual({ from: approval, to: null });
    });

    it('undoes an approval when the surrounding transaction fails', async () => {
      await store.evaluations.save(example, { id: 'EV-1', winner: 'Supplier A' }, cli);
      await expect(
        store.transaction(async (tx) => {
          await tx.evaluations.approve('EV-1', approval, later);
          throw new Error('interrupted');
        }),
      ).rejects.toThrow('interrupted');
      expect(await store.evaluations.get('EV-1')).not.toHaveProperty('approval');
      expect((await store.audit.list({ entity: 'evaluation' })).map((e) => e.action)).toEqual(['create']);
    });

    it('saves nothing when the surrounding transaction fails', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.evaluations.save(example, { id: 'EV-1', winner: null }, cli);
          throw new Error('interrupted');
        }),
      ).rejects.toThrow('interrupted');
      expect(await store.evaluations.list()).toEqual([]);
    });
  });
}
