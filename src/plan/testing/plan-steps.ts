import type { Actor } from '../../core/action.ts';
import type { Platform } from '../../platform/index.ts';

/** Takes a year's draft through submit, review and publish; returns what publish returned. */
export async function publishYear(
  p: Platform,
  year: number,
  editor: Actor,
  reviewer: Actor,
): Promise<unknown> {
  await p.call('s5_report_submit', { fiscal_year: year }, editor);
  await p.call('s5_report_review', { fiscal_year: year }, reviewer);
  return p.call('s5_report_publish', { fiscal_year: year }, reviewer);
}

/** The bytes of a stored file, by a resource's `sha256:` hash. */
export async function readStoredFile(p: Platform, hash: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of p.files.open(hash.replace(/^sha256:/, '')))
    chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
