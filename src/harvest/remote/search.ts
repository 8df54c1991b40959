import { z } from 'zod';
import { remoteListed, searchResult } from './ckan-schema.ts';
import { type SearchPage, pageThrough } from './page-through.ts';
import { type RemoteCkan, remoteError } from './remote-ckan.ts';

/**
 * One page of the remote's package_search.
 * @throws AppError bad_request when the remote fails or the result has the wrong shape.
 */
export async function searchPage(
  remote: RemoteCkan,
  params: Record<string, string>,
): Promise<SearchPage> {
  return checkPage(remote, params, await remote.call('package_search', params));
}

function checkPage(
  remote: RemoteCkan,
  params: Record<string, string>,
  result: unknown,
): SearchPage {
  const parsed = searchResult.safeParse(result);
  if (!parsed.success) {
    throw remoteError(
      'リモートの package_search の結果の形式が正しくありません（count と results が必要です）',
      'The remote package_search result has a wrong shape (count and results are required)',
      remote.urlOf('package_search', params),
      { reason: 'shape', issues: parsed.error.issues.slice(0, 5).map((i) => i.message) },
    );
  }
  return parsed.data;
}

/** The remote's current datasets, for finding withdrawn ones: their ids, or their names. */
export type RemoteListing = { ids: ReadonlySet<string> } | { names: ReadonlySet<string> };

/** A paged listing of ids; `complete` false = the remote changed meanwhile, do not trust it. */
export interface PagedListing {
  ids: Set<string>;
  complete: boolean;
  pages: number;
}

/**
 * Every public dataset name of the remote in one request (package_list), or null when the remote
 * refuses it (an error status): the cheap listing when no organization filter applies.
 * @throws AppError bad_request when the remote fails or the answer is not a list of names.
 */
export async function listRemoteNames(remote: RemoteCkan): Promise<Set<string> | null> {
  const answer = await remote.request('package_list', {});
  if (answer.status !== 200) return null;
  const parsed = z.array(z.string()).safeParse(remote.resultOf('package_list', {}, answer));
  if (!parsed.success) {
    throw remoteError(
      'リモートの package_list の結果が名前の一覧ではありません',
      'The remote package_list result is not a list of names',
      remote.urlOf('package_list', {}),
      { reason: 'shape' },
    );
  }
  return new Set(parsed.data);
}

const LISTING_ROWS = 1000;

/**
 * Lists every remote dataset id (of the organization filter, when given) with package_search,
 * asking only for ids and names (`fl`); a remote that refuses `fl` (s5 does, with a 409 naming
 * it) is asked for whole dicts instead. The listing is complete only when the remote did not
 * change while it was paged and every entry had an id.
 * @throws AppError bad_request when the remote fails or cannot be paged.
 */
export async function listRemoteIds(remote: RemoteCkan, fq: string): Promise<PagedListing> {
  const ids = new Set<string>();
  let malformed = 0;
  let withFl = true;
  const base: Record<string, string> = { sort: 'name asc', ...(fq ? { fq } : {}) };
  const fetchPage = async (start: number, rows: number): Promise<SearchPage> => {
    const params = { ...base, rows: String(rows), start: String(start) };
    if (withFl) {
      const flParams = { ...params, fl: 'id,name' };
      const answer = await remote.request('package_search', flParams);
      if (!refusesParameter(answer.status, answer.body, 'fl')) {
        return checkPage(remote, flParams, remote.resultOf('package_search', flParams, answer));
      }
      withFl = false;
    }
    return searchPage(remote, params);
  };
  const stats = await pageThrough(fetchPage, LISTING_ROWS, async (results) => {
    for (const r of results) {
      const parsed = remoteListed.safeParse(r);
      if (parsed.success) ids.add(parsed.data.id);
      else malformed++;
    }
  });
  return {
    ids,
    complete: stats.stable && malformed === 0 && ids.size === stats.lastCount,
    pages: stats.pages,
  };
}

const refusal = z.looseObject({
  success: z.literal(false),
  error: z.record(z.string(), z.unknown()),
});

/** A CKAN validation error (409) whose fields name this parameter. */
function refusesParameter(status: number, body: unknown, parameter: string): boolean {
  if (status !== 409) return false;
  const parsed = refusal.safeParse(body);
  return parsed.success && parameter in parsed.data.error;
}
