import type { Database } from '../../db/index.ts';

/** The file of an uploaded resource, as the ingest needs it. */
export interface ResourceFile {
  id: string;
  packageId: string;
  sha256: string | null;
  size: number | null;
  fileName: string;
}

/** The active resource's stored file, or undefined when there is no such resource. */
export async function findResourceFile(
  db: Database,
  resourceId: string,
): Promise<ResourceFile | undefined> {
  const r = await db.kysely
    .selectFrom('resource')
    .select(['id', 'package_id', 'file_sha256', 'size', 'url'])
    .where('id', '=', resourceId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    packageId: r.package_id,
    sha256: r.file_sha256,
    size: r.size === null ? null : Number(r.size),
    fileName: fileNameOf(r.url),
  };
}

// The download URL ends with the percent-encoded file name; it hints the format to the reader.
function fileNameOf(url: string): string {
  const last = url.split('/').pop() ?? 'file';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
