/**
 * True when `text` takes more than `max` bytes in UTF-8. Cheap for most fields: a UTF-16 unit
 * takes 1 to 3 UTF-8 bytes, so only lengths between max/3 and max need an actual count.
 */
export function exceedsUtf8Bytes(text: string, max: number): boolean {
  const n = text.length;
  return n > max || (n * 3 > max && Buffer.byteLength(text) > max);
}
