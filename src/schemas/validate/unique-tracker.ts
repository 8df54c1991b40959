/**
 * Remembers the values of a unique column (ID, NO) in 12 bytes each: a 64-bit fingerprint (two
 * FNV-1a lanes) and the first row. Unlike a Set of strings it stays small for a million rows; two
 * distinct values share a fingerprint with odds near n²/2⁶⁵ (3·10⁻⁸ for a million rows).
 */
export class UniqueTracker {
  #capacity = 1024;
  #size = 0;
  #high = new Uint32Array(this.#capacity);
  #low = new Uint32Array(this.#capacity);
  #rows = new Uint32Array(this.#capacity);

  /** Records a value seen at a row; returns the first row of an earlier equal value, if any. */
  seen(value: string, row: number): number | undefined {
    const [high, low] = fingerprint(value);
    const found = this.#find(high, low);
    if (found >= 0) return this.#rows[found];
    if ((this.#size + 1) * 2 > this.#capacity) this.#grow();
    this.#insert(high, low, row);
    return undefined;
  }

  #find(high: number, low: number): number {
    const mask = this.#capacity - 1;
    for (let i = low & mask; ; i = (i + 1) & mask) {
      if (this.#rows[i] === 0) return -1;
      if (this.#high[i] === high && this.#low[i] === low) return i;
    }
  }

  #insert(high: number, low: number, row: number): void {
    const mask = this.#capacity - 1;
    let i = low & mask;
    while (this.#rows[i] !== 0) i = (i + 1) & mask;
    this.#high[i] = high;
    this.#low[i] = low;
    // Rows are 1-based (header = 1), so 0 marks an empty slot.
    this.#rows[i] = Math.max(1, row);
    this.#size += 1;
  }

  #grow(): void {
    const high = this.#high;
    const low = this.#low;
    const rows = this.#rows;
    this.#capacity *= 2;
    this.#high = new Uint32Array(this.#capacity);
    this.#low = new Uint32Array(this.#capacity);
    this.#rows = new Uint32Array(this.#capacity);
    this.#size = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? 0;
      if (row !== 0) this.#insert(high[i] ?? 0, low[i] ?? 0, row);
    }
  }
}

function fingerprint(value: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a >>> 0, b >>> 0];
}
