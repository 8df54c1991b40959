import {
  extraOf,
  type CoverageMatrix,
  type GroupDict,
  type SearchResult,
} from '../action-results.ts';
import { DatasetList } from '../components/dataset-list.tsx';
import { Pager, pageNumber } from '../components/pager.tsx';
import type { Page, PageRequest } from '../http/page.ts';
import { CoverageTable } from './coverage-table.tsx';
import { publicCounts, referenceData } from './reference-data.ts';
import { quoteFilterValue } from './search-params.ts';

const PER_PAGE = 20;

/** `/organization`: every organization, grouped by 振興局, with its dataset count. */
export async function organizationListPage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const [{ orgs, regions }, counts] = await Promise.all([referenceData(req), publicCounts(req)]);
  const sections = [
    ...regions.map((g) => ({
      id: g.name,
      title: ui.pick(g.title, g.title_translated.en),
      orgs: orgs.filter((o) => extraOf(o, 'region') === g.name),
    })),
    {
      id: 'other',
      title: ui.t('prefecture'),
      orgs: orgs.filter((o) => !regions.some((g) => g.name === extraOf(o, 'region'))),
    },
  ].filter((s) => s.orgs.length > 0);
  return {
    title: ui.t('organizationList'),
    body: (
      <div>
        <nav aria-label={ui.t('regions')} class="toc">
          <ul class="inline-list">
            {sections.map((s) => (
              <li>
                <a href={`#region-${s.id}`}>{s.title}</a>
              </li>
            ))}
          </ul>
        </nav>
        {sections.map((s) => (
          <section aria-labelledby={`region-${s.id}`}>
            <h2 id={`region-${s.id}`}>{s.title}</h2>
            <ul class="org-grid">
              {s.orgs.map((o) => (
                <li>
                  <a href={`/organization/${encodeURIComponent(o.name)}`}>
                    {ui.pick(o.title, o.title_translated.en)}
                  </a>
                  <span class="muted">{` ${ui.t('datasetsN', { n: ui.num(counts.byOrg.get(o.name) ?? 0) })}`}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    ),
  };
}

/** `/organization/:id`: the organization, its datasets (paged) and its standard-dataset coverage. */
export async function organizationShowPage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const org = await req.call<GroupDict>('organization_show', { id: req.param('id') });
  const page = pageNumber(req.query('page'));
  const code = extraOf(org, 'municipality_code');
  const [datasets, coverage, reference] = await Promise.all([
    req.call<SearchResult>('package_search', {
      fq: `organization:${quoteFilterValue(org.name)}`,
      sort: 'metadata_modified desc',
      rows: PER_PAGE,
      start: (page - 1) * PER_PAGE,
    }),
    code
      ? req.call<CoverageMatrix>('s5_coverage', { organization: org.name })
      : Promise.resolve(undefined),
    referenceData(req),
  ]);
  const regionName = extraOf(org, 'region');
  const region = reference.regions.find((g) => g.name === regionName);
  const population = Number(extraOf(org, 'population'));
  return {
    title: ui.pick(org.title, org.title_translated.en),
    breadcrumbs: [{ href: '/organization', label: ui.t('organizations') }],
    body: (
      <div>
        {org.description ? <p>{org.description}</p> : null}
        <table class="meta-table">
          <caption class="visually-hidden">{ui.t('metadata')}</caption>
          <tbody>
            {code ? (
              <tr>
                <th scope="row">{ui.t('code')}</th>
                <td>{code}</td>
              </tr>
            ) : null}
            {region ? (
              <tr>
                <th scope="row">{ui.t('region')}</th>
                <td>
                  <a href={`/group/${encodeURIComponent(region.name)}`}>
                    {ui.pick(region.title, region.title_translated.en)}
                  </a>
                </td>
              </tr>
            ) : null}
            {Number.isFinite(population) && population > 0 ? (
              <tr>
                <th scope="row">{ui.t('population')}</th>
                <td>{ui.num(population)}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">{ui.t('datasetCount')}</th>
              <td>{ui.num(datasets.count)}</td>
            </tr>
          </tbody>
        </table>
        <section aria-labelledby="org-datasets">
          <h2 id="org-datasets">{ui.t('organizationDatasets')}</h2>
          {datasets.count === 0 ? (
            <p>{ui.t('noResults')}</p>
          ) : (
            <DatasetList ui={ui} datasets={datasets.results} headingLevel={3} />
          )}
          <Pager ui={ui} url={req.url} page={page} total={datasets.count} perPage={PER_PAGE} />
        </section>
        {coverage ? (
          <section aria-labelledby="org-coverage">
            <h2 id="org-coverage">{ui.t('coverageOfOrg')}</h2>
            <CoverageTable ui={ui} matrix={coverage} generation="all" transpose />
          </section>
        ) : null}
      </div>
    ),
  };
}
