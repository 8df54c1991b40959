import { isAppError } from '../core/errors.ts';
import { isConformingLevel } from '../coverage/index.ts';
import { getSchema } from '../schemas/index.ts';
import type { StandardRef } from './map-dataset.ts';
import {
  type PackageView,
  type PublisherView,
  readPackage,
  readPublisher,
} from './package-view.ts';

/**
 * Runs a read-only action as an anonymous caller. The adapter passes the registry in; DCAT sees
 * the catalog only through the actions, so private, draft and deleted datasets never reach it.
 */
export type CallAction = (name: string, input: Record<string, unknown>) => Promise<unknown>;

/** One page of package_search as DCAT needs it. */
export interface SearchPage {
  count: number;
  results: PackageView[];
}

/**
 * What the DCAT documents read, for one request: the search pages, a dataset, the publishers
 * (organization_show, remembered for the request) and the standard each ingested resource's
 * latest load conforms to (s5_resource_versions).
 */
export class DcatSource {
  readonly #call: CallAction;
  readonly #publishers = new Map<string, PublisherView | null>();

  constructor(call: CallAction) {
    this.#call = call;
  }

  /** package_search, newest first (ckanext-dcat's `metadata_modified desc`). */
  async search(p: {
    start: number;
    rows: number;
    q: string | null;
    fqList: string[];
  }): Promise<SearchPage> {
    const raw = await this.#call('package_search', {
      q: p.q ?? '',
      fq_list: p.fqList,
      rows: p.rows,
      start: p.start,
      sort: 'metadata_modified desc',
      facet: false,
    });
    const r = isDict(raw) ? raw : {};
    const results = Array.isArray(r.results) ? r.results.map(readPackage) : [];
    return { count: typeof r.count === 'number' ? r.count : 0, results };
  }

  /** @throws AppError not_found for an unknown or non-public dataset. */
  async dataset(id: string): Promise<PackageView> {
    return readPackage(await this.#call('package_show', { id }));
  }

  /** Every organization; the catalog reads them once and finds its publisher among them. */
  async allPublishers(): Promise<PublisherView[]> {
    const out: PublisherView[] = [];
    for (let offset = 0; ; offset += 1000) {
      const raw = await this.#call('organization_list', {
        all_fields: true,
        limit: 1000,
        offset,
        sort: 'name asc',
      });
      const rows = Array.isArray(raw) ? raw : [];
      for (const row of rows) {
        const org = readPublisher(row);
        if (!org) continue;
        out.push(org);
        this.#publishers.set(org.id, org);
      }
      if (rows.length < 1000) return out;
    }
  }

  /** The organization with its 全国地方公共団体コード, or null when it is gone. */
  async publisher(id: string): Promise<PublisherView | null> {
    const known = this.#publishers.get(id);
    if (known !== undefined) return known;
    let org: PublisherView | null = null;
    try {
      org = readPublisher(await this.#call('organization_show', { id }));
    } catch (error) {
      // A dataset whose organization is gone still has its other triples.
      if (!isAppError(error) || error.code !== 'not_found') throw error;
    }
    this.#publishers.set(id, org);
    return org;
  }

  /**
   * For the resources of these datasets that have a datastore table: the standard schema their
   * latest loaded version matched, kept only when it conforms (with or without warnings).
   */
  async standards(datasets: readonly PackageView[]): Promise<Map<string, StandardRef>> {
    const out = new Map<string, StandardRef>();
    for (const pkg of datasets) {
      for (const r of pkg.resources) {
        if (!r.datastoreActive) continue;
        const standard = await this.#standardOf(r.id);
        if (standard) out.set(r.id, standard);
      }
    }
    return out;
  }

  async #standardOf(resourceId: string): Promise<StandardRef | null> {
    const raw = await this.#call('s5_resource_versions', { id: resourceId });
    const versions = Array.isArray(raw) ? raw.filter(isDict) : [];
    // Newest first; a failed load never replaces the table, so the latest *loaded* one counts.
    const loaded = versions.find((v) => v.status === 'loaded');
    const schemaId = loaded?.schema_id;
    if (typeof schemaId !== 'string' || schemaId === '') return null;
    if (!isConformingLevel(typeof loaded?.conformance === 'string' ? loaded.conformance : '')) {
      return null;
    }
    try {
      const schema = getSchema(schemaId);
      return { id: schema.s5.id, title: schema.s5.title };
    } catch {
      // A schema removed from schemas/standard since the load: nothing to conform to.
      return null;
    }
  }
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
