import { AppError } from '../core/errors.ts';
import { cleanIri } from './terms.ts';

/**
 * The URIs s5 mints, as ckanext-dcat does from `ckan.site_url`: the catalog is the site itself,
 * datasets `/dataset/{id}`, distributions `/dataset/{id}/resource/{id}`, publishers
 * `/organization/{id}`. Every path segment is percent-encoded.
 */
export function siteIri(siteUrl: string, path = ''): string {
  const value = cleanIri(`${siteUrl}${path}`);
  // The site URL is validated at startup as an absolute http(s) URL.
  if (value === null) throw new AppError('internal', 'S5_SITE_URL is not an http(s) URL');
  return value;
}

const seg = encodeURIComponent;

export function datasetIri(siteUrl: string, id: string): string {
  return siteIri(siteUrl, `/dataset/${seg(id)}`);
}

export function distributionIri(siteUrl: string, packageId: string, id: string): string {
  return siteIri(siteUrl, `/dataset/${seg(packageId)}/resource/${seg(id)}`);
}

export function organizationIri(siteUrl: string, id: string): string {
  return siteIri(siteUrl, `/organization/${seg(id)}`);
}

export function groupIri(siteUrl: string, name: string): string {
  return siteIri(siteUrl, `/group/${seg(name)}`);
}

/** The landing page of a dataset on the portal. */
export function datasetPageIri(siteUrl: string, name: string): string {
  return siteIri(siteUrl, `/dataset/${seg(name)}`);
}

/**
 * A standard dataset schema: s5 serves it as a Frictionless Table Schema at this URL, so the
 * `dct:conformsTo` object can be dereferenced.
 */
export function standardIri(siteUrl: string, schemaId: string): string {
  return siteIri(siteUrl, `/api/3/action/s5_schema_show?id=${seg(schemaId)}&format=tableschema`);
}
