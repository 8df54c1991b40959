import { siteActor } from '../catalog/index.ts';
import type { ActionContext, ActionRegistry, SiteSettings } from '../core/action.ts';
import type { Logger } from '../core/logger.ts';
import type { Database } from '../db/index.ts';
import type { FileStore } from '../files/index.ts';

/**
 * What harvesting needs: the database, the one action registry (local datasets are written
 * through the catalog's actions, so the search index, audit log and write listeners follow),
 * the time and the site settings. A Platform has all of it.
 */
export interface HarvestDeps {
  readonly db: Database;
  readonly registry: ActionRegistry;
  readonly now: () => Date;
  readonly log: Logger;
  readonly site: SiteSettings;
  readonly files: FileStore;
}

/** Calls an action as the site actor (the harvester, like CKAN's harvest user). */
export function callAsSite(
  deps: HarvestDeps,
  origin: string,
  name: string,
  input: unknown,
): Promise<unknown> {
  const ctx: ActionContext = {
    db: deps.db,
    actor: siteActor,
    now: deps.now(),
    log: deps.log,
    site: deps.site,
    files: deps.files,
    origin,
  };
  return deps.registry.call(name, ctx, input);
}
