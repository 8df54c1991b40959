import type { SearchInput } from '../schema.ts';

/**
 * CKAN 2.10's `_links`: the URL of the first page and of the next one (offset + limit), built
 * from the request's parameters. Structured values are written as JSON, which GET accepts.
 */
export function searchLinks(
  resourceId: string,
  input: SearchInput,
  limit: number,
): { start: string; next: string } {
  const params: Array<[string, string]> = [['resource_id', resourceId]];
  const add = (key: string, value: unknown) => {
    if (value === undefined) return;
    params.push([key, typeof value === 'string' ? value : JSON.stringify(value)]);
  };
  add('q', input.q);
  add('full_text', input.full_text);
  add('filters', input.filters);
  add('fields', input.fields);
  add('sort', input.sort);
  if (input.distinct) add('distinct', 'true');
  if (!input.plain) add('plain', 'false');
  add('language', input.language);
  if (!input.include_total) add('include_total', 'false');
  if (input.records_format !== 'objects') add('records_format', input.records_format);
  if (input.limit !== undefined) add('limit', String(limit));
  const base = '/api/3/action/datastore_search';
  const query = (extra: Array<[string, string]>) =>
    new URLSearchParams([...params, ...extra]).toString();
  return {
    start: `${base}?${query([])}`,
    next: `${base}?${query([['offset', String(input.offset + limit)]])}`,
  };
}
