import { z } from 'zod';
import { ckanBool, ckanInt, ckanList, ckanName, text } from '../core/ckan-params.ts';
import { LOCAL_FIELD_NAMES } from './harvested-fields.ts';

/**
 * A remote portal's base URL as people paste it (the site, or its API URL): http(s), no
 * credentials, query or fragment; `/api/3/action/…`, `/api/3`, `/api` and trailing slashes are
 * removed so the harvester can append `/api/3/action/<name>`.
 * @returns the base URL, or null when it is not acceptable.
 */
export function normalizeSourceUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  const path = url.pathname.replace(/\/api(\/3)?(\/action(\/.*)?)?\/?$/, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

const sourceUrl = z
  .string({ error: 'Missing value' })
  .max(2000, 'must be at most 2000 characters')
  .transform((v, ctx) => {
    const normalized = normalizeSourceUrl(v);
    if (normalized === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an http(s) URL of a CKAN portal, without user name or password',
      });
      return z.NEVER;
    }
    return normalized;
  });

const optionalFields = {
  title: text(200),
  url: sourceUrl,
  /** The remote organization (its name) to harvest; null = every public dataset. */
  remote_org: ckanName.nullable(),
  /** The local organization (id or name) harvested datasets belong to. */
  owner_org: z.string().min(1).max(200),
  /** Minutes between scheduled runs (5 minutes to a year); null = only when asked. */
  interval_minutes: ckanInt(5, 525_600).nullable(),
  local_fields: ckanList(z.enum(LOCAL_FIELD_NAMES)),
  fetch_resources: ckanBool,
  page_size: ckanInt(1, 1000),
  active: ckanBool,
};

export const sourceCreateInput = z.strictObject({
  name: ckanName,
  title: optionalFields.title.optional(),
  url: optionalFields.url,
  remote_org: optionalFields.remote_org.optional(),
  owner_org: optionalFields.owner_org,
  interval_minutes: optionalFields.interval_minutes.optional(),
  local_fields: optionalFields.local_fields.default([]),
  fetch_resources: optionalFields.fetch_resources.default(false),
  page_size: optionalFields.page_size.default(100),
  active: optionalFields.active.default(true),
});

export const sourceUpdateInput = z.strictObject({
  id: z.string().min(1).max(200),
  name: ckanName.optional(),
  title: optionalFields.title.optional(),
  url: optionalFields.url.optional(),
  remote_org: optionalFields.remote_org.optional(),
  owner_org: optionalFields.owner_org.optional(),
  interval_minutes: optionalFields.interval_minutes.optional(),
  local_fields: optionalFields.local_fields.optional(),
  fetch_resources: optionalFields.fetch_resources.optional(),
  page_size: optionalFields.page_size.optional(),
  active: optionalFields.active.optional(),
});

export const sourceRef = z.strictObject({ id: z.string().min(1).max(200) });
