import type { Database } from '../../db/index.ts';
import { normalizeText } from '../search/normalize-text.ts';

/** Tags of public, active datasets, by name; `query` matches inside names with widths folded. */
export async function listTags(db: Database, query: string | null, limit: number, offset: number) {
  const rows = await db.kysely
    .selectFrom('tag')
    .select(['tag.id', 'tag.name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('package_tag')
          .innerJoin('package', 'package.id', 'package_tag.package_id')
          .select('package_tag.tag_id')
          .whereRef('package_tag.tag_id', '=', 'tag.id')
          .where('package.state', '=', 'active')
          .where('package.private', '=', false),
      ),
    )
    .orderBy('tag.name')
    .execute();
  const q = query ? normalizeText(query) : null;
  // Tag sets are small (hundreds): folding in JS keeps the rule identical to search's.
  const matched = q ? rows.filter((r) => normalizeText(r.name).includes(q)) : rows;
  return matched.slice(offset, offset + limit);
}
