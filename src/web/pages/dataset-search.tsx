import type { FacetItem, SchemaSummary, SearchResult } from '../action-results.ts';
import { levelOf } from '../components/conformance.tsx';
import { DatasetList } from '../components/dataset-list.tsx';
import { Pager } from '../components/pager.tsx';
import type { PageRequest, Page } from '../http/page.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { Ui } from '../i18n/ui.ts';
import {
  emptyFilters,
  FACETS,
  type Facet,
  PER_PAGE,
  readSearchState,
  SORTS,
  type SearchState,
  searchInput,
  searchUrl,
  type SortKey,
  toggleFilter,
} from './search-params.ts';

const FACET_LABEL: Record<Facet, MessageKey> = {
  organization: 'facetOrganization',
  groups: 'facetGroups',
  tags: 'facetTags',
  res_format: 'facetResFormat',
  license_id: 'facetLicense',
  s5_schema: 'schema',
  s5_conformance: 'conformance',
};

const SORT_LABEL: Record<SortKey, MessageKey> = {
  relevance: 'sortRelevance',
  modified: 'sortModified',
  created: 'sortCreated',
  title: 'sortTitle',
};

interface License {
  id: string;
  title: string;
  title_en: string;
}

/** `/dataset`: search with facets, sorting and paging; every state is a plain GET URL. */
export async function datasetSearchPage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const state = readSearchState(req.url.searchParams);
  const [result, licenses, schemas] = await Promise.all([
    req.call<SearchResult>('package_search', searchInput(state)),
    req.call<License[]>('license_list', {}),
    req.call<SchemaSummary[]>('s5_schema_list', {}),
  ]);
  const licenseTitle = (id: string) => {
    const l = licenses.find((x) => x.id === id);
    return l ? ui.pick(l.title, l.title_en) : id;
  };
  // Both generations of a standard share a title, so the legacy one says which it is.
  const schemaTitle = (id: string) => {
    const s = schemas.find((x) => x.id === id);
    if (!s) return id;
    const title = ui.pick(s.title.ja, s.title.en);
    return s.generation === 'legacy' ? `${title} — ${ui.t('generationLegacy')}` : title;
  };
  const active = FACETS.flatMap((f) => state.filters[f].map((v) => ({ facet: f, value: v })));
  const labelOf = (facet: Facet, value: string) => {
    if (facet === 'license_id') return licenseTitle(value);
    if (facet === 's5_schema') return schemaTitle(value);
    if (facet === 's5_conformance') {
      const key = levelOf(value).key;
      return key ? ui.t(key) : value;
    }
    const item = result.search_facets[facet]?.items.find((i) => i.name === value);
    return item?.display_name ?? value;
  };
  return {
    title: state.q ? `${ui.t('datasets')}: ${state.q}` : ui.t('datasets'),
    description: ui.t('searchDatasets'),
    body: (
      <div class="search-layout">
        <SearchForm ui={ui} state={state} />
        <div class="search-columns">
          <section class="facets" aria-labelledby="facets-heading">
            <h2 id="facets-heading">{ui.t('filters')}</h2>
            {FACETS.map((f) => (
              <FacetBox
                ui={ui}
                state={state}
                facet={f}
                items={result.search_facets[f]?.items ?? []}
                label={(v) => labelOf(f, v)}
              />
            ))}
          </section>
          <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">
              {ui.t('results')}
              <span class="count" role="status">
                {ui.t('resultsCount', { n: ui.num(result.count) })}
              </span>
            </h2>
            {active.length > 0 ? (
              <div class="active-filters">
                <h3 class="visually-hidden">{ui.t('activeFilters')}</h3>
                <ul>
                  {active.map((a) => (
                    <li>
                      <a
                        class="chip"
                        href={searchUrl(toggleFilter(state, a.facet, a.value))}
                        aria-label={`${ui.t('removeFilter')}: ${ui.t(FACET_LABEL[a.facet])} ${labelOf(a.facet, a.value)}`}
                      >
                        {`${ui.t(FACET_LABEL[a.facet])}: ${labelOf(a.facet, a.value)}`}
                        <span aria-hidden="true"> ×</span>
                      </a>
                    </li>
                  ))}
                  <li>
                    <a href={searchUrl({ ...state, page: 1, filters: emptyFilters() })}>
                      {ui.t('clearAll')}
                    </a>
                  </li>
                </ul>
              </div>
            ) : null}
            {result.count === 0 ? (
              <p>{ui.t('noResults')}</p>
            ) : (
              <DatasetList ui={ui} datasets={result.results} headingLevel={3} />
            )}
            <Pager
              ui={ui}
              url={new URL(searchUrl(state), req.url)}
              page={state.page}
              total={result.count}
              perPage={PER_PAGE}
            />
          </section>
        </div>
      </div>
    ),
  };
}

function SearchForm(props: { ui: Ui; state: SearchState }) {
  const { ui, state } = props;
  return (
    <search>
      <form class="search-form" action="/dataset" method="get">
        <label for="search-q">{ui.t('searchKeywords')}</label>
        <div class="search-row">
          <input
            id="search-q"
            type="search"
            name="q"
            value={state.q}
            placeholder={ui.t('searchPlaceholder')}
          />
          <span class="sort-field">
            <label for="search-sort" class="inline-label">
              {ui.t('sort')}
            </label>
            <select id="search-sort" name="sort">
              {(Object.keys(SORTS) as SortKey[]).map((k) => (
                <option value={k} selected={state.sort === k}>
                  {ui.t(SORT_LABEL[k])}
                </option>
              ))}
            </select>
          </span>
          {FACETS.flatMap((f) =>
            state.filters[f].map((v) => <input type="hidden" name={f} value={v} />),
          )}
          <button type="submit">{ui.t('search')}</button>
        </div>
      </form>
    </search>
  );
}

function FacetBox(props: {
  ui: Ui;
  state: SearchState;
  facet: Facet;
  items: FacetItem[];
  label: (value: string) => string;
}) {
  const { ui, state, facet, items } = props;
  if (items.length === 0) return null;
  const id = `facet-${facet}`;
  return (
    <div class="facet">
      <h3 id={id}>{ui.t(FACET_LABEL[facet])}</h3>
      <ul aria-labelledby={id}>
        {items.map((item) => {
          const selected = state.filters[facet].includes(item.name);
          return (
            <li>
              <a
                href={searchUrl(toggleFilter(state, facet, item.name))}
                aria-current={selected ? 'true' : undefined}
                class={selected ? 'selected' : undefined}
              >
                <span class="facet-name">{props.label(item.name)}</span>
                <span class="facet-count">{ui.num(item.count)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
