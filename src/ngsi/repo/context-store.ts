import type { Database } from '../../db/index.ts';
import { ngsiDb } from './tables.ts';

/** Kinds of stored @contexts (clause 5.13). */
export type ContextKind = 'Hosted' | 'Cached' | 'ImplicitlyCreated';

export interface StoredContext {
  localId: string;
  url: string;
  kind: ContextKind;
  /** The document, `{"@context": …}`. */
  body: unknown;
  createdAt: string;
}

function fromRow(r: {
  local_id: string;
  url: string;
  kind: string;
  body: string;
  created_at: string;
}): StoredContext {
  return {
    localId: r.local_id,
    url: r.url,
    kind: r.kind as ContextKind, // written from a ContextKind
    body: JSON.parse(r.body) as unknown,
    createdAt: r.created_at,
  };
}

export async function findContextByUrl(db: Database, url: string) {
  const r = await ngsiDb(db)
    .selectFrom('ngsi_jsonld_context')
    .selectAll()
    .where('url', '=', url)
    .executeTakeFirst();
  return r ? fromRow(r) : undefined;
}

export async function findContextById(db: Database, localId: string) {
  const r = await ngsiDb(db)
    .selectFrom('ngsi_jsonld_context')
    .selectAll()
    .where('local_id', '=', localId)
    .executeTakeFirst();
  return r ? fromRow(r) : undefined;
}

export async function listContexts(db: Database, kind?: ContextKind): Promise<StoredContext[]> {
  let q = ngsiDb(db).selectFrom('ngsi_jsonld_context').selectAll().orderBy('created_at');
  if (kind) q = q.where('kind', '=', kind);
  return (await q.execute()).map(fromRow);
}

/** Inserts or replaces the context stored under `url`. */
export async function saveContext(db: Database, c: StoredContext): Promise<void> {
  await ngsiDb(db)
    .insertInto('ngsi_jsonld_context')
    .values({
      local_id: c.localId,
      url: c.url,
      kind: c.kind,
      body: JSON.stringify(c.body),
      created_at: c.createdAt,
      last_usage: null,
    })
    .onConflict((oc) =>
      oc.column('url').doUpdateSet({ body: JSON.stringify(c.body), kind: c.kind }),
    )
    .execute();
}

export async function deleteContext(db: Database, localId: string): Promise<boolean> {
  const r = await ngsiDb(db)
    .deleteFrom('ngsi_jsonld_context')
    .where('local_id', '=', localId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
