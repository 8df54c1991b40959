import { AppError } from '../core/errors.ts';
import { cleanIri } from './terms.ts';

/** ckanext-dcat's `ckanext.dcat.datasets_per_page` default. */
export const DATASETS_PER_PAGE = 100;

/** package_search accepts `start` up to 1,000,000. */
const MAX_PAGE = Math.floor(1_000_000 / DATASETS_PER_PAGE);

/** The paging links of one catalog page (ckanext-dcat's `pagination_info`). */
export interface PaginationInfo {
  count: number;
  itemsPerPage: number;
  current: string;
  first: string;
  last: string;
  next?: string;
  previous?: string;
}

/** The query parameters of a catalog request that a page link repeats (ckanext-dcat's list). */
export interface CatalogQuery {
  /** 1-based page, or null for the whole catalog in one streamed document. */
  page: number | null;
  /** `modified_since` as given, or null. */
  modifiedSince: string | null;
  q: string | null;
  fq: string | null;
}

const PAGE_ERROR = 'Page param must be a positive integer starting in 1';

/**
 * Reads `page`, `modified_since`, `q` and `fq` as ckanext-dcat does.
 * @throws AppError validation for a page that is not a whole number ≥ 1 (or beyond the last
 *   page package_search can reach) and a modified_since that is not an ISO 8601 date.
 */
export function readCatalogQuery(params: Record<string, string | undefined>): CatalogQuery {
  const rawPage = params.page;
  let page: number | null = null;
  if (rawPage !== undefined && rawPage !== '') {
    if (!/^\d+$/.test(rawPage.trim())) throw invalid('page', PAGE_ERROR);
    page = Number(rawPage.trim());
    if (page < 1) throw invalid('page', PAGE_ERROR);
    if (page > MAX_PAGE) throw invalid('page', `Page param must be at most ${MAX_PAGE}`);
  }
  const since = params.modified_since;
  const modifiedSince = since === undefined || since.trim() === '' ? null : since.trim();
  if (modifiedSince !== null) modifiedSinceFilter(modifiedSince);
  return {
    page,
    modifiedSince,
    q: nonEmpty(params.q),
    fq: nonEmpty(params.fq),
  };
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}

function invalid(field: string, message: string): AppError {
  return new AppError('validation', message, { fields: { [field]: [message] } });
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The package_search filter of `modified_since`: an ISO 8601 date or date-time; a date-time
 * without a zone is UTC, as ckanext-dcat reads it.
 * @throws AppError validation when the value is not such a date.
 */
export function modifiedSinceFilter(value: string): string {
  const m = ISO.exec(value);
  const error = invalid('modified_since', 'Wrong modified date format. Use ISO-8601 format');
  if (!m) throw error;
  const [, day, time, zone] = m;
  const date = new Date(time === undefined ? `${day}T00:00:00Z` : `${day}T${time}${zone ?? 'Z'}`);
  if (Number.isNaN(date.getTime())) throw error;
  return `metadata_modified:[${date.toISOString()} TO *]`;
}

/**
 * ckanext-dcat's `_pagination_info`: no paging on an empty result; `previous` points at the last
 * page when the requested page lies beyond it; `next` while more datasets follow.
 */
export function paginationInfo(
  query: CatalogQuery & { page: number },
  count: number,
  resultsOnPage: number,
  pageUrl: (page: number) => string,
): PaginationInfo | null {
  if (count === 0) return null;
  const per = DATASETS_PER_PAGE;
  const last = Math.ceil(count / per) || 1;
  const info: PaginationInfo = {
    count,
    itemsPerPage: per,
    current: pageUrl(query.page),
    first: pageUrl(1),
    last: pageUrl(last),
  };
  if (query.page > 1) {
    const previous = (query.page - 1) * per + resultsOnPage <= count ? query.page - 1 : last;
    info.previous = pageUrl(previous);
  }
  if (query.page * per < count) info.next = pageUrl(query.page + 1);
  return info;
}

/**
 * A page link: the endpoint URL with the request's `modified_since`, `q` and `fq` (encoded) and
 * the page number, as ckanext-dcat's `_page_url` builds it.
 */
export function pageUrlBuilder(
  siteUrl: string,
  path: string,
  query: CatalogQuery,
): (page: number) => string {
  const kept: string[] = [];
  if (query.modifiedSince !== null) {
    kept.push(`modified_since=${encodeURIComponent(query.modifiedSince)}`);
  }
  if (query.q !== null) kept.push(`q=${encodeURIComponent(query.q)}`);
  if (query.fq !== null) kept.push(`fq=${encodeURIComponent(query.fq)}`);
  const base = `${siteUrl}${path}?${kept.map((k) => `${k}&`).join('')}page=`;
  return (page) => cleanIri(`${base}${page}`) ?? `${base}${page}`;
}
