import type { Logger } from '../core/logger.ts';
import type { Database } from '../db/index.ts';

/** What a refresh of the merged tables needs. */
export interface MergedDeps {
  readonly db: Database;
  readonly log: Logger;
  readonly now: () => Date;
  /** The public site URL, for the merged resources' download URLs. */
  readonly siteUrl: string;
  /**
   * Runs a catalog action as the site actor. Merged datasets are created and changed through the
   * catalog's own actions, so the search index, the audit log and every rule stay right.
   */
  readonly callAsSite: (name: string, input: Record<string, unknown>) => Promise<unknown>;
}
