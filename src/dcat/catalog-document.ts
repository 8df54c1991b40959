import type { DcatSource } from './dcat-source.ts';
import { catalogDatasets, mapCatalog, mapPagination } from './map-catalog.ts';
import { mapDataset } from './map-dataset.ts';
import type { PackageView, PublisherView } from './package-view.ts';
import {
  type CatalogQuery,
  DATASETS_PER_PAGE,
  modifiedSinceFilter,
  pageUrlBuilder,
  paginationInfo,
} from './paging.ts';
import { createWriter, type DcatFormat, type RdfWriter, serialize } from './rdf-writer.ts';
import type { RdfNode } from './terms.ts';

/** The site a document describes. */
export interface SiteInfo {
  siteUrl: string;
  siteTitle: string;
}

/** Prefecture codes end in 000 plus the check digit (全国地方公共団体コード, e.g. 北海道 010006). */
const PREFECTURE_CODE = /^\d{2}000\d$/;

/** The page-by-page search cannot go further than package_search's `start` limit. */
const MAX_PAGES = 10_000;

/**
 * Opens the catalog document. The first search page, the publishers and the catalog's
 * modification date are read before anything is returned, so a bad `q`/`fq` fails as an error
 * response rather than a broken stream. The chunks then follow one search page at a time
 * (ckanext-dcat's 100 datasets): with `page`, that page and its hydra:PagedCollection; without,
 * every page in turn, so memory stays flat whatever the catalog's size.
 * @throws AppError search_query / validation for bad parameters (before any chunk).
 */
export async function openCatalog(
  source: DcatSource,
  site: SiteInfo,
  path: string,
  format: DcatFormat,
  query: CatalogQuery,
): Promise<AsyncIterable<string>> {
  const fqList: string[] = [];
  if (query.fq !== null) fqList.push(query.fq);
  if (query.modifiedSince !== null) fqList.push(modifiedSinceFilter(query.modifiedSince));
  const start = query.page === null ? 0 : (query.page - 1) * DATASETS_PER_PAGE;
  const search = (from: number) =>
    source.search({ start: from, rows: DATASETS_PER_PAGE, q: query.q, fqList });
  const first = await search(start);
  const publishers = await source.allPublishers();
  const newest = await source.search({ start: 0, rows: 1, q: null, fqList: [] });
  const catalog = mapCatalog({
    siteUrl: site.siteUrl,
    title: site.siteTitle,
    modified: newest.results[0]?.metadataModified ?? null,
    publisher: prefectureOf(publishers),
  });
  const paging =
    query.page === null
      ? null
      : paginationInfo(
          { ...query, page: query.page },
          first.count,
          first.results.length,
          pageUrlBuilder(site.siteUrl, path, query),
        );
  return chunks();

  async function* chunks(): AsyncGenerator<string> {
    const writer = createWriter(format);
    const written = new Set<string>();
    for (const n of catalog) if (n.subject.kind === 'iri') written.add(n.subject.value);
    yield writer.begin() + writer.write(catalog);
    let page = first.results;
    for (let n = 1; ; n++) {
      yield await writePage(source, site, writer, page, written);
      if (query.page !== null || page.length < DATASETS_PER_PAGE || n >= MAX_PAGES) break;
      page = (await search(start + n * DATASETS_PER_PAGE)).results;
      if (page.length === 0) break;
    }
    yield writer.write(paging ? [mapPagination(paging)] : []) + writer.end();
  }
}

async function writePage(
  source: DcatSource,
  site: SiteInfo,
  writer: RdfWriter,
  datasets: readonly PackageView[],
  written: Set<string>,
): Promise<string> {
  const standards = await source.standards(datasets);
  const nodes: RdfNode[] = [];
  const subjects: string[] = [];
  for (const pkg of datasets) {
    const publisher = pkg.organization ? await source.publisher(pkg.organization.id) : null;
    const graph = mapDataset(pkg, { siteUrl: site.siteUrl, publisher, standards });
    subjects.push(graph.subject);
    nodes.push(...graph.nodes);
    // Publishers, themes and standards are shared by many datasets: each is written once.
    for (const s of graph.shared) {
      const key = s.subject.kind === 'iri' ? s.subject.value : '';
      if (key !== '' && written.has(key)) continue;
      written.add(key);
      nodes.push(s);
    }
  }
  if (subjects.length > 0) nodes.push(catalogDatasets(site.siteUrl, subjects));
  return writer.write(nodes);
}

/**
 * One dataset as a whole document (`/dataset/{id}.ttl`).
 * @throws AppError not_found when the dataset does not exist or is not public.
 */
export async function datasetDocument(
  source: DcatSource,
  site: SiteInfo,
  id: string,
  format: DcatFormat,
): Promise<string> {
  const pkg = await source.dataset(id);
  const publisher = pkg.organization ? await source.publisher(pkg.organization.id) : null;
  const standards = await source.standards([pkg]);
  const graph = mapDataset(pkg, { siteUrl: site.siteUrl, publisher, standards });
  return serialize(format, [...graph.nodes, ...graph.shared]);
}

function prefectureOf(publishers: readonly PublisherView[]): PublisherView | null {
  const found = publishers
    .filter((p) => PREFECTURE_CODE.test(p.code))
    .sort((a, b) => a.code.localeCompare(b.code));
  return found[0] ?? null;
}
