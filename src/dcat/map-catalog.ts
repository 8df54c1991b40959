import { dateLiteral } from './date-literal.ts';
import { publisherNode } from './map-dataset.ts';
import type { PublisherView } from './package-view.ts';
import type { PaginationInfo } from './paging.ts';
import { curie, iri, literal, type Property, RDF_TYPE, type RdfNode } from './terms.ts';
import { organizationIri, siteIri } from './uris.ts';

/** The site as a dcat:Catalog. */
export interface CatalogInfo {
  siteUrl: string;
  title: string;
  /** The newest `metadata_modified` of a public dataset, or null on an empty catalog. */
  modified: string | null;
  /** The prefecture organization, publisher of the catalog. */
  publisher: PublisherView | null;
}

/** ckanext-dcat's catalog URI: the site URL itself. */
export function catalogIri(siteUrl: string): string {
  return siteIri(siteUrl);
}

/**
 * The dcat:Catalog node (title, description, homepage, language, modified, publisher) and its
 * publisher. Pure.
 */
export function mapCatalog(info: CatalogInfo): RdfNode[] {
  const subject = iri(catalogIri(info.siteUrl));
  const p: Property[] = [
    [RDF_TYPE, iri(curie('dcat', 'Catalog'))],
    [curie('dct', 'title'), literal(info.title)],
    [
      curie('dct', 'description'),
      literal(`${info.title}で公開しているデータセットの目録`, { lang: 'ja' }),
    ],
    [curie('dct', 'description'), literal(`Datasets published on ${info.title}`, { lang: 'en' })],
    [curie('foaf', 'homepage'), iri(siteIri(info.siteUrl, '/'))],
    // ckanext-dcat writes ckan.locale_default as a literal; s5's default locale is Japanese.
    [curie('dct', 'language'), literal('ja')],
  ];
  const modified = info.modified === null ? null : dateLiteral(info.modified);
  if (modified) p.push([curie('dct', 'modified'), modified]);
  const nodes: RdfNode[] = [];
  if (info.publisher) {
    const agent = iri(organizationIri(info.siteUrl, info.publisher.id));
    p.push([curie('dct', 'publisher'), agent]);
    nodes.push(publisherNode(agent, info.publisher));
  }
  return [{ subject, props: p }, ...nodes];
}

/** `<catalog> dcat:dataset <d1>, <d2> …` for one page of datasets. */
export function catalogDatasets(siteUrl: string, datasets: readonly string[]): RdfNode {
  return {
    subject: iri(catalogIri(siteUrl)),
    props: datasets.map((d) => [curie('dcat', 'dataset'), iri(d)] as const),
  };
}

/**
 * ckanext-dcat's hydra:PagedCollection: the current page URL as subject, `next`/`previous`/
 * `first`/`last` with their deprecated `…Page` twins, `totalItems` and `itemsPerPage`. Page
 * links are plain literals and counts xsd:integer, exactly as ckanext-dcat writes them.
 */
export function mapPagination(info: PaginationInfo): RdfNode {
  const h = (l: string) => curie('hydra', l);
  const int = (n: number) => literal(String(n), { datatype: curie('xsd', 'integer') });
  const p: Property[] = [[RDF_TYPE, iri(h('PagedCollection'))]];
  if (info.next) p.push([h('nextPage'), literal(info.next)], [h('next'), literal(info.next)]);
  if (info.previous) {
    p.push([h('previousPage'), literal(info.previous)], [h('previous'), literal(info.previous)]);
  }
  p.push([h('firstPage'), literal(info.first)], [h('first'), literal(info.first)]);
  p.push([h('lastPage'), literal(info.last)], [h('last'), literal(info.last)]);
  p.push([h('totalItems'), int(info.count)], [h('itemsPerPage'), int(info.itemsPerPage)]);
  return { subject: iri(info.current), props: p };
}
