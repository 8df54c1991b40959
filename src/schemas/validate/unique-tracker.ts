/**
 * Remembers the values of a unique column (ID, NO) in 12 bytes each: a 64-bit fingerprint and the
 * first row. Unlike a Set of strings it stays small for a million rows; two distinct values share
 * a fingerprint with odds near n²/2⁶⁵ (3·10⁻⁸ for a million rows).
 *
 * The fingerprint's two 32-bit halves are an FNV-1a hash of the value and its `home`: a hash of
 * the value without its trailing number (up to 9 digits) plus that number. Home is also where the
 * value's probe starts, so the sequential IDs most files have (`LL0000000001`, `LL0000000002` …)
 * land in consecutive slots: a million-row table is far larger than the CPU caches, and random
 * slots would cost a cache miss per row. Collisions step by an odd stride taken from the other
 * half (double hashing), so a run of sequential IDs never forms a cluster others must walk through.
 */
export class UniqueTracker {
  #capacity = 1024;
  #size = 0;
  /**
   * Slot i holds home, hash and row at 3i, 3i+1, 3i+2: a probe touches one cache line. Int32, and
   * the hashes kept as int32 (`| 0`): uint32 values above 2³¹ would be doubles in optimised code.
   */
  #slots = new Int32Array(this.#capacity * 3);

  /** Records a value seen at a row; returns the first row of an earlier equal value, if any. */
  seen(value: string, row: number): number | undefined {
    const n = value.length;
    let start = n;
    while (start > 0 && n - start < 9) {
      const c = value.charCodeAt(start - 1);
      if (c < 0x30 || c > 0x39) break;
      start -= 1;
    }
    // The digit count is hashed in, so `01` and `1` start apart.
    let rest = Math.imul(0x01000193, n - start + 1);
    let number = 0;
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      hash = Math.imul(hash ^ c, 0x01000193);
      if (i < start) rest = Math.imul(rest ^ c, 0x5bd1e995) ^ (rest >>> 15);
      else number = number * 10 + (c - 0x30);
    }
    const home = (rest + number) | 0;
    const slots = this.#slots;
    const mask = this.#capacity - 1;
    const stride = (hash | 1) & mask;
    let i = home & mask;
    for (;;) {
      const at = i * 3;
      const first = slots[at + 2] ?? 0;
      // Rows are 1-based (header = 1), so 0 marks an empty slot.
      if (first === 0) break;
      if (slots[at] === home && slots[at + 1] === hash) return first;
      i = (i + stride) & mask;
    }
    const first = Math.max(1, row);
    if ((this.#size + 1) * 2 > this.#capacity) {
      this.#grow();
      this.#insert(home, hash, first);
    } else {
      // The empty slot the probe stopped at.
      slots[i * 3] = home;
      slots[i * 3 + 1] = hash;
      slots[i * 3 + 2] = first;
      this.#size += 1;
    }
    return undefined;
  }

  #insert(home: number, hash: number, row: number): void {
    const slots = this.#slots;
    const mask = this.#capacity - 1;
    const stride = (hash | 1) & mask;
    let i = home & mask;
    while (slots[i * 3 + 2] !== 0) i = (i + stride) & mask;
    slots[i * 3] = home;
    slots[i * 3 + 1] = hash;
    slots[i * 3 + 2] = row;
    this.#size += 1;
  }

  #grow(): void {
    const old = this.#slots;
    this.#capacity *= 2;
    this.#slots = new Int32Array(this.#capacity * 3);
    this.#size = 0;
    for (let at = 0; at < old.length; at += 3) {
      const row = old[at + 2] ?? 0;
      if (row !== 0) this.#insert(old[at] ?? 0, old[at + 1] ?? 0, row);
    }
  }
}
