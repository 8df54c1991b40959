import type { ActionContext } from '../core/action.ts';
import { notAuthorized } from '../core/errors.ts';
import { canEditInOrg, readablePackage, readableResource } from '../catalog/index.ts';

/**
 * The resource, when the caller may edit its dataset (editor or admin of its organization).
 * @throws AppError not_found (also for a private dataset the caller cannot see), not_authorized
 */
export async function editableResource(ctx: ActionContext, resourceId: string) {
  const resource = await readableResource(ctx, resourceId);
  const pkg = await readablePackage(ctx, resource.package_id);
  if (!canEditInOrg(ctx.actor, pkg.owner_org)) {
    throw notAuthorized(
      `User ${ctx.actor.name ?? 'anonymous'} not authorized to ingest resource ${resourceId}`,
    );
  }
  return resource;
}

/** Builds the ingest's dependencies from an action context. */
export function depsOf(ctx: ActionContext) {
  return { db: ctx.db, files: ctx.files, now: () => new Date(ctx.now.getTime()) };
}
