import { z } from 'zod';
import type { ActionContext } from '../core/action.ts';
import { AppError, notFound } from '../core/errors.ts';
import { presentGroup } from './present/present-group.ts';
import { presentPackage } from './present/present-package.ts';
import { findGroup, findGroupsByIds, type GroupRow, listGroupsWithCounts } from './repo/groups.ts';
import { loadBundles } from './repo/packages.ts';
import { searchPackages } from './repo/search-query.ts';
import { ckanBool, ckanInt, ckanList, idParam } from './schema.ts';
import { readableOrgIds } from './policy.ts';

/** Parameters of organization_list and group_list (CKAN 2.10). */
export const groupListInput = z.strictObject({
  sort: z.string().max(50).default('title asc'),
  limit: ckanInt(0, 1000).optional(),
  offset: ckanInt(0, 1_000_000).default(0),
  all_fields: ckanBool.default(false),
  organizations: ckanList(z.string()).optional(),
  groups: ckanList(z.string()).optional(),
  include_extras: ckanBool.default(false),
  include_dataset_count: ckanBool.default(true),
  order_by: z.string().optional(),
});

const SORTS: Record<string, 'name' | 'title' | 'package_count'> = {
  name: 'name',
  title: 'title',
  package_count: 'package_count',
  packages: 'package_count',
};

/** organization_list / group_list. @throws AppError validation for an unknown sort. */
export async function listGroups(
  ctx: ActionContext,
  isOrganization: boolean,
  p: z.output<typeof groupListInput>,
) {
  const [field = 'title', dir = 'asc'] = (p.order_by ?? p.sort).trim().split(/\s+/);
  const sortBy = SORTS[field];
  if (!sortBy || !['asc', 'desc'].includes(dir)) {
    throw new AppError('validation', 'Validation Error', {
      fields: { sort: ['Use name, title or package_count, with asc or desc'] },
    });
  }
  const names = (isOrganization ? p.organizations : p.groups) ?? null;
  const all = await listGroupsWithCounts(ctx.db, isOrganization, names);
  const sign = dir === 'desc' ? -1 : 1;
  all.sort((a, b) => sign * compareGroups(a, b, sortBy) || a.name.localeCompare(b.name));
  const limit = p.limit ?? (p.all_fields ? 1000 : all.length);
  const rows = all.slice(p.offset, p.offset + limit);
  if (!p.all_fields) return rows.map((r) => r.name);
  const regions = await regionNames(ctx, rows);
  return rows.map((r) =>
    presentGroup(r, r.package_count, regions.get(r.region_group_id ?? '') ?? null),
  );
}

/** Parameters of organization_show and group_show. */
export const groupShowInput = z.strictObject({
  id: idParam,
  include_datasets: ckanBool.default(false),
});

/** organization_show / group_show keys CKAN clients send that s5 accepts and ignores. */
export const GROUP_SHOW_IGNORED_KEYS = [
  'include_extras',
  'include_users',
  'include_groups',
  'include_tags',
  'include_followers',
  'include_dataset_count',
] as const;

/** organization_show / group_show. @throws AppError not_found */
export async function showGroup(
  ctx: ActionContext,
  isOrganization: boolean,
  ref: string,
  includeDatasets: boolean,
) {
  const group = await findGroup(ctx.db, ref, isOrganization);
  if (!group) throw notFound(isOrganization ? 'Organization not found' : 'Group not found');
  const filter = {
    kind: 'term',
    field: isOrganization ? 'organization' : 'groups',
    value: group.name,
  } as const;
  const hits = await searchPackages(ctx.db, {
    words: [],
    filters: [filter],
    // organization_show counts what the caller may see, as CKAN does.
    visibility: {
      privateOrgIds: readableOrgIds(ctx.actor),
      draftOrgIds: [],
      includeDeleted: false,
    },
    sort: [{ field: 'metadata_modified', descending: true }],
    rows: includeDatasets ? 10 : 0,
    start: 0,
    facetFields: [],
    facetLimit: 0,
    facetMinCount: 1,
  });
  const regions = await regionNames(ctx, [group]);
  const dict = presentGroup(group, hits.count, regions.get(group.region_group_id ?? '') ?? null);
  if (!includeDatasets) return dict;
  const bundles = await loadBundles(ctx.db, hits.ids);
  return { ...dict, packages: bundles.map(presentPackage) };
}

// Japanese titles sort by their reading (あいうえお順), as a Japanese reader expects; the
// organization counts are in the hundreds, so sorting in memory is cheap.
const collator = new Intl.Collator('ja');

function compareGroups(
  a: GroupRow & { package_count: number },
  b: GroupRow & { package_count: number },
  by: string,
) {
  if (by === 'package_count') return a.package_count - b.package_count;
  if (by === 'name') return a.name.localeCompare(b.name);
  return collator.compare(sortKey(a), sortKey(b));
}

function sortKey(g: GroupRow): string {
  try {
    const extras: unknown = JSON.parse(g.extras);
    if (
      typeof extras === 'object' &&
      extras !== null &&
      'reading' in extras &&
      typeof extras.reading === 'string' &&
      extras.reading
    ) {
      return extras.reading;
    }
  } catch {
    // fall through to the title
  }
  return g.title;
}

async function regionNames(ctx: ActionContext, rows: GroupRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.region_group_id ? [r.region_group_id] : [])))];
  return new Map((await findGroupsByIds(ctx.db, ids)).map((g) => [g.id, g.name]));
}
