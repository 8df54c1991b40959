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
  siteUrl: string,
): Insertable<ResourceTable> {
  const id = existing?.id ?? input.id ?? newId();
  const file = fileOf(
    input,
    existing,
    `${siteUrl}/dataset/${packageId}/resource/${id}/download/`,
    now,
  );
  const guessed = guessFormat(file?.fileName ?? input.url);
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const known =
      (RESOURCE_CORE_KEYS as readonly string[]).includes(key) ||
      (RESOURCE_READONLY_KEYS as readonly string[]).includes(key);
    if (!known) extras[key] = value;
  }
  return {
    id,
    package_id: packageId,
    url: file?.url ?? input.url,
    name: input.name || (input.upload?.fileName ?? ''),
    description: input.description,
    format: input.format || guessed?.format || '',
    mimetype: input.upload?.mimetype || input.mimetype || guessed?.mimetype || '',
    size: file?.size ?? input.size ?? null,
    hash: file?.hash ?? input.hash,
    created: existing?.created ?? now,
    last_modified: file?.lastModified ?? input.last_modified ?? existing?.last_modified ?? null,
    metadata_modified: now,
    position,
    state: 'active',
    url_type: file ? 'upload' : (input.url_type ?? ''),
    file_sha256: file?.sha256 ?? null,
    extras: JSON.stringify(extras),
  };
}

/**
 * The stored file behind a resource: a new upload, or the existing one when the update keeps its
 * download URL (or gives none). Giving another URL turns the resource into a link.
 */
function fileOf(
  input: ResourceInput,
  existing: ResourceRow | null,
  downloadBase: string,
  now: string,
) {
  if (input.upload) {
    const { file, fileName } = input.upload;
    return {
      url: `${downloadBase}${encodeURIComponent(fileName)}`,
      fileName,
      sha256: file.sha256,
      size: file.size,
      hash: `sha256:${file.sha256}`,
      lastModified: now,
    };
  }
  if (existing?.file_sha256 && (input.url === '' || input.url === existing.url)) {
    return {
      url: existing.url,
      fileName: existing.url.split('/').pop() ?? '',
      sha256: existing.file_sha256,
      size: existing.size === null ? null : Number(existing.size),
      hash: existing.hash,
      lastModified: existing.last_modified,
    };
  }
  return null;
}
