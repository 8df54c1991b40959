import type { Insertable } from 'kysely';
import { newId } from '../core/ids.ts';
import type { ResourceTable } from '../db/tables.ts';
import { guessFormat } from './guess-format.ts';
import type { ResourceRow } from './repo/packages.ts';
import { RESOURCE_CORE_KEYS, RESOURCE_READONLY_KEYS, type ResourceInput } from './schema.ts';

/**
 * Turns a resource input into its row: fills the format and media type from the URL when
 * missing (as CKAN's if_empty_guess_format does) and keeps unknown keys as extras.
 */
export function resourceRowFrom(
  input: ResourceInput,
  packageId: string,
  position: number,
  now: string,
  existing: ResourceRow | null,
): Insertable<ResourceTable> {
  const guessed = guessFormat(input.url);
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const known =
      (RESOURCE_CORE_KEYS as readonly string[]).includes(key) ||
      (RESOURCE_READONLY_KEYS as readonly string[]).includes(key);
    if (!known) extras[key] = value;
  }
  return {
    id: existing?.id ?? input.id ?? newId(),
    package_id: packageId,
    url: input.url,
    name: input.name,
    description: input.description,
    format: input.format || guessed?.format || '',
    mimetype: input.mimetype || guessed?.mimetype || '',
    size: input.size ?? null,
    hash: input.hash,
    created: existing?.created ?? now,
    last_modified: input.last_modified ?? existing?.last_modified ?? null,
    metadata_modified: now,
    position,
    state: 'active',
    url_type: input.url_type ?? '',
    extras: JSON.stringify(extras),
  };
}
