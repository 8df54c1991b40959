import type { ActionContext } from '../core/action.ts';
import { toCkanTimestamp } from '../core/clock.ts';
import { notAuthorized, notFound } from '../core/errors.ts';
import { type Database, withTransaction } from '../db/index.ts';
import { canEditInOrg } from './policy.ts';
import { presentStoredResource } from './present-stored-resource.ts';
import { readablePackage } from './read-package.ts';
import { updatePackage } from './repo/packages.ts';
import { activeResources, findResource, insertResource, updateResource } from './repo/resources.ts';
import { reindexPackages } from './repo/search-index.ts';
import type { ResourceInput } from './schema.ts';
import { resourceRowFrom } from './write-resource.ts';

/**
 * Resource writes share one shape: in a transaction, check that the caller may edit the
 * dataset, change the resource rows, touch the dataset's metadata_modified and reindex it.
 * @throws AppError not_found, not_authorized
 */
async function editDataset<T>(
  ctx: ActionContext,
  packageRef: string,
  change: (db: Database, packageId: string, now: string) => Promise<T>,
): Promise<T> {
  return withTransaction(ctx.db, async (db) => {
    const pkg = await readablePackage(ctx, packageRef, db);
    if (!canEditInOrg(ctx.actor, pkg.owner_org)) {
      throw notAuthorized(
        `User ${ctx.actor.name ?? 'anonymous'} not authorized to edit package ${pkg.name}`,
      );
    }
    const now = toCkanTimestamp(ctx.now);
    const result = await change(db, pkg.id, now);
    await updatePackage(db, pkg.id, { metadata_modified: now });
    await reindexPackages(db, [pkg.id]);
    return result;
  });
}

/** The resource's dataset id, for a resource the caller may read. @throws AppError not_found */
export async function readableResource(ctx: ActionContext, id: string, db: Database = ctx.db) {
  const r = await findResource(db, id);
  if (r?.state !== 'active') throw notFound('Resource was not found.');
  await readablePackage(ctx, r.package_id, db).catch(() => {
    throw notFound('Resource was not found.');
  });
  return r;
}

export async function createResource(ctx: ActionContext, packageRef: string, input: ResourceInput) {
  return editDataset(ctx, packageRef, async (db, packageId, now) => {
    const position = (await activeResources(db, packageId)).length;
    const { id: _ignored, ...fields } = input;
    const row = resourceRowFrom(fields, packageId, position, now, null, ctx.site.siteUrl);
    await insertResource(db, row);
    const created = await findResource(db, String(row.id));
    if (!created) throw notFound('Resource was not found.');
    return presentStoredResource(db, created);
  });
}

export async function replaceResource(ctx: ActionContext, id: string, input: ResourceInput) {
  const existing = await readableResource(ctx, id);
  return editDataset(ctx, existing.package_id, async (db, packageId, now) => {
    const row = resourceRowFrom(
      input,
      packageId,
      existing.position,
      now,
      existing,
      ctx.site.siteUrl,
    );
    await updateResource(db, id, row);
    const updated = await findResource(db, id);
    if (!updated) throw notFound('Resource was not found.');
    return presentStoredResource(db, updated);
  });
}

export async function deleteResource(ctx: ActionContext, id: string) {
  const existing = await readableResource(ctx, id);
  await editDataset(ctx, existing.package_id, async (db, packageId, now) => {
    await updateResource(db, id, { state: 'deleted', metadata_modified: now });
    // Keep positions contiguous, as CKAN does after a delete.
    const rest = await activeResources(db, packageId);
    for (const [i, r] of rest.entries())
      if (r.position !== i) await updateResource(db, r.id, { position: i });
  });
  return null;
}
