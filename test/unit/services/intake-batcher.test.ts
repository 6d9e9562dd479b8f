// The coalescer behind intake's group commit: no waiting when idle, everything queued meanwhile in
// the next batch, no two items with a key in common in one batch, a failed batch answers undefined.
import { describe, expect, it } from 'vitest';
import { IntakeBatcher } from '../../../src/services/intake-batcher.js';

interface Item {
  id: string;
  keys: string[];
}

/** A batcher whose batches finish only when the test says so. */
function controlled(maxInFlight = 1, maxBatch = 64) {
  const batches: { items: string[]; finish(results?: Error): void }[] = [];
  const batcher = new IntakeBatcher<Item, string>({
    maxInFlight,
    maxBatch,
    keysOf: (item) => item.keys,
    run: (items) =>
      new Promise((resolve, reject) => {
        batches.push({
          items: items.map((i) => i.id),
          finish: (error) => (error ? reject(error) : resolve(items.map((i) => `done:${i.id}`))),
        });
      }),
  });
  const submit = (id: string, ...keys: string[]) => batcher.submit({ id, keys: keys.length ? keys : [id] });
  return { batches, submit };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('IntakeBatcher', () => {
  it('sends a lone item at once, and what queued meanwhile as one batch', async () => {
    const { batches, submit } = controlled();
    const first = submit('a');
    expect(batches.map((b) => b.items)).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((id) => submit(id));
    expect(batches).toHaveLength(1);
    batches[0]!.finish();
    expect(await first).toBe('done:a');
    await settle();
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b', 'c', 'd']]);
    batches[1]!.finish();
    expect(await Promise.all(rest)).toEqual(['done:b', 'done:c', 'done:d']);
  });

  it('keeps up to maxInFlight batches at the database', async () => {
    const { batches, submit } = controlled(2);
    void submit('a');
    void submit('b');
    void submit('c');
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b']]);
    batches[1]!.finish();
    await settle();
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b'], ['c']]);
  });

  it('caps a batch at maxBatch, in arrival order', async () => {
    const { batches, submit } = controlled(1, 2);
    void submit('a');
    for (const id of ['b', 'c', 'd', 'e', 'f']) void submit(id);
    for (let n = 0; n < 3; n++) {
      batches[n]!.finish();
      await settle();
    }
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b', 'c'], ['d', 'e'], ['f']]);
  });

  it('holds an item that shares a key with one in the batch for the next batch', async () => {
    const { batches, submit } = controlled();
    void submit('a');
    const b = submit('b', 'email:x');
    const c = submit('c', 'email:x', 'ext:1');
    const d = submit('d', 'ext:1');
    const e = submit('e', 'email:y');
    batches[0]!.finish();
    await settle();
    expect(batches[1]!.items).toEqual(['b', 'd', 'e']);
    batches[1]!.finish();
    await settle();
    expect(batches[2]!.items).toEqual(['c']);
    batches[2]!.finish();
    expect(await Promise.all([b, c, d, e])).toEqual(['done:b', 'done:c', 'done:d', 'done:e']);
  });

  it('answers undefined to every item of a failed batch, and goes on with the next', async () => {
    const failures: number[] = [];
    const batches: { finish(error?: Error): void }[] = [];
    const batcher = new IntakeBatcher<string, string>({
      maxInFlight: 1,
      maxBatch: 64,
      keysOf: (id) => [id],
      onBatchError: (_error, size) => failures.push(size),
      run: (items) =>
        new Promise((resolve, reject) => {
          batches.push({ finish: (error) => (error ? reject(error) : resolve(items.map((i) => `ok:${i}`))) });
        }),
    });
    const a = batcher.submit('a');
    const b = batcher.submit('b');
    const c = batcher.submit('c');
    batches[0]!.finish();
    await settle();
    batches[1]!.finish(new Error('deadlock detected'));
    expect(await Promise.all([a, b, c])).toEqual(['ok:a', undefined, undefined]);
    expect(failures).toEqual([2]);
    const d = batcher.submit('d');
    batches[2]!.finish();
    expect(await d).toBe('ok:d');
  });
});
