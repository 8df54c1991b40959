import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors.ts';
import { type StandardSchema, standardSchemaFormat } from '../schema-format.ts';

/** `schemas/standard/` at the project root: the only place schema files are read from by default. */
export const STANDARD_SCHEMA_DIR = fileURLToPath(
  new URL('../../../schemas/standard/', import.meta.url),
);

/**
 * Reads and checks every `*.json` schema file in a folder, sorted by id. Adding a schema is adding
 * a file here: no code lists them.
 * @throws AppError internal when a file is not valid JSON, breaks the format, or its id differs
 *   from its file name.
 */
export function loadSchemasFrom(dir: string): StandardSchema[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return files.map((name) => parseSchemaFile(path.join(dir, name)));
}

function parseSchemaFile(file: string): StandardSchema {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError('internal', `Schema file is not valid JSON: ${file}`, { cause });
  }
  const parsed = standardSchemaFormat.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('internal', `Schema file breaks the format: ${file}`, {
      details: { file, problems },
    });
  }
  const stem = path.basename(file, '.json');
  if (parsed.data.s5.id !== stem)
    throw new AppError('internal', `Schema id ${parsed.data.s5.id} differs from its file ${stem}`);
  return parsed.data;
}

let cached: StandardSchema[] | undefined;

/** Every standard schema shipped in `schemas/standard/`, loaded once. */
export function listSchemas(): readonly StandardSchema[] {
  cached ??= loadSchemasFrom(STANDARD_SCHEMA_DIR);
  return cached;
}

/**
 * Finds a schema by id (`a13-public_toilet`), by number (`a13`, the newest version) or by slug
 * (`public_toilet`, the current generation first).
 * @throws AppError not_found when nothing matches.
 */
export function getSchema(key: string, schemas: readonly StandardSchema[] = listSchemas()) {
  const wanted = key.trim().toLowerCase();
  const exact = schemas.find((s) => s.s5.id === wanted);
  if (exact) return exact;
  const byNumber = schemas.filter((s) => s.s5.id.startsWith(`${wanted}-`));
  const bySlug = schemas.filter((s) => s.s5.slug === wanted);
  const found = newestFirst(byNumber.length > 0 ? byNumber : bySlug)[0];
  if (!found) throw new AppError('not_found', `No standard schema "${key}"`);
  return found;
}

function newestFirst(schemas: StandardSchema[]): StandardSchema[] {
  const rank = (s: StandardSchema) => (s.s5.generation === 'current' ? 1 : 0);
  return [...schemas].sort(
    (a, b) => rank(b) - rank(a) || b.s5.definition.version.localeCompare(a.s5.definition.version),
  );
}
