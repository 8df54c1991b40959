import type { SearchResult } from '../action-results.ts';
import type { Page, PageRequest } from '../http/page.ts';
import type { Ui } from '../i18n/ui.ts';

interface Example {
  ja: string;
  en: string;
  path: string;
}

/**
 * `/api` (for browsers; API clients asking for JSON still get CKAN's `{"version": 3}`): how to
 * use the API, with examples that work against this site's own data.
 */
export async function apiGuidePage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const site = req.platform.site.siteUrl;
  const sample = await req.call<SearchResult>('package_search', {
    rows: 20,
    sort: 'metadata_modified desc',
  });
  const dataset = sample.results[0];
  const table = sample.results.flatMap((d) => d.resources).find((r) => r.datastore_active);
  const examples: Example[] = [
    {
      ja: 'データセットを検索する',
      en: 'Search datasets',
      path: '/api/3/action/package_search?q=AED&rows=5',
    },
    {
      ja: '組織ごとの件数で絞り込む（ファセット）',
      en: 'Facet counts by organization and format',
      path: '/api/3/action/package_search?rows=0&facet.field=["organization","res_format"]',
    },
    ...(dataset
      ? [
          {
            ja: 'データセット 1 件のメタデータ',
            en: 'The metadata of one dataset',
            path: `/api/3/action/package_show?id=${encodeURIComponent(dataset.name)}`,
          },
        ]
      : []),
    ...(table
      ? [
          {
            ja: '表形式データの行を検索する',
            en: 'Query the rows of a table',
            path: `/api/3/action/datastore_search?resource_id=${table.id}&limit=5`,
          },
          {
            ja: '表全体を CSV でダウンロードする',
            en: 'Download a whole table as CSV',
            path: `/datastore/dump/${table.id}?format=csv&bom=true`,
          },
        ]
      : []),
    {
      ja: '組織の一覧',
      en: 'List organizations',
      path: '/api/3/action/organization_list?all_fields=true&limit=5',
    },
    {
      ja: '標準データセットの公開状況',
      en: 'Standard dataset coverage',
      path: '/api/3/action/s5_coverage?region=ishikari',
    },
    { ja: '計画の目標指標', en: 'The KPIs of the plan', path: '/api/3/action/s5_kpi_list' },
    {
      ja: 'すべてのアクションの説明',
      en: 'Documentation of every action',
      path: '/api/3/action/help_show?name=package_search',
    },
  ];
  return {
    title: ui.t('api'),
    body: (
      <div class="api-page prose">
        <p>{ui.t('apiIntro')}</p>
        <ul>
          <li>
            <a href="/api/openapi.json">{ui.t('openapi')}</a>
            {' (OpenAPI 3.1)'}
          </li>
          <li>
            <a href="/catalog.ttl">DCAT (Turtle)</a>
          </li>
        </ul>
        <h2 id="api-basics">{ui.pick('使い方', 'Basics')}</h2>
        <p>
          {ui.pick(
            '読み取りのアクションは GET で、書き込みは POST（JSON）で呼び出します。答えは CKAN と同じ {help, success, result} の形です。書き込みには API トークンを Authorization ヘッダーで送ります。',
            'Call read actions with GET and write actions with POST (JSON). Answers have CKAN’s {help, success, result} shape. Writes need an API token in the Authorization header.',
          )}
        </p>
        <h2 id="api-examples">{ui.pick('例', 'Examples')}</h2>
        <ul class="api-examples">
          {examples.map((e) => (
            <ApiExample ui={ui} example={e} site={site} />
          ))}
        </ul>
      </div>
    ),
  };
}

function ApiExample(props: { ui: Ui; example: Example; site: string }) {
  const { ui, example, site } = props;
  const url = `${site}${example.path}`;
  return (
    <li>
      <h3>{ui.pick(example.ja, example.en)}</h3>
      <pre>
        <code>{`curl -g '${url}'`}</code>
      </pre>
      <a href={example.path}>{ui.pick('ブラウザで開く', 'Open in the browser')}</a>
    </li>
  );
}
