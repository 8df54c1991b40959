import { sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import { buildSearchDoc, facetValuesOf, type SearchSource } from '../search/build-search-doc.ts';
import { loadBundles, type PackageBundle } from './packages.ts';

/**
 * Keeps `search_doc`, the FTS5 index (SQLite) and `package_facet` in step with a dataset.
 * Called inside the same transaction as every write to the dataset, so search never lags.
 */
export async function reindexPackages(db: Database, ids: readonly string[]): Promise<void> {
  const bundles = await loadBundles(db, ids);
  for (const bundle of bundles) await writeIndex(db, bundle);
}

export async function removeFromIndex(db: Database, packageId: string): Promise<void> {
  const doc = await db.kysely
    .selectFrom('search_doc')
    .select('doc_id')
    .where('package_id', '=', packageId)
    .executeTakeFirst();
  if (doc && db.dialect === 'sqlite') {
    await sql`DELETE FROM search_fts WHERE rowid = ${doc.doc_id}`.execute(db.kysely);
  }
  await db.kysely.deleteFrom('search_doc').where('package_id', '=', packageId).execute();
  await db.kysely.deleteFrom('package_facet').where('package_id', '=', packageId).execute();
  await db.kysely.insertInto('search_change').values({ package_id: packageId }).execute();
}

function sourceOf(b: PackageBundle): SearchSource {
  return {
    name: b.pkg.name,
    title: b.pkg.title,
    notes: b.pkg.notes,
    tags: b.tags.map((t) => t.name),
    license_id: b.pkg.license_id,
    organization: {
      name: b.org.name,
      title: b.org.title,
      title_en: b.org.title_en,
      reading: readingOf(b.org.extras),
    },
    groups: b.groups.map((g) => ({
      name: g.name,
      title: g.title,
      title_en: g.title_en,
      reading: readingOf(g.extras),
    })),
    resources: b.resources.map((r) => ({
      name: r.name,
      description: r.description,
      format: r.format,
    })),
    extras: b.extras,
    standards: b.resources.flatMap((r) => b.standards.get(r.id) ?? []),
  };
}

async function writeIndex(db: Database, bundle: PackageBundle): Promise<void> {
  const src = sourceOf(bundle);
  const doc = buildSearchDoc(src);
  await removeFromIndex(db, bundle.pkg.id);
  const inserted = await db.kysely
    .insertInto('search_doc')
    .values({ package_id: bundle.pkg.id, ...doc })
    .returning('doc_id')
    .executeTakeFirstOrThrow();
  if (db.dialect === 'sqlite') {
    await sql`INSERT INTO search_fts (rowid, grams) VALUES (${inserted.doc_id}, ${doc.grams})`.execute(
      db.kysely,
    );
  }
  const facets = facetValuesOf(src);
  if (facets.length > 0) {
    await db.kysely
      .insertInto('package_facet')
      .values(facets.map((f) => ({ package_id: bundle.pkg.id, field: f.field, value: f.value })))
      .execute();
  }
}

/** The 読み kept in a group's or organization's extras, for search by reading (とかち → 十勝). */
function readingOf(extras: string): string {
  const value = parseJsonObject(extras).reading;
  return typeof value === 'string' ? value : '';
}

function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v))
      : {};
  } catch {
    return {};
  }
}
