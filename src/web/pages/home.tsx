import type { MergedSummary, SchemaSummary, SearchResult } from '../action-results.ts';
import { DatasetList } from '../components/dataset-list.tsx';
import type { Page, PageRequest } from '../http/page.ts';
import { slugOf } from './coverage-view.ts';
import { publicCounts, referenceData } from './reference-data.ts';
import { facetSearchUrl } from './search-params.ts';

/**
 * `/`: the search box, counts, recently updated datasets, the standard datasets as entry points
 * (with their merged prefecture-wide dataset when one exists) and the 振興局.
 */
export async function homePage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const [recent, counts, schemas, reference, merged] = await Promise.all([
    req.call<SearchResult>('package_search', { sort: 'metadata_modified desc', rows: 5 }),
    publicCounts(req),
    req.call<SchemaSummary[]>('s5_schema_list', {}),
    referenceData(req),
    mergedList(req),
  ]);
  const current = schemas.filter((s) => s.generation === 'current');
  // A merged table exists per schema; current and legacy AED share the entry point `aed`.
  const mergedBySlug = new Map<string, MergedSummary>();
  for (const m of merged) if (m.member_count > 0) mergedBySlug.set(slugOf(m.schema_id), m);
  // An entry point finds files of either generation (a08-aed or the legacy r01-aed).
  const idsBySlug = new Map<string, string[]>();
  for (const s of schemas) idsBySlug.set(s.slug, [...(idsBySlug.get(s.slug) ?? []), s.id]);
  const siteTitle = req.platform.site.siteTitle;
  return {
    title: siteTitle,
    description: ui.t('searchDatasets'),
    body: (
      <div class="home">
        <section class="hero" aria-labelledby="home-title">
          <h1 id="home-title">{siteTitle}</h1>
          <search>
            <form class="search-form" action="/dataset" method="get">
              <label for="home-q">{ui.t('searchDatasets')}</label>
              <div class="search-row">
                <input id="home-q" type="search" name="q" placeholder={ui.t('searchPlaceholder')} />
                <button type="submit">{ui.t('search')}</button>
              </div>
            </form>
          </search>
          <dl class="stats">
            <div>
              <dt>{ui.t('datasetCount')}</dt>
              <dd>
                <a href="/dataset">{ui.num(counts.total)}</a>
              </dd>
            </div>
            <div>
              <dt>{ui.t('publisherCount')}</dt>
              <dd>
                <a href="/organization">{ui.num(counts.byOrg.size)}</a>
              </dd>
            </div>
            <div>
              <dt>{ui.t('resourceFormats')}</dt>
              <dd>{ui.num(counts.formats)}</dd>
            </div>
          </dl>
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{ui.t('recentlyUpdated')}</h2>
          {recent.results.length === 0 ? (
            <p>{ui.t('noResults')}</p>
          ) : (
            <DatasetList ui={ui} datasets={recent.results} headingLevel={3} />
          )}
        </section>
        <section aria-labelledby="standard-heading">
          <h2 id="standard-heading">{ui.t('standardDatasets')}</h2>
          <p>{ui.t('standardDatasetsNote')}</p>
          <ul class="card-grid">
            {current.map((s) => {
              const m = mergedBySlug.get(s.slug);
              const ids = idsBySlug.get(s.slug) ?? [s.id];
              return (
                <li class="card">
                  <a href={facetSearchUrl('s5_schema', ids)}>{ui.pick(s.title.ja, s.title.en)}</a>
                  {m ? (
                    <a class="card-sub" href={`/dataset/${encodeURIComponent(m.package_name)}`}>
                      {`${ui.t('merged')}（${ui.num(m.row_count)}）`}
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="regions-heading">
          <h2 id="regions-heading">{ui.t('browseRegions')}</h2>
          <ul class="card-grid">
            {reference.regions.map((g) => (
              <li class="card">
                <a href={`/group/${encodeURIComponent(g.name)}`}>
                  {ui.pick(g.title, g.title_translated.en)}
                </a>
                <span class="card-sub">
                  {ui.t('datasetsN', { n: ui.num(counts.byRegion.get(g.name) ?? 0) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    ),
  };
}

/** The merged prefecture-wide datasets, when that capability is installed (else none). */
export async function mergedList(req: PageRequest): Promise<MergedSummary[]> {
  if (!req.platform.registry.has('s5_merged_list')) return [];
  return (await req.call<{ results: MergedSummary[] }>('s5_merged_list', {})).results;
}
