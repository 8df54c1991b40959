import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { readError } from './read-error.ts';

/** One file in a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared; never trusted for the bomb guard, which counts inflated bytes. */
  uncompressedSize: number;
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const SLICE_BYTES = 64 * 1024;

function broken(detail: string): never {
  throw readError('xlsx_unreadable', `The workbook is not a readable ZIP archive (${detail}).`);
}

/**
 * Reads the central directory of a ZIP held in memory (APPNOTE.TXT §4.3.12, §4.3.16).
 * @throws AppError bad_request (xlsx_unreadable) when the archive is damaged, ZIP64 or encrypted.
 */
export function readZipDirectory(zip: Buffer): Map<string, ZipEntry> {
  // The end record is the last 22 bytes plus a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) broken('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) broken('ZIP64 archives are not supported');
  if (offset + size > eocd) broken('central directory out of bounds');

  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      broken('bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, Math.min(at + 46 + nameLength, eocd)),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The compressed bytes of one entry, located through its local header. */
export function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    broken(`bad local header for ${entry.name}`);
  }
  if (entry.flags & 0x1) broken('the workbook is encrypted');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) broken(`${entry.name} runs past the end of the file`);
  return zip.subarray(start, end);
}

/** A running total of inflated bytes with a hard ceiling: the zip-bomb guard. */
export class InflateBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Counts `n` more bytes. @throws AppError bad_request (xlsx_unreadable) past the limit. */
  spend(n: number): void {
    this.used += n;
    if (this.used > this.limit) {
      throw readError(
        'xlsx_unreadable',
        `The workbook expands to more than ${this.limit} bytes; refusing to read it (possible zip bomb).`,
        { limit: this.limit },
      );
    }
  }
}

/**
 * Streams the uncompressed bytes of one entry, spending them from `budget` as they appear, so a
 * bomb is stopped after at most one inflate chunk past the limit. `onInput` sees compressed progress.
 */
export async function* inflateEntry(
  zip: Buffer,
  entry: ZipEntry,
  budget: InflateBudget,
  onInput: (bytes: number) => void = () => undefined,
): AsyncGenerator<Uint8Array> {
  const data = entryData(zip, entry);
  function* slices(): Generator<Buffer> {
    for (let at = 0; at < data.length; at += SLICE_BYTES) {
      const slice = data.subarray(at, at + SLICE_BYTES);
      onInput(slice.length);
      yield slice;
    }
  }
  if (entry.method === 0) {
    for (const slice of slices()) {
      budget.spend(slice.length);
      yield slice;
    }
    return;
  }
  if (entry.method !== 8)
    broken(`${entry.name} uses unsupported compression method ${entry.method}`);
  const inflater = Readable.from(slices()).pipe(createInflateRaw());
  try {
    for await (const chunk of inflater) {
      if (!(chunk instanceof Uint8Array)) continue;
      budget.spend(chunk.length);
      yield chunk;
    }
  } finally {
    inflater.destroy();
  }
}
