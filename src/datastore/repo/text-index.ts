import { randomBytes } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import { queryBigrams } from '../../catalog/index.ts';
import type { Database, Dialect } from '../../db/index.ts';
import type { GramStyle } from '../fields/full-text.ts';

/**
 * The index that answers `q` (issue 4: Japanese words of any length over a million rows), kept in
 * step with the table by every write in the same transaction. It narrows the rows to those holding
 * every gram of the query words; the substring test on `_full_text` (filter-sql.ts) then confirms,
 * so the matches are exactly those of a scan.
 * - SQLite: a contentless FTS5 table `<table>_q` whose rowid is the row's `_id`, over the row's
 *   distinct grams (detail=none: presence only, the smallest and fastest to build). The `ascii`
 *   tokenizer splits on the spaces between grams and keeps every other character, so each gram is
 *   one token whatever Unicode version the tokenizer knows.
 * - PostgreSQL: the `_grams text[]` column with a GIN index, as the catalog's search_doc.
 */
export function gramStyle(dialect: Dialect): GramStyle {
  return dialect === 'postgres' ? 'array' : 'fts';
}

/** The FTS5 table of a SQLite datastore table; it is renamed and dropped with it. */
export function textIndexTable(tableName: string): string {
  return `${tableName}_q`;
}

/** SQLite: creates the FTS5 table. PostgreSQL: the GIN index over `_grams`. */
export async function createTextIndex(db: Database, tableName: string): Promise<void> {
  if (db.dialect === 'sqlite') {
    const index = sql.id(textIndexTable(tableName));
    await sql`CREATE VIRTUAL TABLE ${index} USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='ascii')`.execute(
      db.kysely,
    );
    // Leaf pages of 8 kB instead of 1 kB: a million-row load writes and merges far fewer pages.
    await sql`INSERT INTO ${index} (${index}, rank) VALUES ('pgsz', 8000)`.execute(db.kysely);
    return;
  }
  // A bulk load builds the index after its rows are in; more memory makes that build faster.
  await sql`SELECT set_config('maintenance_work_mem', '256MB', true)`.execute(db.kysely);
  const name = `dsq_${randomBytes(8).toString('hex')}`;
  await sql`CREATE INDEX ${sql.id(name)} ON ${sql.id(tableName)} USING gin (${sql.id('_grams')})`.execute(
    db.kysely,
  );
}

/** SQLite: drops the FTS5 table (PostgreSQL's index goes with its table). */
export async function dropTextIndex(db: Database, tableName: string): Promise<void> {
  if (db.dialect !== 'sqlite') return;
  await sql`DROP TABLE IF EXISTS ${sql.id(textIndexTable(tableName))}`.execute(db.kysely);
}

/** SQLite: renames the FTS5 table with its table (FTS5 renames its shadow tables too). */
export async function renameTextIndex(db: Database, from: string, to: string): Promise<void> {
  if (db.dialect !== 'sqlite') return;
  await sql`ALTER TABLE ${sql.id(textIndexTable(from))} RENAME TO ${sql.id(textIndexTable(to))}`.execute(
    db.kysely,
  );
}

/** SQLite: forgets the grams of the rows matching `where` (all rows when null), before they go. */
export async function deleteTextRows(
  db: Database,
  tableName: string,
  where: RawBuilder<unknown> | null,
): Promise<void> {
  if (db.dialect !== 'sqlite') return;
  const index = sql.id(textIndexTable(tableName));
  if (where === null) {
    await sql`INSERT INTO ${index} (${index}) VALUES ('delete-all')`.execute(db.kysely);
    return;
  }
  await sql`DELETE FROM ${index} WHERE rowid IN (SELECT ${sql.id('_id')} FROM ${sql.id(
    tableName,
  )} WHERE ${where})`.execute(db.kysely);
}

/**
 * The rows that may match every word: SQLite's FTS5 query (a one-character word is a prefix
 * query on the grams, a longer one needs all its bigrams), PostgreSQL's array containment. Words
 * hold only letters and digits (`toWords`), so quoting a gram needs no escaping.
 */
export function textIndexSql(
  db: Database,
  tableName: string,
  words: readonly string[],
): RawBuilder<unknown> {
  if (db.dialect === 'sqlite') {
    const index = sql.id(textIndexTable(tableName));
    return sql`${sql.id('_id')} IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ${fts5Query(words)})`;
  }
  return sql`${sql.id('_grams')} @> CAST(${sql.val(arrayGrams(words))} AS text[])`;
}

/** The FTS5 query for all words (AND). */
export function fts5Query(words: readonly string[]): string {
  return words
    .map((w) => {
      const bigrams = queryBigrams(w);
      return bigrams.length === 0 ? `"${w}"*` : bigrams.map((b) => `"${b}"`).join(' AND ');
    })
    .join(' AND ');
}

function arrayGrams(words: readonly string[]): string[] {
  const grams = new Set<string>();
  for (const w of words) {
    const bigrams = queryBigrams(w);
    if (bigrams.length === 0) grams.add(w);
    for (const b of bigrams) grams.add(b);
  }
  return [...grams];
}
