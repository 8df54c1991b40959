import { sql } from 'kysely';
import { openDatabase } from '../db/index.ts';

/** The file hashes a SQLite database refers to (resources and their version history). */
export async function referencedFiles(file: string): Promise<Set<string>> {
  const db = openDatabase({ kind: 'sqlite', file });
  try {
    const rows = await sql<{ sha: string }>`
      SELECT file_sha256 AS sha FROM resource WHERE file_sha256 IS NOT NULL
      UNION SELECT file_sha256 AS sha FROM resource_version`.execute(db.kysely);
    return new Set(rows.rows.map((r) => r.sha));
  } finally {
    await db.close();
  }
}
