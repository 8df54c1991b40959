import { toBool } from '../../db/index.ts';
import type { GroupRow } from '../repo/groups.ts';

/** CKAN's compact organization dict, as embedded in a package dict. */
export function presentOrganizationSummary(g: GroupRow) {
  return {
    id: g.id,
    name: g.name,
    title: g.title,
    type: g.type,
    description: g.description,
    image_url: g.image_url,
    created: g.created,
    is_organization: toBool(g.is_organization),
    approval_status: 'approved',
    state: g.state,
  };
}

/** A group as listed in a package dict's `groups`. */
export function presentGroupSummary(g: GroupRow) {
  return {
    id: g.id,
    name: g.name,
    title: g.title,
    display_name: g.title || g.name,
    description: g.description,
    image_display_url: g.image_url,
  };
}

/** The full organization/group dict of organization_show, group_show and `all_fields` lists. */
export function presentGroup(g: GroupRow, packageCount: number, regionName: string | null) {
  return {
    id: g.id,
    name: g.name,
    title: g.title,
    display_name: g.title || g.name,
    title_translated: { ja: g.title, en: g.title_en },
    description: g.description,
    image_url: g.image_url,
    image_display_url: g.image_url,
    created: g.created,
    is_organization: toBool(g.is_organization),
    type: g.type,
    state: g.state,
    approval_status: 'approved',
    num_followers: 0,
    package_count: packageCount,
    extras: extrasOf(g, regionName),
  };
}

function extrasOf(g: GroupRow, regionName: string | null): Array<{ key: string; value: string }> {
  const out: Array<{ key: string; value: string }> = [];
  if (g.code) out.push({ key: 'municipality_code', value: g.code });
  if (regionName) out.push({ key: 'region', value: regionName });
  let extra: unknown = {};
  try {
    extra = JSON.parse(g.extras);
  } catch {
    extra = {};
  }
  if (typeof extra === 'object' && extra !== null) {
    for (const [key, value] of Object.entries(extra)) {
      if (value !== null && value !== undefined) out.push({ key, value: String(value) });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
