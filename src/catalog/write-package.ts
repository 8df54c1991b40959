import type { ActionContext } from '../core/action.ts';
import { toCkanTimestamp } from '../core/clock.ts';
import { conflict, invalid, notAuthorized } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { type Database, withTransaction } from '../db/index.ts';
import { findLicense, LICENSES } from './licenses.ts';
import { canEditInOrg } from './policy.ts';
import { findGroup } from './repo/groups.ts';
import {
  findPackage,
  insertPackage,
  type PackageRow,
  packageNameTaken,
  setExtras,
  setGroups,
  setTags,
  updatePackage,
} from './repo/packages.ts';
import {
  activeResources,
  deleteResourcesExcept,
  insertResource,
  updateResource,
} from './repo/resources.ts';
import { reindexPackages } from './repo/search-index.ts';
import type { PackageInput } from './schema.ts';
import { tagName } from './schema.ts';
import { resourceRowFrom } from './write-resource.ts';

/**
 * Creates a dataset (existing = null) or replaces one (package_update semantics: every field
 * is set from the input; resources are replaced only when the input lists them). Runs in one
 * transaction together with the search index update.
 * @throws AppError validation (unknown organization, licence, group, bad tag), conflict (name or
 *   id in use), not_authorized (caller may not edit the organization).
 * @returns the dataset id.
 */
export async function writePackage(
  ctx: ActionContext,
  input: PackageInput,
  existing: PackageRow | null,
): Promise<string> {
  return withTransaction(ctx.db, async (db) => {
    const org = await findGroup(db, input.owner_org, true);
    if (!org) throw invalid({ owner_org: ['Organization does not exist'] });
    if (existing && !canEditInOrg(ctx.actor, existing.owner_org)) {
      throw notAuthorized(
        `User ${ctx.actor.name ?? 'anonymous'} not authorized to edit package ${existing.name}`,
      );
    }
    if (!canEditInOrg(ctx.actor, org.id)) {
      throw notAuthorized(
        `User ${ctx.actor.name ?? 'anonymous'} not authorized to add dataset to organization ${org.name}`,
      );
    }
    if (!findLicense(input.license_id)) {
      throw invalid({
        license_id: [`Unknown licence; use one of: ${LICENSES.map((l) => l.id).join(', ')}`],
      });
    }
    if (await packageNameTaken(db, input.name, existing?.id ?? null)) {
      throw conflict({ name: ['That URL is already in use.'] });
    }
    let id = existing?.id ?? newId();
    if (!existing && input.id !== undefined) {
      if (!ctx.actor.sysadmin) throw notAuthorized('Only a sysadmin may choose a dataset id');
      if (await findPackage(db, input.id)) throw conflict({ id: ['Dataset id already exists'] });
      id = input.id;
    }

    const groupIds = await resolveGroups(db, input);
    if (org.region_group_id) groupIds.push(org.region_group_id);

    const now = toCkanTimestamp(ctx.now);
    const row = {
      name: input.name,
      title: input.title ?? input.name,
      notes: input.notes ?? '',
      owner_org: org.id,
      license_id: input.license_id,
      private: input.private,
      state: input.state,
      type: input.type,
      author: input.author ?? '',
      author_email: input.author_email ?? '',
      maintainer: input.maintainer ?? '',
      maintainer_email: input.maintainer_email ?? '',
      version: input.version ?? '',
      url: input.url ?? '',
      metadata_modified: now,
    };
    if (existing) await updatePackage(db, id, row);
    else {
      await insertPackage(db, {
        ...row,
        id,
        metadata_created: now,
        creator_user_id: ctx.actor.userId,
      });
    }
    await setTags(db, id, tagsOf(input));
    await setExtras(db, id, dedupeExtras(input.extras));
    await setGroups(db, id, groupIds);
    if (input.resources !== undefined) {
      const current = existing ? await activeResources(db, id) : [];
      const kept: string[] = [];
      for (const [position, r] of input.resources.entries()) {
        const match = current.find((c) => c.id === r.id) ?? null;
        const resourceRow = resourceRowFrom(r, id, position, now, match, ctx.site.siteUrl);
        if (match) await updateResource(db, match.id, resourceRow);
        else await insertResource(db, resourceRow);
        kept.push(String(resourceRow.id));
      }
      await deleteResourcesExcept(db, id, kept);
    }
    await reindexPackages(db, [id]);
    return id;
  });
}

function tagsOf(input: PackageInput): string[] {
  const names = input.tags.map((t) => t.name.trim());
  if (input.tag_string) {
    for (const part of input.tag_string.split(',')) {
      const name = part.trim();
      if (name === '') continue;
      const parsed = tagName.safeParse(name);
      if (!parsed.success)
        throw invalid({ tag_string: [parsed.error.issues[0]?.message ?? 'Invalid tag'] });
      names.push(name);
    }
  }
  return [...new Set(names)];
}

function dedupeExtras(extras: PackageInput['extras']) {
  const byKey = new Map<string, string>();
  for (const e of extras) {
    if (e.deleted !== undefined && e.deleted !== false && e.deleted !== 'false') continue;
    byKey.set(e.key, e.value);
  }
  return [...byKey].map(([key, value]) => ({ key, value }));
}

async function resolveGroups(db: Database, input: PackageInput): Promise<string[]> {
  const ids: string[] = [];
  for (const g of input.groups) {
    const ref = g.id ?? g.name ?? '';
    const group = await findGroup(db, ref, false);
    if (!group) throw invalid({ groups: [`Group ${ref} does not exist`] });
    ids.push(group.id);
  }
  return ids;
}
