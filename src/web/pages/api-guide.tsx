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
        <ActionReference ui={ui} actions={req.platform.registry.list()} />
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

/** The registry's actions as the OpenAPI document lists them: the reference, readable in a browser. */
function ActionReference(props: {
  ui: Ui;
  actions: ReadonlyArray<{ name: string; description: string; readOnly: boolean; auth: string }>;
}) {
  const { ui, actions } = props;
  const who: Record<string, [string, string]> = {
    anyone: ['誰でも', 'anyone'],
    authenticated: ['ログイン利用者（権限は対象ごと）', 'logged-in users (rights per object)'],
    sysadmin: ['システム管理者', 'sysadmins'],
  };
  return (
    <section aria-labelledby="api-reference">
      <h2 id="api-reference">{ui.pick('アクション一覧', 'Action reference')}</h2>
      <p>
        {ui.pick(
          `${actions.length} 個のアクションがあります。入力と出力の詳細は OpenAPI 文書と help_show にあります。`,
          `${actions.length} actions. Their inputs and outputs are described in the OpenAPI document and by help_show.`,
        )}
      </p>
      <table class="api-reference">
        <caption>
          {ui.pick('CKAN 互換 API のアクション', 'Actions of the CKAN-compatible API')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{ui.pick('アクション', 'Action')}</th>
            <th scope="col">{ui.pick('メソッド', 'Method')}</th>
            <th scope="col">{ui.pick('利用者', 'Who')}</th>
            <th scope="col">{ui.pick('説明', 'Description')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => {
            const [ja, en] = who[a.auth] ?? [a.auth, a.auth];
            return (
              <tr id={`action-${a.name}`}>
                <th scope="row">
                  <a href={`/api/3/action/help_show?name=${a.name}`}>
                    <code>{a.name}</code>
                  </a>
                </th>
                <td>{a.readOnly ? 'GET / POST' : 'POST'}</td>
                <td>{ui.pick(ja, en)}</td>
                <td>{a.description.split('\n')[0]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
