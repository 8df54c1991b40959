import { dateLiteral } from './date-literal.ts';
import type { PackageView, PublisherView, ResourceView } from './package-view.ts';
import {
  blank,
  cleanIri,
  curie,
  iri,
  literal,
  type Property,
  RDF_TYPE,
  type RdfNode,
  type Subject,
  type Term,
} from './terms.ts';
import {
  datasetIri,
  datasetPageIri,
  distributionIri,
  groupIri,
  organizationIri,
  standardIri,
} from './uris.ts';

/** A standard dataset schema a distribution conforms to (its latest load matched it). */
export interface StandardRef {
  id: string;
  title: { ja: string; en: string };
}

/** What the mapping needs besides the package dict; all of it looked up beforehand. */
export interface DatasetContext {
  siteUrl: string;
  /** The dataset's organization with its 全国地方公共団体コード, when it has one. */
  publisher: PublisherView | null;
  /** Resource id → the standard its latest load conforms to. */
  standards: ReadonlyMap<string, StandardRef>;
}

/**
 * The triples of one dataset: `nodes` belong to it alone; `shared` describe things many datasets
 * point at (publisher, themes, standards), which a catalog writes once.
 */
export interface DatasetGraph {
  subject: string;
  nodes: RdfNode[];
  shared: RdfNode[];
}

const DCAT = (l: string) => curie('dcat', l);
const DCT = (l: string) => curie('dct', l);
const FOAF = (l: string) => curie('foaf', l);
const VCARD = (l: string) => curie('vcard', l);

/**
 * Maps a presented CKAN package to DCAT-AP, field by field as ckanext-dcat's euro_dcat_ap
 * profile does for the fields s5 has, plus the publisher's 全国地方公共団体コード
 * (`dct:identifier` of the foaf:Agent) and `dct:conformsTo` of standard-conforming distributions.
 * Pure: values in, values out.
 */
export function mapDataset(pkg: PackageView, ctx: DatasetContext): DatasetGraph {
  const extra = (key: string) => pkg.extras.get(key) ?? '';
  const subject = cleanIri(extra('uri')) ?? datasetIri(ctx.siteUrl, pkg.id);
  const p: Property[] = [[RDF_TYPE, iri(DCAT('Dataset'))]];
  const nodes: RdfNode[] = [];
  const shared: RdfNode[] = [];

  addText(p, DCT('title'), pkg.title);
  addText(p, DCT('description'), pkg.notes);
  const landing = cleanIri(pkg.url) ?? datasetPageIri(ctx.siteUrl, pkg.name || pkg.id);
  p.push([DCAT('landingPage'), iri(landing)]);
  p.push([DCT('identifier'), literal(pkg.id)]);
  addText(p, curie('owl', 'versionInfo'), pkg.version);
  addIriOrText(p, DCT('accrualPeriodicity'), extra('frequency'));
  for (const tag of pkg.tags) addText(p, DCAT('keyword'), tag);
  addDate(p, DCT('issued'), extra('issued') || pkg.metadataCreated);
  addDate(p, DCT('modified'), extra('modified') || pkg.metadataModified);
  for (const v of listValue(extra('language'))) addIriOrText(p, DCT('language'), v);
  for (const g of pkg.groups) {
    const theme = groupIri(ctx.siteUrl, g.name);
    p.push([DCAT('theme'), iri(theme)]);
    shared.push(
      node(iri(theme), [
        [RDF_TYPE, iri(curie('skos', 'Concept'))],
        [curie('skos', 'prefLabel'), literal(g.title || g.name)],
      ]),
    );
  }
  for (const v of listValue(extra('conforms_to'))) addIriOrText(p, DCT('conformsTo'), v);
  for (const v of listValue(extra('documentation'))) addIriOrText(p, FOAF('page'), v);
  for (const v of listValue(extra('source'))) addIriOrText(p, DCT('source'), v);

  nodes.push(...contactPoint(pkg, ctx, p));
  shared.push(...publisher(ctx, p));
  nodes.push(...temporal(pkg, p));
  nodes.push(...spatial(pkg, p));

  const license = cleanIri(pkg.licenseUrl);
  if (license) p.push([DCT('license'), iri(license)]);

  const distributions: RdfNode[] = [];
  for (const r of pkg.resources) {
    const d = mapDistribution(r, pkg, ctx, license);
    p.push([DCAT('distribution'), d.subject]);
    distributions.push(...d.nodes);
    shared.push(...d.shared);
  }
  return { subject, nodes: [node(iri(subject), p), ...nodes, ...distributions], shared };
}

function contactPoint(pkg: PackageView, ctx: DatasetContext, p: Property[]): RdfNode[] {
  const extra = (key: string) => pkg.extras.get(key) ?? '';
  // ckanext-dcat's order: contact_* extras, then maintainer, then author. s5 falls back to the
  // publisher so that every dataset has the contact point DCAT-AP recommends.
  const name =
    extra('contact_name') || pkg.maintainer || pkg.author || (ctx.publisher?.title ?? '');
  const email = extra('contact_email') || pkg.maintainerEmail || pkg.authorEmail;
  if (name === '' && email === '') return [];
  const subject: Subject = iriOrNull(extra('contact_uri')) ?? blank('contact', pkg.id);
  const props: Property[] = [[RDF_TYPE, iri(VCARD('Organization'))]];
  addText(props, VCARD('fn'), name);
  const mailto = email === '' ? null : cleanIri(`mailto:${email.replace(/^mailto:/i, '')}`);
  if (mailto) props.push([VCARD('hasEmail'), iri(mailto)]);
  p.push([DCAT('contactPoint'), subject]);
  return [node(subject, props)];
}

function publisher(ctx: DatasetContext, p: Property[]): RdfNode[] {
  const org = ctx.publisher;
  if (!org) return [];
  const subject = iri(organizationIri(ctx.siteUrl, org.id));
  p.push([DCT('publisher'), subject]);
  return [publisherNode(subject, org)];
}

/** A publisher as a foaf:Agent; its 全国地方公共団体コード is its `dct:identifier`. */
export function publisherNode(subject: Subject, org: PublisherView): RdfNode {
  const props: Property[] = [[RDF_TYPE, iri(FOAF('Agent'))]];
  addText(props, FOAF('name'), org.title || org.name);
  addText(props, DCT('identifier'), org.code);
  return node(subject, props);
}

function temporal(pkg: PackageView, p: Property[]): RdfNode[] {
  const start = dateLiteral(pkg.extras.get('temporal_start') ?? '');
  const end = dateLiteral(pkg.extras.get('temporal_end') ?? '');
  if (!start && !end) return [];
  const subject = blank('temporal', pkg.id);
  const props: Property[] = [[RDF_TYPE, iri(DCT('PeriodOfTime'))]];
  if (start) props.push([curie('schema', 'startDate'), start]);
  if (end) props.push([curie('schema', 'endDate'), end]);
  p.push([DCT('temporal'), subject]);
  return [node(subject, props)];
}

function spatial(pkg: PackageView, p: Property[]): RdfNode[] {
  const text = pkg.extras.get('spatial_text') ?? '';
  const uri = iriOrNull(pkg.extras.get('spatial_uri') ?? '');
  if (text === '' && !uri) return [];
  const subject: Subject = uri ?? blank('spatial', pkg.id);
  const props: Property[] = [[RDF_TYPE, iri(DCT('Location'))]];
  addText(props, curie('skos', 'prefLabel'), text);
  p.push([DCT('spatial'), subject]);
  return [node(subject, props)];
}

function mapDistribution(
  r: ResourceView,
  pkg: PackageView,
  ctx: DatasetContext,
  license: string | null,
): { subject: Subject; nodes: RdfNode[]; shared: RdfNode[] } {
  const subject = iri(distributionIri(ctx.siteUrl, r.packageId || pkg.id, r.id));
  const p: Property[] = [[RDF_TYPE, iri(DCAT('Distribution'))]];
  const nodes: RdfNode[] = [];
  const shared: RdfNode[] = [];
  addText(p, DCT('title'), r.name);
  addText(p, DCT('description'), r.description);
  // DCAT-AP makes accessURL mandatory; an uploaded file's URL is also its downloadURL.
  const access = cleanIri(r.accessUrl) ?? cleanIri(r.url);
  const download = cleanIri(r.downloadUrl) ?? (r.urlType === 'upload' ? cleanIri(r.url) : null);
  if (access) p.push([DCAT('accessURL'), iri(access)]);
  if (download) p.push([DCAT('downloadURL'), iri(download)]);
  addFormat(p, r.format, r.mimetype);
  addDate(p, DCT('issued'), r.created);
  addDate(p, DCT('modified'), r.metadataModified);
  if (r.size !== null && r.size > 0) {
    p.push([DCAT('byteSize'), literal(String(r.size), { datatype: curie('xsd', 'decimal') })]);
  }
  const checksum = checksumNode(r);
  if (checksum) {
    p.push([curie('spdx', 'checksum'), checksum.subject]);
    nodes.push(checksum);
  }
  if (license) p.push([DCT('license'), iri(license)]);
  const standard = ctx.standards.get(r.id);
  if (standard) {
    const uri = iri(standardIri(ctx.siteUrl, standard.id));
    p.push([DCT('conformsTo'), uri]);
    shared.push(
      node(uri, [
        [RDF_TYPE, iri(DCT('Standard'))],
        [DCT('identifier'), literal(standard.id)],
        [DCT('title'), literal(standard.title.ja, { lang: 'ja' })],
        [DCT('title'), literal(standard.title.en, { lang: 'en' })],
      ]),
    );
  }
  return { subject, nodes: [node(subject, p), ...nodes], shared };
}

/**
 * ckanext-dcat: a format that is a media type (`text/csv`, an IANA URL) goes to dcat:mediaType
 * when no mimetype is given; otherwise format → dct:format and mimetype → dcat:mediaType.
 */
function addFormat(p: Property[], format: string, mimetype: string): void {
  let fmt = format.trim();
  let media = mimetype.trim();
  if (fmt !== '' && (media === '' || media === fmt)) {
    const isMediaType =
      fmt.includes('iana.org/assignments/media-types') ||
      (!/^https?:/.test(fmt) && fmt.includes('/'));
    if (isMediaType) {
      media = fmt;
      fmt = '';
    } else {
      media = '';
    }
  }
  if (media !== '') addIriOrText(p, DCAT('mediaType'), media);
  if (fmt !== '') addIriOrText(p, DCT('format'), fmt);
}

const ALGORITHMS: Record<string, string> = {
  sha1: 'checksumAlgorithm_sha1',
  sha256: 'checksumAlgorithm_sha256',
  sha512: 'checksumAlgorithm_sha512',
  md5: 'checksumAlgorithm_md5',
};

/** spdx:Checksum from CKAN's `hash`; s5 writes `sha256:<hex>` for uploaded files. */
function checksumNode(r: ResourceView): RdfNode | null {
  const m = /^(?:(sha1|sha256|sha512|md5):)?([0-9a-fA-F]+)$/i.exec(r.hash.trim());
  const value = m?.[2];
  // xsd:hexBinary needs an even number of hex digits; anything else is not a checksum we can state.
  if (!m || value === undefined || value.length % 2 !== 0) return null;
  const subject = blank('checksum', r.id);
  const props: Property[] = [
    [RDF_TYPE, iri(curie('spdx', 'Checksum'))],
    [curie('spdx', 'checksumValue'), literal(value, { datatype: curie('xsd', 'hexBinary') })],
  ];
  const algorithm = ALGORITHMS[(m[1] ?? '').toLowerCase()];
  if (algorithm) props.push([curie('spdx', 'algorithm'), iri(curie('spdx', algorithm))]);
  else addIriOrText(props, curie('spdx', 'algorithm'), r.hashAlgorithm);
  return node(subject, props);
}

function node(subject: Subject, props: Property[]): RdfNode {
  return { subject, props };
}

function addText(p: Property[], predicate: string, value: string): void {
  if (value.trim() !== '') p.push([predicate, literal(value)]);
}

function addDate(p: Property[], predicate: string, value: string): void {
  const term = dateLiteral(value);
  if (term) p.push([predicate, term]);
}

/** ckanext-dcat's URIRefOrLiteral: an http(s) value becomes an IRI, anything else a literal. */
function addIriOrText(p: Property[], predicate: string, value: string): void {
  const v = value.trim();
  if (v === '') return;
  const object: Term = /^https?:\/\//i.test(v) ? (iriOrNull(v) ?? literal(v)) : literal(v);
  p.push([predicate, object]);
}

function iriOrNull(value: string) {
  const clean = cleanIri(value);
  return clean === null || !/^https?:/i.test(clean) ? null : iri(clean);
}

/** ckanext-dcat's list fields: a JSON array, or comma-separated values. */
function listValue(value: string): string[] {
  const v = value.trim();
  if (v === '') return [];
  if (v.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (Array.isArray(parsed)) return parsed.filter((x) => typeof x === 'string');
    } catch {
      // not JSON: fall through to comma-separated, as ckanext-dcat's _read_list_value does
    }
  }
  return v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}
