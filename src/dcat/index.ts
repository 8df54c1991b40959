/**
 * The DCAT capability: the catalog and its datasets as DCAT-AP (ckanext-dcat's URLs, paging and
 * euro_dcat_ap mapping) in Turtle, JSON-LD and RDF/XML. It reads only through read-only actions
 * called anonymously, so only public, active datasets appear. Other folders import only from here.
 */
export { datasetDocument, openCatalog, type SiteInfo } from './catalog-document.ts';
export { type CallAction, DcatSource } from './dcat-source.ts';
export { negotiateFormat } from './negotiate.ts';
export { type CatalogQuery, DATASETS_PER_PAGE, readCatalogQuery } from './paging.ts';
export {
  CONTENT_TYPES,
  createWriter,
  DCAT_FORMATS,
  type DcatFormat,
  isDcatFormat,
  type RdfWriter,
  serialize,
} from './rdf-writer.ts';
export type { RdfNode, Term } from './terms.ts';
