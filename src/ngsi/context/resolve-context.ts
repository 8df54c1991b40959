import jsonld from 'jsonld';
import { AppError } from '../../core/errors.ts';
import { badData } from '../errors.ts';
import { CORE_CONTEXT_URL, coreContextDocument, isCoreContextUrl } from './core-context.ts';
import type { ContextFetcher } from './fetch-context.ts';
import { type ActiveContext, TermMap } from './term-map.ts';

/** Where stored @context documents (hosted and cached) are found and kept. */
export interface ContextStore {
  /** The document (`{"@context": …}`) stored under a URL, if any. */
  findByUrl(url: string): Promise<unknown | undefined>;
  /** Keeps a fetched document as kind Cached. */
  saveCached(url: string, document: unknown): Promise<void>;
}

/** `jsonld.processContext`, which @types/jsonld does not declare. */
type ProcessContext = (
  active: ActiveContext | null,
  local: unknown,
  options: { documentLoader: (url: string) => Promise<RemoteDocument> },
) => Promise<ActiveContext>;

interface RemoteDocument {
  contextUrl: undefined;
  documentUrl: string;
  document: unknown;
}

// jsonld exports processContext at run time (lib/jsonld.js); the type package omits it.
const processContext = (jsonld as unknown as { processContext: ProcessContext }).processContext;

const MAX_TERM_MAPS = 256;

/**
 * Turns request @contexts into TermMaps with the `jsonld` processor. The core context is always
 * applied last, so its protected terms win (clause 5.5.7); documents come from the package (core),
 * the pre-loaded map, the store, or an allowed host (in that order) and are kept in memory.
 */
export class ContextResolver {
  readonly #fetcher: ContextFetcher;
  readonly #store: ContextStore;
  readonly #preloaded: ReadonlyMap<string, unknown>;
  readonly #documents = new Map<string, unknown>();
  readonly #terms = new Map<string, TermMap>();

  constructor(options: {
    fetcher: ContextFetcher;
    store: ContextStore;
    preloaded?: ReadonlyMap<string, unknown>;
  }) {
    this.#fetcher = options.fetcher;
    this.#store = options.store;
    this.#preloaded = options.preloaded ?? new Map();
  }

  /**
   * The TermMap of a request's @context (undefined = the core context alone).
   * @throws AppError LdContextNotAvailable when a remote context cannot be had;
   *   BadRequestData when the context is not a valid JSON-LD context.
   */
  async termsFor(context: unknown): Promise<TermMap> {
    const local = contextList(context);
    const key = JSON.stringify(local);
    const known = this.#terms.get(key);
    if (known) {
      // Re-insert to keep the map in least-recently-used order.
      this.#terms.delete(key);
      this.#terms.set(key, known);
      return known;
    }
    let active: ActiveContext;
    try {
      const initial = await processContext(null, null, { documentLoader: this.#loader });
      active = await processContext(initial, [...local, CORE_CONTEXT_URL], {
        documentLoader: this.#loader,
      });
    } catch (error) {
      throw unwrap(error);
    }
    const terms = new TermMap(active);
    this.#terms.set(key, terms);
    if (this.#terms.size > MAX_TERM_MAPS) {
      const oldest = this.#terms.keys().next().value;
      if (oldest !== undefined) this.#terms.delete(oldest);
    }
    return terms;
  }

  /** The document of a context URL, as the document loader sees it. */
  async document(url: string): Promise<unknown> {
    if (isCoreContextUrl(url)) return coreContextDocument();
    const pre = this.#preloaded.get(url);
    if (pre !== undefined) return pre;
    const memo = this.#documents.get(url);
    if (memo !== undefined) return memo;
    const stored = await this.#store.findByUrl(url);
    if (stored !== undefined) {
      this.#documents.set(url, stored);
      return stored;
    }
    const fetched = await this.#fetcher(url);
    await this.#store.saveCached(url, fetched);
    this.#documents.set(url, fetched);
    return fetched;
  }

  /** Drops what is remembered about a URL (after a store delete or reload). */
  forget(url: string): void {
    this.#documents.delete(url);
    this.#terms.clear();
  }

  readonly #loader = async (url: string): Promise<RemoteDocument> => ({
    contextUrl: undefined,
    documentUrl: url,
    document: await this.document(url),
  });
}

/**
 * A request @context as a list of context entries.
 * @throws AppError BadRequestData for a value that is no JSON-LD context.
 */
export function contextList(context: unknown): unknown[] {
  if (context === undefined || context === null) return [];
  const list = Array.isArray(context) ? context : [context];
  for (const entry of list) {
    const ok =
      typeof entry === 'string' ||
      (typeof entry === 'object' && entry !== null && !Array.isArray(entry));
    if (!ok) throw badData('@context must be a URL, an object or an array of them');
  }
  return list;
}

function unwrap(error: unknown): unknown {
  if (error instanceof AppError) return error;
  // jsonld wraps loader failures: the AppError of our loader is its cause.
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if (current instanceof AppError) return current;
    const details = (current as { details?: { cause?: unknown } }).details;
    current = details?.cause ?? (current as { cause?: unknown }).cause;
  }
  const message = error instanceof Error ? error.message : String(error);
  return badData(`Invalid @context: ${message}`);
}
