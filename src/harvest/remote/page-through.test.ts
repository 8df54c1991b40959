import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../core/errors.ts';
import { type FetchPage, pageThrough } from './page-through.ts';

const items = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `id-${from + i}` }));

/** A well-behaved remote with `total` datasets that gives at most `cap` rows a page. */
function remote(total: number, cap = Number.POSITIVE_INFINITY): FetchPage {
  return async (start, rows) => ({
    count: total,
    results: items(start, Math.max(0, Math.min(rows, cap, total - start))),
  });
}

async function collect(fetchPage: FetchPage, rows: number) {
  const seen: string[] = [];
  const stats = await pageThrough(fetchPage, rows, async (results) => {
    for (const r of results) seen.push((r as { id: string }).id);
  });
  return { seen, stats };
}

async function pagingFailure(fetchPage: FetchPage, rows: number): Promise<string> {
  try {
    await collect(fetchPage, rows);
  } catch (error) {
    if (isAppError(error) && error.details?.kind === 'paging') return error.message;
    throw error;
  }
  return 'no error';
}

describe('pageThrough', () => {
  it('reads every result once, page by page', async () => {
    const { seen, stats } = await collect(remote(25), 10);
    assert.deepEqual(
      [seen.length, new Set(seen).size, stats.pages, stats.stable],
      [25, 25, 3, true],
    );
  });

  it('follows a remote that gives fewer rows than asked', async () => {
    const { seen, stats } = await collect(remote(25, 7), 10);
    assert.deepEqual([seen.length, stats.pages], [25, 4]);
  });

  it('reads nothing from an empty remote', async () => {
    const { seen, stats } = await collect(remote(0), 10);
    assert.deepEqual([seen.length, stats.pages, stats.stable], [0, 0, true]);
  });

  it('stops when the remote returns the same page again', async () => {
    const message = await pagingFailure(async () => ({ count: 1000, results: items(0, 10) }), 10);
    assert.match(message, /same page again/);
  });

  it('stops when results keep coming past the count', async () => {
    const message = await pagingFailure(
      async (start) => ({ count: start === 0 ? 30 : 5, results: items(start, 10) }),
      10,
    );
    assert.match(message, /beyond count=5/);
  });

  it('stops when the remote sends more results than its count allows', async () => {
    // A count that grows with every page: never an end unless the harvester stops it.
    let count = 20;
    const message = await pagingFailure(async (start) => {
      count += 10;
      return { count, results: items(start, 10) };
    }, 10);
    assert.match(message, /more than its count/);
  });

  it('stops when a page is empty before the count is reached', async () => {
    const message = await pagingFailure(
      async (start) => ({ count: 30, results: start === 0 ? items(0, 10) : [] }),
      10,
    );
    assert.match(message, /empty page at start=10/);
  });

  it('reports a listing that changed while it was read as unstable', async () => {
    // A dataset of page 1 is modified while paging: it moves to the end and shows up twice.
    const { stats } = await collect(async (start) => {
      if (start === 0) return { count: 6, results: items(0, 3) };
      return { count: 6, results: [...items(4, 2), { id: 'id-1' }] };
    }, 3);
    assert.deepEqual([stats.duplicates, stats.stable], [1, false]);
  });
});
