import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/index.ts';
import {
  CORE_CONTEXT_URL,
  coreContextDocument,
  isCoreContextUrl,
} from '../context/core-context.ts';
import type { ContextResolver, ContextStore } from '../context/resolve-context.ts';
import { badData, ngsiError } from '../errors.ts';
import {
  type ContextKind,
  deleteContext,
  findContextById,
  findContextByUrl,
  listContexts,
  type StoredContext,
  saveContext,
} from '../repo/context-store.ts';

const KINDS: readonly ContextKind[] = ['Hosted', 'Cached', 'ImplicitlyCreated'];

/** The resolver's view of the database store (hosted and cached documents by URL). */
export function databaseContextStore(db: Database, now: () => Date): ContextStore {
  return {
    findByUrl: async (url) => (await findContextByUrl(db, url))?.body,
    saveCached: async (url, document) =>
      saveContext(db, {
        localId: newLocalId(),
        url,
        kind: 'Cached',
        body: document,
        createdAt: now().toISOString(),
      }),
  };
}

function newLocalId(): string {
  return randomBytes(12).toString('hex');
}

/**
 * The @context store API (clause 5.13): add (Hosted), list, serve and delete; fetched contexts
 * appear as Cached, the core context and pre-loaded documents as Cached too.
 */
export class ContextStoreService {
  constructor(
    readonly db: Database,
    readonly resolver: ContextResolver,
    /** Absolute URL prefix of hosted contexts: `<site>/ngsi-ld/v1/jsonldContexts/`. */
    readonly hostedBase: string,
    readonly preloaded: ReadonlyMap<string, unknown>,
  ) {}

  /**
   * Adds a Hosted context; returns its local id.
   * @throws AppError BadRequestData when the body has no valid @context.
   */
  async add(body: unknown, now: Date): Promise<string> {
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !('@context' in body))
      throw ngsiError('InvalidRequest', 'The body must be a JSON object with an @context member');
    const context = (body as { '@context': unknown })['@context'];
    if (typeof context !== 'object' || context === null)
      throw badData('@context must be an object or an array');
    // Its inline parts must form a valid JSON-LD context; referenced URLs are fetched (and
    // cached) when a request first uses them.
    const parts = Array.isArray(context) ? context : [context];
    await this.resolver.termsFor(parts.filter((c) => typeof c !== 'string'));
    const localId = newLocalId();
    await saveContext(this.db, {
      localId,
      url: this.hostedBase + localId,
      kind: 'Hosted',
      body: { '@context': context },
      createdAt: now.toISOString(),
    });
    return localId;
  }

  /** GET /jsonldContexts: URLs, or detail objects. @throws AppError BadRequestData. */
  async list(details: string | undefined, kind: string | undefined): Promise<unknown[]> {
    const withDetails = parseBool('details', details);
    if (kind !== undefined && !(KINDS as readonly string[]).includes(kind))
      throw badData(`kind must be one of ${KINDS.join(', ')}`);
    const all = [...this.builtIn(), ...(await listContexts(this.db))].filter(
      (c) => kind === undefined || c.kind === kind,
    );
    return withDetails ? all.map(detailsOf) : all.map((c) => c.url);
  }

  /**
   * GET /jsonldContexts/{id}: the document, or its details.
   * @throws AppError ResourceNotFound, BadRequestData.
   */
  async serve(id: string, details: string | undefined): Promise<unknown> {
    const withDetails = parseBool('details', details);
    const c = await this.find(id);
    if (!c) throw ngsiError('ResourceNotFound', `No @context ${id}`);
    return withDetails ? detailsOf(c) : c.body;
  }

  /**
   * DELETE /jsonldContexts/{id}: removes a Hosted or Cached context; with reload=true a Cached
   * one is fetched again instead (and kept when that fails).
   * @throws AppError ResourceNotFound, BadRequestData, LdContextNotAvailable.
   */
  async delete(id: string, reload: string | undefined): Promise<void> {
    const doReload = parseBool('reload', reload);
    const c = await this.find(id);
    if (doReload) {
      if (c?.kind !== 'Cached') throw badData('reload=true applies only to Cached @contexts');
      // The core and pre-loaded contexts ship with s5: reloading them changes nothing.
      if (isCoreContextUrl(c.url) || this.preloaded.has(c.url)) return;
      this.resolver.forget(c.url);
      await deleteContext(this.db, c.localId);
      try {
        await this.resolver.document(c.url);
      } catch (error) {
        // Keep the copy we had: a failed reload must not lose the context.
        await saveContext(this.db, c);
        throw error;
      }
      return;
    }
    if (!c) throw ngsiError('ResourceNotFound', `No @context ${id}`);
    if (isCoreContextUrl(c.url) || this.preloaded.has(c.url))
      throw badData('The core and pre-loaded @contexts cannot be deleted');
    await deleteContext(this.db, c.localId);
    this.resolver.forget(c.url);
  }

  async find(id: string): Promise<StoredContext | undefined> {
    const builtIn = this.builtIn().find((c) => c.localId === id || c.url === id);
    if (builtIn) return builtIn;
    return (await findContextById(this.db, id)) ?? (await findContextByUrl(this.db, id));
  }

  builtIn(): StoredContext[] {
    const out: StoredContext[] = [
      {
        localId: 'ngsi-ld-core-context-v1.8',
        url: CORE_CONTEXT_URL,
        kind: 'Cached',
        body: coreContextDocument(),
        createdAt: '1970-01-01T00:00:00.000Z',
      },
    ];
    let i = 0;
    for (const [url, body] of this.preloaded) {
      if (isCoreContextUrl(url)) continue;
      out.push({
        localId: `preloaded-${++i}`,
        url,
        kind: 'Cached',
        body,
        createdAt: '1970-01-01T00:00:00.000Z',
      });
    }
    return out;
  }
}

function detailsOf(c: StoredContext): Record<string, unknown> {
  return { URL: c.url, localId: c.localId, kind: c.kind, createdAt: c.createdAt };
}

function parseBool(name: string, value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw badData(`${name} must be true or false`);
}
