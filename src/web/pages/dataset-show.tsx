import type { Dataset, Resource, ResourceVersion, SchemaSummary } from '../action-results.ts';
import { ConformanceBadge } from '../components/conformance.tsx';
import { markdownHtml } from '../components/markdown.ts';
import type { Page, PageRequest } from '../http/page.ts';
import type { Ui } from '../i18n/ui.ts';
import { readPreviewState } from './preview-params.ts';
import { loadPreview, type Preview, ResourcePreview } from './resource-preview.tsx';

/** At most this many resources get their version history read (a page stays fast). */
const MAX_VERSIONED = 10;

interface ResourceView {
  resource: Resource;
  latest: ResourceVersion | undefined;
}

/**
 * `/dataset/:id`: metadata, the resources with their conformance and validation summary, a
 * paged preview (and map) of one datastore table, its downloads in every export format and the
 * API calls that return the same data.
 */
export async function datasetShowPage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const dataset = await req.call<Dataset>('package_show', { id: req.param('id') });
  const [views, schemas] = await Promise.all([
    Promise.all(dataset.resources.map((r, i) => resourceView(req, r, i))),
    req.call<SchemaSummary[]>('s5_schema_list', {}),
  ]);
  const state = readPreviewState(req.url.searchParams);
  const chosen =
    dataset.resources.find((r) => r.id === state.resource && r.datastore_active) ??
    dataset.resources.find((r) => r.datastore_active);
  const preview = chosen ? await loadPreview(req, dataset, chosen, state) : undefined;
  const datasetPath = `/dataset/${encodeURIComponent(dataset.name)}`;
  return {
    title: dataset.title || dataset.name,
    description: dataset.notes.slice(0, 160),
    breadcrumbs: [{ href: '/dataset', label: ui.t('datasets') }],
    scripts: preview?.map ? preview.map.scripts : undefined,
    styles: preview?.map ? preview.map.styles : undefined,
    body: (
      <div class="dataset-page">
        {dataset.notes ? (
          <section aria-labelledby="desc-heading" class="prose">
            <h2 id="desc-heading">{ui.t('description')}</h2>
            {markdownHtml(dataset.notes)}
          </section>
        ) : null}
        <Metadata ui={ui} dataset={dataset} />
        <section aria-labelledby="resources-heading">
          <h2 id="resources-heading">{ui.t('resources')}</h2>
          {views.length === 0 ? <p>{ui.t('noResources')}</p> : null}
          <ul class="resource-list">
            {views.map((v) => (
              <ResourceItem
                ui={ui}
                view={v}
                schemas={schemas}
                datasetPath={datasetPath}
                previewed={v.resource.id === chosen?.id}
              />
            ))}
          </ul>
        </section>
        {preview && chosen ? (
          <ResourcePreview
            ui={ui}
            dataset={dataset}
            resources={dataset.resources.filter((r) => r.datastore_active)}
            resource={chosen}
            preview={preview}
            state={state}
          />
        ) : null}
        <ApiBox ui={ui} dataset={dataset} preview={preview} siteUrl={req.platform.site.siteUrl} />
      </div>
    ),
  };
}

async function resourceView(req: PageRequest, resource: Resource, index: number) {
  if (!resource.datastore_active || index >= MAX_VERSIONED) return { resource, latest: undefined };
  const versions = await req.call<ResourceVersion[]>('s5_resource_versions', { id: resource.id });
  return { resource, latest: versions[0] };
}

function Metadata(props: { ui: Ui; dataset: Dataset }) {
  const { ui, dataset: d } = props;
  const rows: Array<[string, unknown]> = [
    [
      ui.t('publisher'),
      d.organization ? (
        <a href={`/organization/${encodeURIComponent(d.organization.name)}`}>
          {d.organization.title}
        </a>
      ) : (
        '—'
      ),
    ],
    [
      ui.t('license'),
      d.license_url ? (
        <a href={d.license_url} rel="license noopener">
          {d.license_title}
        </a>
      ) : (
        d.license_title || '—'
      ),
    ],
    [ui.t('updated'), ui.date(d.metadata_modified)],
    [ui.t('created'), ui.date(d.metadata_created)],
    [
      ui.t('tags'),
      d.tags.length === 0 ? (
        '—'
      ) : (
        <ul class="inline-list">
          {d.tags.map((t) => (
            <li>
              <a href={`/dataset?tags=${encodeURIComponent(t.name)}`}>{t.name}</a>
            </li>
          ))}
        </ul>
      ),
    ],
    [
      ui.t('regions'),
      d.groups.length === 0 ? (
        '—'
      ) : (
        <ul class="inline-list">
          {d.groups.map((g) => (
            <li>
              <a href={`/group/${encodeURIComponent(g.name)}`}>{g.display_name}</a>
            </li>
          ))}
        </ul>
      ),
    ],
  ];
  return (
    <section aria-labelledby="meta-heading">
      <h2 id="meta-heading">{ui.t('metadata')}</h2>
      <table class="meta-table">
        <caption class="visually-hidden">{ui.t('metadata')}</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function sizeText(ui: Ui, size: number | null): string {
  if (size === null) return '—';
  if (size < 1024) return `${ui.num(size)} B`;
  if (size < 1024 * 1024) return `${ui.num(Math.round(size / 102.4) / 10)} KB`;
  return `${ui.num(Math.round(size / 104857.6) / 10)} MB`;
}

function ResourceItem(props: {
  ui: Ui;
  view: ResourceView;
  schemas: SchemaSummary[];
  datasetPath: string;
  previewed: boolean;
}) {
  const { ui, view, schemas } = props;
  const r = view.resource;
  const v = view.latest;
  const schema = v?.schema_id ? schemas.find((s) => s.id === v.schema_id) : undefined;
  const headingId = `res-${r.id}`;
  return (
    <li class="resource-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {r.name || r.url}
        {r.format ? <span class="format">{r.format}</span> : null}
      </h3>
      {r.description ? <p>{r.description}</p> : null}
      <p class="resource-links">
        <a href={r.url} class="button" rel={r.url_type === 'upload' ? undefined : 'noopener'}>
          {r.url_type === 'upload' ? ui.t('download') : ui.t('openLink')}
          <span class="visually-hidden">{`: ${r.name}`}</span>
        </a>
        <span class="muted">{`${ui.t('size')}: ${sizeText(ui, r.size)}`}</span>
        {r.datastore_active && !props.previewed ? (
          <a href={`${props.datasetPath}?resource=${encodeURIComponent(r.id)}#preview`}>
            {ui.t('preview')}
            <span class="visually-hidden">{`: ${r.name}`}</span>
          </a>
        ) : null}
      </p>
      {v ? (
        <dl class="validation">
          <div>
            <dt>{ui.t('conformance')}</dt>
            <dd>
              <ConformanceBadge ui={ui} level={v.conformance ?? 'nonstandard'} />
              {schema ? ` ${ui.pick(schema.title.ja, schema.title.en)}（${schema.id}）` : null}
            </dd>
          </div>
          <div>
            <dt>{ui.t('validation')}</dt>
            <dd>
              {v.summary
                ? ui.t('validationSummary', {
                    errors: ui.num(v.summary.errors),
                    warnings: ui.num(v.summary.warnings),
                    notices: ui.num(v.summary.notices),
                  })
                : '—'}
            </dd>
          </div>
          <div>
            <dt>{ui.t('rows')}</dt>
            <dd>{v.row_count === null ? '—' : ui.num(v.row_count)}</dd>
          </div>
          <div>
            <dt>{ui.t('version')}</dt>
            <dd>{`${v.version}（${ui.date(v.created)}）`}</dd>
          </div>
        </dl>
      ) : r.datastore_active ? null : (
        <p class="muted">{ui.t('notLoaded')}</p>
      )}
    </li>
  );
}

function ApiBox(props: {
  ui: Ui;
  dataset: Dataset;
  preview: Preview | undefined;
  siteUrl: string;
}) {
  const { ui, dataset, preview, siteUrl } = props;
  const calls = [
    `${siteUrl}/api/3/action/package_show?id=${encodeURIComponent(dataset.name)}`,
    ...(preview ? [`${siteUrl}/api/3/action/datastore_search?${preview.apiQuery}`] : []),
  ];
  return (
    <section aria-labelledby="api-heading" class="api-box">
      <h2 id="api-heading">{ui.t('apiCall')}</h2>
      <p>{ui.t('apiCallNote')}</p>
      <ul>
        {calls.map((url) => (
          <li>
            <a href={url}>
              <code>{url}</code>
            </a>
          </li>
        ))}
        <li>
          {`${ui.t('linkedData')}: `}
          <a href={`/dataset/${encodeURIComponent(dataset.name)}.ttl`}>Turtle</a>
          {' / '}
          <a href={`/dataset/${encodeURIComponent(dataset.name)}.jsonld`}>JSON-LD</a>
        </li>
      </ul>
    </section>
  );
}
