import {
  type CoverageMatrix,
  extraOf,
  type GroupDict,
  type SearchResult,
} from '../action-results.ts';
import { DatasetList } from '../components/dataset-list.tsx';
import { Pager, pageNumber } from '../components/pager.tsx';
import type { Page, PageRequest } from '../http/page.ts';
import { CoverageLegend, CoverageTable } from './coverage-table.tsx';
import { publicCounts, referenceData } from './reference-data.ts';
import { quoteFilterValue } from './search-params.ts';

const PER_PAGE = 20;

/** `/group`: the 振興局 with their dataset counts. */
export async function groupListPage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const [{ regions: groups }, counts] = await Promise.all([referenceData(req), publicCounts(req)]);
  return {
    title: ui.t('regions'),
    body: (
      <ul class="card-grid">
        {groups.map((g) => (
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
    ),
  };
}

/** `/group/:id` (振興局): its municipalities, its datasets and its coverage matrix. */
export async function groupShowPage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const group = await req.call<GroupDict>('group_show', { id: req.param('id') });
  const page = pageNumber(req.query('page'));
  const [{ orgs }, counts, datasets, coverage] = await Promise.all([
    referenceData(req),
    publicCounts(req),
    req.call<SearchResult>('package_search', {
      fq: `groups:${quoteFilterValue(group.name)}`,
      sort: 'metadata_modified desc',
      rows: PER_PAGE,
      start: (page - 1) * PER_PAGE,
    }),
    req.call<CoverageMatrix>('s5_coverage', { region: group.name }),
  ]);
  const members = orgs.filter((o) => extraOf(o, 'region') === group.name);
  return {
    title: ui.pick(group.title, group.title_translated.en),
    breadcrumbs: [{ href: '/group', label: ui.t('regions') }],
    body: (
      <div>
        {group.description ? <p>{group.description}</p> : null}
        <section aria-labelledby="group-members">
          <h2 id="group-members">{ui.t('regionMembers')}</h2>
          <ul class="org-grid">
            {members.map((o) => (
              <li>
                <a href={`/organization/${encodeURIComponent(o.name)}`}>
                  {ui.pick(o.title, o.title_translated.en)}
                </a>
                <span class="muted">{` ${ui.t('datasetsN', { n: ui.num(counts.byOrg.get(o.name) ?? 0) })}`}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="group-datasets">
          <h2 id="group-datasets">{ui.t('regionDatasets')}</h2>
          {datasets.count === 0 ? (
            <p>{ui.t('noResults')}</p>
          ) : (
            <DatasetList ui={ui} datasets={datasets.results} headingLevel={3} />
          )}
          <Pager ui={ui} url={req.url} page={page} total={datasets.count} perPage={PER_PAGE} />
        </section>
        <section aria-labelledby="group-coverage">
          <h2 id="group-coverage">{ui.t('coverageOfOrg')}</h2>
          <CoverageLegend ui={ui} headingLevel={3} />
          <CoverageTable ui={ui} matrix={coverage} generation="all" />
        </section>
      </div>
    ),
  };
}
