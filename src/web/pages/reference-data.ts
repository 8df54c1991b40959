import type { Platform } from '../../platform/index.ts';
import type { GroupDict, SearchResult } from '../action-results.ts';
import type { PageRequest } from '../http/page.ts';

/** The publishers and 振興局 (names, titles, extras): seed data that almost never changes. */
export interface ReferenceData {
  orgs: GroupDict[];
  regions: GroupDict[];
}

const TTL_MS = 60_000;
const cache = new WeakMap<Platform, { at: number; value: Promise<ReferenceData> }>();

/**
 * The organization and group dicts, kept for a minute per platform: listing all 180 with counts
 * costs tens of milliseconds at 10k datasets, and pages only need their names and titles. The
 * lists hold public facts only (every visitor is anonymous here). Their `package_count` may be
 * stale: take counts from `publicCounts` instead.
 */
export function referenceData(req: PageRequest): Promise<ReferenceData> {
  const now = Date.now();
  const hit = cache.get(req.platform);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = Promise.all([
    req.call<GroupDict[]>('organization_list', { all_fields: true, limit: 1000 }),
    req.call<GroupDict[]>('group_list', { all_fields: true }),
  ]).then(([orgs, regions]) => ({ orgs, regions }));
  cache.set(req.platform, { at: now, value });
  // A failed load must not stay cached.
  value.catch(() => cache.delete(req.platform));
  return value;
}

/** Public dataset counts per organization and per 振興局, fresh, from search facets. */
export async function publicCounts(req: PageRequest): Promise<{
  total: number;
  byOrg: Map<string, number>;
  byRegion: Map<string, number>;
  formats: number;
}> {
  const r = await req.call<SearchResult>('package_search', {
    rows: 0,
    'facet.field': ['organization', 'groups', 'res_format'],
    'facet.limit': -1,
  });
  const map = (field: string) =>
    new Map((r.search_facets[field]?.items ?? []).map((i) => [i.name, i.count]));
  return {
    total: r.count,
    byOrg: map('organization'),
    byRegion: map('groups'),
    formats: r.search_facets.res_format?.items.length ?? 0,
  };
}
