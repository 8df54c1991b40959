import { safeFileName } from '../files/index.ts';

/** Media types whose files need an extension for the reader to recognise them. */
const EXTENSIONS: Record<string, string> = {
  'text/csv': '.csv',
  'application/csv': '.csv',
  'text/tab-separated-values': '.tsv',
  'text/plain': '.txt',
  'application/json': '.json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
};

/**
 * The URL a resource's file comes from: its `url` for a link, or the `source_url` kept when
 * s5_resource_fetch stored a copy (the resource's `url` then points to that copy). Null for a
 * plain upload.
 */
export function sourceUrlOf(resource: { url: string; url_type: string | null; extras: string }) {
  if (resource.url_type !== 'upload') return resource.url.trim() === '' ? null : resource.url;
  let extras: unknown;
  try {
    extras = JSON.parse(resource.extras);
  } catch {
    return null;
  }
  const source =
    typeof extras === 'object' && extras !== null && 'source_url' in extras
      ? extras.source_url
      : null;
  return typeof source === 'string' && source.trim() !== '' ? source : null;
}

/**
 * A safe file name for a downloaded file: the Content-Disposition name (RFC 6266, UTF-8 form
 * first), else the last segment of the final URL, else `download`; an extension from the media
 * type is added when the name has none, so the reader knows a CSV from a spreadsheet.
 */
export function fetchedFileName(finalUrl: string, headers: Record<string, string>): string {
  const disposition = headers['content-disposition'] ?? '';
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
  let name = (star ? decode(star.trim()) : plain?.trim()) || lastSegment(finalUrl);
  if (!/\.[A-Za-z0-9]{1,8}$/.test(name)) {
    const ext = EXTENSIONS[mediaTypeOf(headers)];
    name = `${name || 'download'}${ext ?? ''}`;
  }
  return safeFileName(name || 'download');
}

/** The media type of a response without its parameters, lower case. */
export function mediaTypeOf(headers: Record<string, string>): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function lastSegment(url: string): string {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const segment =
    path
      .split('/')
      .filter((s) => s !== '')
      .pop() ?? '';
  return decode(segment);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
