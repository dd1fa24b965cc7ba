/**
 * A map from a pair of UTF-16 code units (`first << 16 | second`) to a slot number (never 0), in
 * two typed arrays with open addressing. The Chinese walk asks it at almost every character of a
 * draft, and a `Map` lookup cost several times more than these few array reads.
 */
export class PairIndex {
  private readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(entries: ReadonlyMap<number, number>) {
    // At most half full, so a lookup of an absent pair ends within a few probes.
    let bits = 4;
    while (1 << bits < entries.size * 2) bits++;
    this.keys = new Int32Array(1 << bits);
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    for (const [key, slot] of entries) {
      let at = this.home(key);
      while (this.slots[at] !== 0) at = (at + 1) & this.mask;
      this.keys[at] = key;
      this.slots[at] = slot;
    }
  }

  /** The slot of a pair, or 0 when no key begins with it. */
  get(pair: number): number {
    for (let at = this.home(pair); ; at = (at + 1) & this.mask) {
      const slot = this.slots[at]!;
      if (slot === 0 || this.keys[at] === (pair | 0)) return slot;
    }
  }

  private home(pair: number): number {
    // Fibonacci hashing: the product's high bits depend on every bit of the pair.
    return Math.imul(pair | 0, 0x9e3779b1) >>> this.shift;
  }
}
