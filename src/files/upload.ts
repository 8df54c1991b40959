import type { StoredFile } from './file-store.ts';

/**
 * A file that arrived with a request and is already in the file store. It is a class, not a
 * plain object, so that an action's input schema (`z.instanceof(Upload)`) accepts only what
 * the server itself stored — a JSON body can never point a resource at someone else's file.
 */
export class Upload {
  constructor(
    readonly file: StoredFile,
    /** The client's file name, reduced to a safe base name. */
    readonly fileName: string,
    readonly mimetype: string,
  ) {}
}

/**
 * Reduces a client-supplied file name to a safe base name: no directories (`../../etc/passwd`
 * → `passwd`), no control characters, at most 200 characters; never empty.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let cleaned = '';
  // Control characters (C0 and DEL) would break headers and logs.
  for (const ch of base) if (ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f) cleaned += ch;
  cleaned = cleaned.replace(/^\.+/, '').trim().slice(0, 200);
  return cleaned === '' ? 'file' : cleaned;
}
