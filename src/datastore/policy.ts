import type { ActionContext } from '../core/action.ts';
import { invalid, notAuthorized, notFound } from '../core/errors.ts';
import { isUuid } from '../core/ids.ts';
import type { Database } from '../db/index.ts';
import { canEditInOrg, readablePackage, readableResource } from '../catalog/index.ts';
import type { TableMeta } from './fields/field-def.ts';
import { findTable } from './repo/table-registry.ts';

/**
 * Who may read and write datastore tables: reading follows the resource's dataset visibility
 * exactly (the catalog's rule: a private table is "not found" to non-members); writing needs edit
 * rights on the dataset (CKAN: editor or admin of its organization).
 */
export async function readableTable(
  ctx: ActionContext,
  resourceId: string,
  db: Database = ctx.db,
): Promise<TableMeta> {
  await readableResource(ctx, resourceId, db);
  const meta = await findTable(db, resourceId);
  if (!meta) throw notFound(`Resource "${resourceId}" was not found.`);
  return meta;
}

/**
 * The resource, if the caller may write its datastore table. Like CKAN, only tables made for
 * editing (`url_type` "datastore") may be changed without `force`: other resources are loaded
 * from their files, and a manual change would be lost at the next load.
 * @throws AppError not_found, not_authorized, validation (read-only resource, id not a UUID)
 */
export async function writableResource(
  ctx: ActionContext,
  resourceId: string,
  force: boolean,
  db: Database = ctx.db,
) {
  const resource = await readableResource(ctx, resourceId, db);
  const pkg = await readablePackage(ctx, resource.package_id, db);
  if (!canEditInOrg(ctx.actor, pkg.owner_org)) {
    throw notAuthorized(
      `User ${ctx.actor.name ?? 'anonymous'} not authorized to update resource ${resourceId}`,
    );
  }
  if (!force && resource.url_type !== 'datastore') {
    throw invalid({
      'read-only': [
        '読み取り専用のリソースです。datastore_create で作ったリソースを使うか、force=true を指定してください / ' +
          'Cannot edit read-only resource because changes made may be lost. Use a resource created ' +
          'for editing e.g. with datastore_create or use "force=True" to ignore this warning.',
      ],
    });
  }
  // The physical table is named by the resource id, as in CKAN; only ids s5 generates qualify.
  if (!isUuid(resource.id)) {
    throw invalid({
      resource_id: [
        'データストアには UUID のリソース ID が必要です / A datastore table needs a resource whose id is a UUID',
      ],
    });
  }
  return resource;
}
