import { z } from 'zod';
import type { ActionContext, ActionRegistry } from '../core/action.ts';
import { AppError, invalid, notAuthorized, notFound } from '../core/errors.ts';
import type { HarvestDeps } from './deps.ts';
import { canManageSource, canSeeSource } from './policy.ts';
import { findSource, type HarvestSource } from './repo/sources.ts';

/** Gives the harvest actions the registry they are part of (built after them). */
export type RegistryRef = () => ActionRegistry | null;

/** The registry, once built. @throws AppError internal before that. */
export function registryOf(ref: RegistryRef): ActionRegistry {
  const registry = ref();
  if (!registry) throw new AppError('internal', 'The action registry is not built yet');
  return registry;
}

/** Harvest deps for work started by an action (background jobs read the clock as they go). */
export function depsOf(ctx: ActionContext, ref: RegistryRef): HarvestDeps {
  return {
    db: ctx.db,
    registry: registryOf(ref),
    log: ctx.log,
    site: ctx.site,
    files: ctx.files,
    now: () => new Date(),
  };
}

const orgDict = z.looseObject({ id: z.string(), name: z.string() });

/**
 * The local organization a source writes into, by id or name.
 * @throws AppError validation when it does not exist.
 */
export async function resolveOrg(
  ctx: ActionContext,
  ref: RegistryRef,
  org: string,
): Promise<{ id: string; name: string }> {
  try {
    return orgDict.parse(await registryOf(ref).call('organization_show', ctx, { id: org }));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw invalid({ owner_org: ['Organization does not exist'] });
    }
    throw error;
  }
}

/**
 * A source the caller may see; an invisible one is "not found", so its existence does not leak.
 * @throws AppError not_found
 */
export async function visibleSource(ctx: ActionContext, ref: string): Promise<HarvestSource> {
  const source = await findSource(ctx.db, ref);
  if (!source || !canSeeSource(ctx.actor, source.localOrgId)) {
    throw notFound('Harvest source was not found.');
  }
  return source;
}

/**
 * A source the caller may manage (sysadmin or admin of its local organization).
 * @throws AppError not_found, not_authorized
 */
export async function manageableSource(ctx: ActionContext, ref: string): Promise<HarvestSource> {
  const source = await visibleSource(ctx, ref);
  if (!canManageSource(ctx.actor, source.localOrgId)) {
    throw notAuthorized(
      `User ${ctx.actor.name ?? 'anonymous'} not authorized to manage harvest source ${source.name}`,
    );
  }
  return source;
}
