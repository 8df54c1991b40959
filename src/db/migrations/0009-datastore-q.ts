import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The `q` index of every datastore table made before it existed (see
 * src/datastore/repo/text-index.ts): SQLite gets the FTS5 table `<table>_q`, PostgreSQL the
 * `_grams text[]` column with a GIN index; both are filled from the rows' `_full_text`. The gram
 * rules are copied here, not imported, so that this migration keeps doing what it did when the
 * code moves on.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const tables = await db.selectFrom('datastore_table').select('table_name').execute();
  for (const { table_name: table } of tables as Array<{ table_name: string }>) {
    if (await hasIndex(db, dialect, table)) continue;
    if (dialect === 'sqlite') await indexSqlite(db, table);
    else await indexPostgres(db, table);
  }
}

// A table made by code that already keeps the index (or indexed by an earlier run) is left as is.
// biome-ignore lint/suspicious/noExplicitAny: see above.
async function hasIndex(db: Kysely<any>, dialect: Dialect, table: string): Promise<boolean> {
  const found =
    dialect === 'sqlite'
      ? await sql`SELECT 1 FROM sqlite_master WHERE name = ${`${table}_q`}`.execute(db)
      : await sql`SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass(quote_ident(${table}))
          AND attname = '_grams' AND NOT attisdropped`.execute(db);
  return found.rows.length > 0;
}

const BATCH = 500;

// biome-ignore lint/suspicious/noExplicitAny: see above.
async function indexSqlite(db: Kysely<any>, table: string): Promise<void> {
  const index = `${table}_q`;
  await sql`CREATE VIRTUAL TABLE ${sql.id(index)} USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='ascii')`.execute(
    db,
  );
  await sql`INSERT INTO ${sql.id(index)} (${sql.id(index)}, rank) VALUES ('pgsz', 8000)`.execute(
    db,
  );
  for await (const rows of batches(db, table)) {
    const values = rows.map((r) => sql`(${r.id}, ${grams(r.text, false)})`);
    await sql`INSERT INTO ${sql.id(index)} (rowid, grams) VALUES ${sql.join(values)}`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
async function indexPostgres(db: Kysely<any>, table: string): Promise<void> {
  await sql`ALTER TABLE ${sql.id(table)} ADD COLUMN ${sql.id('_grams')} text[]`.execute(db);
  for await (const rows of batches(db, table)) {
    const values = rows.map((r) => sql`(${r.id}::bigint, ${grams(r.text, true)})`);
    await sql`UPDATE ${sql.id(table)} AS t SET ${sql.id('_grams')} = string_to_array(v.g, ' ')
      FROM (VALUES ${sql.join(values)}) AS v(id, g) WHERE t.${sql.id('_id')} = v.id`.execute(db);
  }
  const name = `dsq_${randomBytes(8).toString('hex')}`;
  await sql`CREATE INDEX ${sql.id(name)} ON ${sql.id(table)} USING gin (${sql.id('_grams')})`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
async function* batches(db: Kysely<any>, table: string) {
  let last = 0;
  for (;;) {
    const result = await sql<{ _id: number | string; _full_text: string | null }>`SELECT ${sql.id(
      '_id',
    )}, ${sql.id('_full_text')} FROM ${sql.id(table)} WHERE ${sql.id('_id')} > ${last} ORDER BY ${sql.id(
      '_id',
    )} LIMIT ${BATCH}`.execute(db);
    if (result.rows.length === 0) return;
    yield result.rows.map((r) => ({ id: Number(r._id), text: r._full_text ?? '[]' }));
    last = Number(result.rows[result.rows.length - 1]?._id ?? last);
  }
}

/**
 * The distinct grams of a `_full_text` (a JSON array of space-separated words): each word's
 * bigrams and its last character, and with `everyCharacter` each of its characters.
 */
function grams(fullText: string, everyCharacter: boolean): string {
  let parts: unknown;
  try {
    parts = JSON.parse(fullText);
  } catch {
    return '';
  }
  const out = new Set<string>();
  for (const part of Array.isArray(parts) ? parts : []) {
    for (const word of String(part ?? '').split(' ')) {
      const chars = Array.from(word);
      for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
      if (chars.length > 0) out.add(chars[chars.length - 1] ?? '');
      if (everyCharacter) for (const ch of chars) out.add(ch);
    }
  }
  return [...out].join(' ');
}
