import type { Database } from '../../db/index.ts';
import { type ContextFetcher, httpContextFetcher } from '../context/fetch-context.ts';
import { ContextResolver } from '../context/resolve-context.ts';
import { relationshipTargets } from '../model/render-linked.ts';
import type { Entity } from '../model/types.ts';
import { isUri } from '../model/uri.ts';
import { type Params, parseEntityQuery, parsePaging } from '../query/query-params.ts';
import { type QueryPage, queryEntities } from '../repo/query-entities.ts';
import { type BatchOperation, type BatchOptions, runBatch } from './batch.ts';
import {
  type BrokerSettings,
  type ChangeListener,
  type NgsiCall,
  readsPublicOnly,
} from './call.ts';
import { ContextStoreService, databaseContextStore } from './contexts.ts';
import { DiscoveryService } from './discovery.ts';
import { EntityService } from './entities.ts';
import { purgeEntities } from './purge.ts';

export interface BrokerOptions {
  db: Database;
  settings: BrokerSettings;
  /** Absolute URL of the API root, `<site>/ngsi-ld/v1`. */
  apiBase: string;
  /** Hosts user @contexts may be fetched from, and the fetch limits. */
  contextHosts: readonly string[];
  fetchTimeoutMs: number;
  /** @context documents known without fetching (conformance: the suite's contexts). */
  preloaded?: ReadonlyMap<string, unknown>;
  /** Replaces the HTTP fetcher (tests). */
  fetcher?: ContextFetcher;
  now?: () => Date;
}

/** Largest user @context document fetched. */
const MAX_CONTEXT_BYTES = 1_048_576;

/**
 * The NGSI-LD context broker: entities, queries, batches, discovery and the @context store
 * over one database. History and notifications subscribe with `onChange`.
 */
export class Broker {
  readonly resolver: ContextResolver;
  readonly entities: EntityService;
  readonly discovery: DiscoveryService;
  readonly contexts: ContextStoreService;
  readonly settings: BrokerSettings;
  readonly #listeners: ChangeListener[] = [];
  readonly #db: Database;

  constructor(o: BrokerOptions) {
    this.#db = o.db;
    this.settings = o.settings;
    const now = o.now ?? (() => new Date());
    const preloaded = o.preloaded ?? new Map<string, unknown>();
    this.resolver = new ContextResolver({
      fetcher:
        o.fetcher ??
        httpContextFetcher({
          allowedHosts: o.contextHosts,
          timeoutMs: o.fetchTimeoutMs,
          maxBytes: MAX_CONTEXT_BYTES,
        }),
      store: databaseContextStore(o.db, now),
      preloaded,
    });
    this.entities = new EntityService(o.db, o.settings, this.#listeners);
    this.discovery = new DiscoveryService(o.db, o.settings);
    this.contexts = new ContextStoreService(
      o.db,
      this.resolver,
      `${o.apiBase}/jsonldContexts/`,
      preloaded,
    );
  }

  /** Registers a listener that runs inside every entity write's transaction. */
  onChange(listener: ChangeListener): void {
    this.#listeners.push(listener);
  }

  /**
   * Query Entities (5.7.2) from GET parameters or the POST query body turned into parameters.
   * @throws AppError BadRequestData, InvalidRequest, TooManyResults, NonexistentTenant.
   */
  async query(
    call: NgsiCall,
    params: Params,
  ): Promise<QueryPage & { limit: number; offset: number }> {
    const paging = parsePaging(params, this.settings.maxLimit, this.settings.defaultLimit);
    const query = parseEntityQuery(params, call.terms, readsPublicOnly(call, this.settings));
    await this.entities.checkTenant(call);
    const page = await queryEntities(this.#db, call.tenant, query, paging);
    return { ...page, limit: paging.limit, offset: paging.offset };
  }

  /**
   * Linked entity retrieval (clause 4.5.23): the entities the roots' Relationships point to,
   * `level` steps deep, that the caller may see.
   */
  async linked(
    call: NgsiCall,
    roots: readonly Entity[],
    level: number,
  ): Promise<Map<string, Entity>> {
    const out = new Map<string, Entity>();
    for (const r of roots) out.set(r.id, r);
    let frontier: readonly Entity[] = roots;
    for (let depth = 0; depth < level && frontier.length > 0; depth++) {
      const wanted = [
        ...new Set(frontier.flatMap((e) => relationshipTargets(e).map(([, id]) => id))),
      ].filter((id) => !out.has(id) && isUri(id));
      if (wanted.length === 0) break;
      const page = await queryEntities(
        this.#db,
        call.tenant,
        { ids: wanted, publicOnly: readsPublicOnly(call, this.settings) },
        { limit: wanted.length, offset: 0, count: false },
      );
      for (const e of page.entities) out.set(e.id, e);
      frontier = page.entities;
    }
    return out;
  }

  /** Purge Entities (5.6.21): returns how many entities matched. */
  purge(call: NgsiCall, params: Params): Promise<number> {
    return purgeEntities(this.entities, call, params);
  }

  /** Batch operations (5.6.7–5.6.10, 5.6.20). */
  batch(
    call: NgsiCall,
    op: BatchOperation,
    body: unknown,
    termsOf: Parameters<typeof runBatch>[4],
    options: BatchOptions = {},
  ) {
    return runBatch(this.entities, call, op, body, termsOf, options);
  }
}
