import type { DatastoreField } from '../action-results.ts';

export const PREVIEW_ROWS = 20;

/** 公開者_名称: the publisher column of a merged prefecture-wide table (src/merged). */
export const PUBLISHER_FIELD = '公開者_名称';

/** The preview table's state from the dataset page URL (`resource`, `pq`, `psort`, `pdir`, `ppage`). */
export interface PreviewState {
  resource: string | undefined;
  q: string;
  sort: string | undefined;
  desc: boolean;
  page: number;
  /** Only rows of this publisher (merged tables), from `pmuni`. */
  publisher: string | undefined;
}

export function readPreviewState(params: URLSearchParams): PreviewState {
  const page = Number(params.get('ppage'));
  return {
    resource: params.get('resource')?.trim() || undefined,
    q: (params.get('pq') ?? '').trim().slice(0, 200),
    sort: params.get('psort')?.trim() || undefined,
    desc: params.get('pdir') === 'desc',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, 1_000_000) : 1,
    publisher: params.get('pmuni')?.trim() || undefined,
  };
}

/**
 * The datastore_search input of the preview. A sort column must be one of the table's fields;
 * an unknown one is ignored rather than reported (the URL may be stale).
 */
export function previewSearchInput(
  resourceId: string,
  state: PreviewState,
  fields: readonly DatastoreField[] | undefined,
): Record<string, unknown> {
  const sortable = state.sort !== undefined && (fields ?? []).some((f) => f.id === state.sort);
  const byPublisher =
    state.publisher !== undefined && (fields ?? []).some((f) => f.id === PUBLISHER_FIELD);
  return {
    resource_id: resourceId,
    limit: PREVIEW_ROWS,
    offset: (state.page - 1) * PREVIEW_ROWS,
    ...(state.q ? { q: state.q } : {}),
    ...(sortable ? { sort: `"${state.sort}" ${state.desc ? 'desc' : 'asc'}` } : {}),
    ...(byPublisher ? { filters: JSON.stringify({ [PUBLISHER_FIELD]: state.publisher }) } : {}),
  };
}

/** The URL of the dataset page with the preview state changed. */
export function previewUrl(
  datasetPath: string,
  resourceId: string,
  state: PreviewState,
  change: Partial<PreviewState>,
): string {
  const s = { ...state, ...change };
  const p = new URLSearchParams();
  p.set('resource', resourceId);
  if (s.q) p.set('pq', s.q);
  if (s.publisher) p.set('pmuni', s.publisher);
  if (s.sort) {
    p.set('psort', s.sort);
    if (s.desc) p.set('pdir', 'desc');
  }
  if (s.page > 1) p.set('ppage', String(s.page));
  return `${datasetPath}?${p.toString()}#preview`;
}

/** The query string of the equivalent API call, for the "same data from the API" box. */
export function previewApiQuery(input: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) p.set(k, String(v));
  return p.toString();
}
