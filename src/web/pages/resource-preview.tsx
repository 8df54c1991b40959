import {
  EXPORT_FORMATS,
  FIELD_TYPES,
  type FieldDef,
  findGeoColumns,
} from '../../datastore/index.ts';
import type { Dataset, DatastoreField, DatastoreSearch, Resource } from '../action-results.ts';
import { Pager } from '../components/pager.tsx';
import type { PageRequest } from '../http/page.ts';
import { assetUrl } from '../http/static-assets.ts';
import type { Ui } from '../i18n/ui.ts';
import {
  PREVIEW_ROWS,
  type PreviewState,
  previewApiQuery,
  previewSearchInput,
  PUBLISHER_FIELD,
  previewUrl,
} from './preview-params.ts';

interface DatastoreInfo {
  fields: DatastoreField[];
}

/** What the preview of one datastore table needs; `map` only for tables with coordinates. */
export interface Preview {
  search: DatastoreSearch;
  apiQuery: string;
  map?: {
    scripts: string[];
    styles: string[];
    nameField: string | undefined;
    /** Raster tile URL template (S5_MAP_TILE_URL); none = plain background. */
    tiles: string | undefined;
  };
  hasGeo: boolean;
  /** The publishers of a merged table, for its municipality filter; empty for other tables. */
  publishers: string[];
}

/** Field names that name a place, for map pop-ups (the standard datasets use 名称). */
const NAME_FIELDS = ['名称', '施設名', '名前', 'name', 'title'];

function fieldDefs(fields: readonly DatastoreField[]): FieldDef[] {
  return fields.flatMap((f) => {
    const type = FIELD_TYPES.find((t) => t === f.type);
    return type ? [{ id: f.id, type }] : [];
  });
}

/** Reads the table's fields, then the requested page of rows. */
export async function loadPreview(
  req: PageRequest,
  _dataset: Dataset,
  resource: Resource,
  state: PreviewState,
): Promise<Preview> {
  const info = await req.call<DatastoreInfo>('datastore_info', { id: resource.id });
  const input = previewSearchInput(resource.id, state, info.fields);
  const merged = info.fields.some((f) => f.id === PUBLISHER_FIELD);
  const [search, publishers] = await Promise.all([
    req.call<DatastoreSearch>('datastore_search', input),
    merged
      ? req.call<DatastoreSearch>('datastore_search', {
          resource_id: resource.id,
          fields: PUBLISHER_FIELD,
          distinct: true,
          sort: `"${PUBLISHER_FIELD}"`,
          limit: 1000,
        })
      : undefined,
  ]);
  const geo = findGeoColumns(fieldDefs(info.fields), { numbersOnly: true });
  const nameField = NAME_FIELDS.find((n) => info.fields.some((f) => f.id === n));
  return {
    search,
    apiQuery: previewApiQuery(input),
    hasGeo: geo !== undefined,
    publishers: (publishers?.records ?? []).map((r) => String(r[PUBLISHER_FIELD] ?? '')),
    map: geo
      ? {
          scripts: [assetUrl('map.js')],
          styles: [assetUrl('maplibre/maplibre-gl.css')],
          nameField,
          tiles: req.platform.config.mapTileUrl,
        }
      : undefined,
  };
}

const FORMAT_LABELS: Record<string, { ja: string; en: string }> = {
  csv: { ja: 'CSV（UTF-8）', en: 'CSV (UTF-8)' },
  'csv-bom': { ja: 'CSV（UTF-8・BOM 付き、Excel 向け）', en: 'CSV (UTF-8 with BOM, for Excel)' },
  'csv-cp932': { ja: 'CSV（Shift_JIS）', en: 'CSV (Shift_JIS)' },
  tsv: { ja: 'TSV', en: 'TSV' },
  json: { ja: 'JSON', en: 'JSON' },
  geojson: { ja: 'GeoJSON', en: 'GeoJSON' },
  xlsx: { ja: 'Excel（XLSX）', en: 'Excel (XLSX)' },
};

/** Every export of a table: each format of /datastore/dump, GeoJSON only with coordinates. */
export function exportLinks(resourceId: string, hasGeo: boolean) {
  const base = `/datastore/dump/${encodeURIComponent(resourceId)}`;
  const out: Array<{ key: string; href: string }> = [];
  for (const f of EXPORT_FORMATS) {
    if (f === 'geojson' && !hasGeo) continue;
    out.push({ key: f, href: `${base}?format=${f}` });
    if (f === 'csv') out.push({ key: 'csv-bom', href: `${base}?format=csv&bom=true` });
  }
  return out;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The preview: resource choice, in-table search, sortable columns, paging, map and downloads. */
export function ResourcePreview(props: {
  ui: Ui;
  dataset: Dataset;
  resources: Resource[];
  resource: Resource;
  preview: Preview;
  state: PreviewState;
}) {
  const { ui, dataset, resource, preview, state } = props;
  const path = `/dataset/${encodeURIComponent(dataset.name)}`;
  const { search } = preview;
  const fields = search.fields.filter((f) => f.id !== '_id');
  const from = search.total === 0 ? 0 : (state.page - 1) * PREVIEW_ROWS + 1;
  const to = Math.min(search.total, state.page * PREVIEW_ROWS);
  const name = resource.name || resource.id;
  const tableId = 'preview-table';
  const pageUrl = new URL(previewUrl(path, resource.id, state, {}), 'http://x');
  return (
    <section id="preview" aria-labelledby="preview-heading" class="preview">
      <h2 id="preview-heading">{ui.t('previewOf', { name })}</h2>
      <form class="preview-form" action={path} method="get">
        {props.resources.length > 1 ? (
          <p>
            <label for="preview-resource">{ui.t('chooseResource')}</label>
            <select id="preview-resource" name="resource">
              {props.resources.map((r) => (
                <option value={r.id} selected={r.id === resource.id}>
                  {r.name || r.id}
                </option>
              ))}
            </select>
          </p>
        ) : (
          <input type="hidden" name="resource" value={resource.id} />
        )}
        {preview.publishers.length > 0 ? (
          <p>
            <label for="preview-muni">{ui.t('publisher')}</label>
            <select id="preview-muni" name="pmuni">
              <option value="">{ui.t('all')}</option>
              {preview.publishers.map((name) => (
                <option value={name} selected={name === state.publisher}>
                  {name}
                </option>
              ))}
            </select>
          </p>
        ) : null}
        <p>
          <label for="preview-q">{ui.t('previewQuery')}</label>
          <input id="preview-q" type="search" name="pq" value={state.q} />
          {state.sort ? <input type="hidden" name="psort" value={state.sort} /> : null}
          {state.sort && state.desc ? <input type="hidden" name="pdir" value="desc" /> : null}
          <button type="submit">{ui.t('apply')}</button>
        </p>
      </form>
      {preview.map ? (
        <figure class="map-figure">
          <div
            id="map"
            class="map"
            data-geojson={`/datastore/dump/${encodeURIComponent(resource.id)}?format=geojson`}
            data-name-field={preview.map.nameField ?? ''}
            data-lang={ui.lang}
            data-tiles={preview.map.tiles}
            data-filter-field={state.publisher ? PUBLISHER_FIELD : undefined}
            data-filter-value={state.publisher}
          />
          <figcaption>
            {ui.t('mapNote', { table: ui.t('previewOf', { name }) })}
            <noscript>{` ${ui.t('mapNoScript')}`}</noscript>
          </figcaption>
        </figure>
      ) : null}
      <section class="table-scroll" tabindex={0} aria-labelledby={`${tableId}-caption`}>
        <table id={tableId} class="data-table">
          <caption id={`${tableId}-caption`}>
            {ui.t('previewCaption', {
              name,
              total: ui.num(search.total),
              from: ui.num(from),
              to: ui.num(to),
            })}
          </caption>
          <thead>
            <tr>
              {fields.map((f) => {
                const sorted = state.sort === f.id;
                const nextDesc = sorted && !state.desc;
                return (
                  <th
                    scope="col"
                    aria-sort={sorted ? (state.desc ? 'descending' : 'ascending') : undefined}
                  >
                    <a
                      href={previewUrl(path, resource.id, state, {
                        sort: f.id,
                        desc: nextDesc,
                        page: 1,
                      })}
                      aria-label={`${ui.t('sortBy', { col: f.id })}（${ui.t(nextDesc ? 'sortedDesc' : 'sortedAsc')}）`}
                    >
                      {f.id}
                      {sorted ? <span aria-hidden="true">{state.desc ? ' ▼' : ' ▲'}</span> : null}
                    </a>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {search.records.map((row) => (
              <tr>
                {fields.map((f) => (
                  <td>{cellText(row[f.id])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Pager
        ui={ui}
        url={pageUrl}
        page={state.page}
        total={search.total}
        perPage={PREVIEW_ROWS}
        param="ppage"
        fragment="preview"
      />
      <h3 id="downloads-heading">{ui.t('downloads')}</h3>
      <ul class="download-list" aria-labelledby="downloads-heading">
        {exportLinks(resource.id, preview.hasGeo).map((l) => {
          const label = FORMAT_LABELS[l.key];
          return (
            <li>
              <a href={l.href} download>
                {label ? ui.pick(label.ja, label.en) : l.key}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
