import type { ActionContext } from '../core/action.ts';
import { notFound } from '../core/errors.ts';
import type { Database } from '../db/index.ts';
import { canReadPackage } from './policy.ts';
import { type PackageDict, presentPackage } from './present/present-package.ts';
import { findPackage, loadBundles, type PackageRow } from './repo/packages.ts';

/**
 * Finds a dataset the caller may read. A private dataset is reported as not found to those
 * who may not see it, so its existence does not leak either.
 * @throws AppError not_found
 */
export async function readablePackage(
  ctx: ActionContext,
  ref: string,
  db: Database = ctx.db,
): Promise<PackageRow> {
  const pkg = await findPackage(db, ref);
  if (!pkg || !canReadPackage(ctx.actor, pkg)) throw notFound('Dataset not found');
  return pkg;
}

/** The CKAN dict of a dataset the caller may read. @throws AppError not_found */
export async function packageDict(
  ctx: ActionContext,
  ref: string,
  db: Database = ctx.db,
): Promise<PackageDict> {
  const pkg = await readablePackage(ctx, ref, db);
  const [bundle] = await loadBundles(db, [pkg.id]);
  if (!bundle) throw notFound('Dataset not found');
  return presentPackage(bundle);
}
