import { AppError } from '../../core/errors.ts';

/** One page of a remote package_search: the total and this page's results. */
export interface SearchPage {
  count: number;
  results: unknown[];
}

export type FetchPage = (start: number, rows: number) => Promise<SearchPage>;

/** How a paging went; `stable` false means the remote changed while it was read. */
export interface PagingStats {
  pages: number;
  received: number;
  firstCount: number;
  lastCount: number;
  /** Results whose id an earlier page already had (a dataset moved while paging). */
  duplicates: number;
  stable: boolean;
}

/** A paging problem: the remote's pages do not add up, so reading on could never end. */
export function pagingError(message: string, details: Record<string, unknown>): AppError {
  return new AppError('bad_request', message, { details: { ...details, kind: 'paging' } });
}

/**
 * Reads every page of a remote search (`start` paging), handing each page's results to `onPage`
 * before fetching the next. Stops with a paging error when the remote cannot be paged to an end:
 * the same page again, results past `count`, more results than `count` allows, or an empty page
 * before `count` is reached. A remote that gives fewer rows than asked is followed page by page.
 * @throws AppError bad_request (paging) and whatever `fetchPage` or `onPage` throws.
 */
export async function pageThrough(
  fetchPage: FetchPage,
  rows: number,
  onPage: (results: unknown[], start: number, count: number) => Promise<void>,
): Promise<PagingStats> {
  const seen = new Set<string>();
  let start = 0;
  let previous: string | null = null;
  const stats: PagingStats = {
    pages: 0,
    received: 0,
    firstCount: -1,
    lastCount: -1,
    duplicates: 0,
    stable: true,
  };
  for (;;) {
    const page = await fetchPage(start, rows);
    const ids = page.results.map(idOf);
    if (stats.firstCount < 0) stats.firstCount = page.count;
    stats.lastCount = page.count;
    if (page.results.length === 0) {
      if (start < page.count) {
        throw pagingError(
          `リモートが件数 ${page.count} に届く前に空のページを返しました（start=${start}）/ the remote returned an empty page at start=${start} although count=${page.count}`,
          { start, count: page.count },
        );
      }
      break;
    }
    if (start >= page.count) {
      throw pagingError(
        `リモートが件数 ${page.count} を超えた位置（start=${start}）で結果を返し続けます / the remote keeps returning results at start=${start}, beyond count=${page.count}`,
        { start, count: page.count },
      );
    }
    const signature = ids.join('\n');
    if (signature === previous) {
      throw pagingError(
        `リモートが同じページを繰り返し返します（start=${start}）/ the remote returned the same page again at start=${start}; its paging does not work`,
        { start, count: page.count },
      );
    }
    previous = signature;
    stats.pages++;
    stats.received += page.results.length;
    // Datasets added while paging are allowed for; anything beyond that cannot be a real listing.
    const allowed = stats.firstCount + Math.max(rows, Math.ceil(stats.firstCount / 10));
    if (stats.received > allowed) {
      throw pagingError(
        `リモートの結果が件数 ${stats.firstCount} より多すぎます（${stats.received} 件）/ the remote sent ${stats.received} results, more than its count ${stats.firstCount} allows`,
        { received: stats.received, count: stats.firstCount },
      );
    }
    for (const id of ids) {
      if (id === null) continue;
      if (seen.has(id)) stats.duplicates++;
      else seen.add(id);
    }
    await onPage(page.results, start, page.count);
    start += page.results.length;
    if (start >= page.count) break;
  }
  stats.stable = stats.duplicates === 0 && stats.firstCount === stats.lastCount;
  return stats;
}

function idOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || !('id' in result)) return null;
  return typeof result.id === 'string' ? result.id : null;
}
