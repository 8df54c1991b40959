/**
 * Term expansion and IRI compaction over an active context that the `jsonld` processor built
 * (context/resolve-context.ts). The JSON-LD algorithms run once per distinct @context; this map
 * answers each name from its term definitions and memoises the answers, so a request costs a few
 * Map lookups instead of a full expansion of its body.
 */

/** The parts of a `jsonld` term definition this module reads. */
export interface TermDefinition {
  '@id'?: string | null;
  reverse?: boolean;
  _prefix?: boolean;
  '@type'?: string;
  '@container'?: unknown;
}

/** The parts of a `jsonld` active context this module reads. */
export interface ActiveContext {
  mappings: Map<string, TermDefinition>;
  '@vocab'?: string;
}

const KEYWORD_FORM = /^@[a-zA-Z]+$/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*$/;

export class TermMap {
  readonly #active: ActiveContext;
  readonly #expanded = new Map<string, string>();
  readonly #compacted = new Map<string, string>();
  /** IRI → best term, built on first compaction. */
  #inverse: Map<string, string> | undefined;
  /** Prefix terms, longest IRI first. */
  #prefixes: Array<[string, string]> | undefined;

  constructor(active: ActiveContext) {
    this.#active = active;
  }

  /** The vocabulary IRI terms without a definition expand against. */
  get vocab(): string | undefined {
    return this.#active['@vocab'];
  }

  /**
   * IRI expansion with `vocab: true` (JSON-LD 1.1 API §5.2.2): a defined term gives its IRI, a
   * compact IRI `prefix:suffix` its prefix's IRI plus the suffix, an absolute IRI itself, and any
   * other name the @vocab IRI plus the name.
   */
  expand(term: string): string {
    const known = this.#expanded.get(term);
    if (known !== undefined) return known;
    const out = this.#expandUncached(term);
    this.#expanded.set(term, out);
    return out;
  }

  #expandUncached(term: string): string {
    if (KEYWORD_FORM.test(term)) return term;
    const def = this.#active.mappings.get(term);
    if (def && typeof def['@id'] === 'string') return def['@id'];
    const colon = term.indexOf(':');
    if (colon > 0) {
      const prefix = term.slice(0, colon);
      const suffix = term.slice(colon + 1);
      if (prefix === '_' || suffix.startsWith('//')) return term;
      const prefixDef = this.#active.mappings.get(prefix);
      if (prefixDef?._prefix && typeof prefixDef['@id'] === 'string')
        return prefixDef['@id'] + suffix;
      if (SCHEME.test(prefix)) return term;
    }
    const vocab = this.#active['@vocab'];
    return vocab === undefined ? term : vocab + term;
  }

  /**
   * IRI compaction with `vocab: true`: the shortest term defined for the IRI (terms without
   * @type/@container first), else the suffix after @vocab when it is no term of its own, else
   * the shortest compact IRI, else the IRI itself.
   */
  compact(iri: string): string {
    const known = this.#compacted.get(iri);
    if (known !== undefined) return known;
    const out = this.#compactUncached(iri);
    this.#compacted.set(iri, out);
    return out;
  }

  #compactUncached(iri: string): string {
    const term = this.#inverseMap().get(iri);
    if (term !== undefined) return term;
    const vocab = this.#active['@vocab'];
    if (vocab && iri.startsWith(vocab) && iri.length > vocab.length) {
      const suffix = iri.slice(vocab.length);
      if (!this.#active.mappings.has(suffix) && !suffix.includes(':')) return suffix;
    }
    let best: string | undefined;
    for (const [prefix, prefixIri] of this.#prefixList()) {
      if (!iri.startsWith(prefixIri) || iri.length === prefixIri.length) continue;
      const candidate = `${prefix}:${iri.slice(prefixIri.length)}`;
      // A compact IRI that is itself a term would expand to something else.
      if (this.#active.mappings.has(candidate)) continue;
      if (best === undefined || shorterFirst(candidate, best) < 0) best = candidate;
    }
    return best ?? iri;
  }

  #inverseMap(): Map<string, string> {
    if (this.#inverse) return this.#inverse;
    const inverse = new Map<string, string>();
    const rank = new Map<string, number>();
    for (const [term, def] of this.#active.mappings) {
      const id = def['@id'];
      if (typeof id !== 'string' || def.reverse || term.includes(':')) continue;
      // Plain terms win over terms that constrain their values' type or container.
      const r = def['@type'] === undefined && def['@container'] === undefined ? 0 : 1;
      const current = inverse.get(id);
      const currentRank = rank.get(id) ?? 2;
      if (
        current === undefined ||
        r < currentRank ||
        (r === currentRank && shorterFirst(term, current) < 0)
      ) {
        inverse.set(id, term);
        rank.set(id, r);
      }
    }
    this.#inverse = inverse;
    return inverse;
  }

  #prefixList(): Array<[string, string]> {
    if (this.#prefixes) return this.#prefixes;
    const list: Array<[string, string]> = [];
    for (const [term, def] of this.#active.mappings) {
      if (def._prefix && typeof def['@id'] === 'string' && !term.includes(':'))
        list.push([term, def['@id']]);
    }
    this.#prefixes = list;
    return list;
  }
}

/** JSON-LD's term order: shorter first, then lexicographically least. */
function shorterFirst(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
