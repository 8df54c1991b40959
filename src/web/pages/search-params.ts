/**
 * The facets of the search page: URL parameter = package_search facet field (`s5_schema`: the
 * standard dataset by schema id, `s5_conformance`: its 適合度).
 */
export const FACETS = [
  'organization',
  'groups',
  's5_schema',
  'tags',
  'res_format',
  'license_id',
  's5_conformance',
] as const;
export type Facet = (typeof FACETS)[number];

export const SORTS = {
  relevance: 'score desc, metadata_modified desc',
  modified: 'metadata_modified desc',
  created: 'metadata_created desc',
  title: 'title_string asc',
} as const;
export type SortKey = keyof typeof SORTS;

export const PER_PAGE = 20;

/** The search page's state, read from its URL (the URL is the whole state: shareable). */
export interface SearchState {
  q: string;
  sort: SortKey;
  page: number;
  filters: Record<Facet, string[]>;
}

/** Reads the state from query parameters; unknown sort keys fall back to relevance. */
export function readSearchState(params: URLSearchParams): SearchState {
  const sortParam = params.get('sort') ?? '';
  const page = Number(params.get('page'));
  const filters = emptyFilters();
  for (const f of FACETS) {
    filters[f] = [...new Set(params.getAll(f).map((v) => v.trim()))].filter((v) => v !== '');
  }
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    sort: sortParam in SORTS ? (sortParam as SortKey) : 'relevance',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, 10_000) : 1,
    filters,
  };
}

/** Solr-style quoting of a filter value, as package_search's `fq` parser reads it. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

/** The package_search input of a state: values of one facet are OR-ed, facets AND-ed. */
export function searchInput(state: SearchState): Record<string, unknown> {
  const fq = FACETS.filter((f) => state.filters[f].length > 0)
    .map((f) => `${f}:(${state.filters[f].map(quoteFilterValue).join(' OR ')})`)
    .join(' ');
  return {
    q: state.q,
    fq,
    sort: SORTS[state.sort],
    rows: PER_PAGE,
    start: (state.page - 1) * PER_PAGE,
    'facet.field': [...FACETS],
    'facet.limit': 20,
  };
}

/** The URL of a state; defaults are left out so equal searches share one URL. */
export function searchUrl(state: SearchState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FACETS) for (const v of state.filters[f]) p.append(f, v);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  const qs = p.toString();
  return `/dataset${qs ? `?${qs}` : ''}`;
}

/** No filter at all. */
export function emptyFilters(): Record<Facet, string[]> {
  return {
    organization: [],
    groups: [],
    s5_schema: [],
    tags: [],
    res_format: [],
    license_id: [],
    s5_conformance: [],
  };
}

/** The URL of a search by facet values alone (the home page's entry points). */
export function facetSearchUrl(facet: Facet, values: readonly string[]): string {
  return searchUrl({
    q: '',
    sort: 'relevance',
    page: 1,
    filters: { ...emptyFilters(), [facet]: [...values] },
  });
}

/** The state with a facet value added or removed (back to page 1). */
export function toggleFilter(state: SearchState, facet: Facet, value: string): SearchState {
  const current = state.filters[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, page: 1, filters: { ...state.filters, [facet]: next } };
}
