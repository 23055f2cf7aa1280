/**
 * Latency percentiles from fixed log-scale buckets: DDSketch's logarithmic
 * mapping (Masson, Rim & Lee, "DDSketch: a fast and fully-mergeable quantile
 * sketch with relative-error guarantees", VLDB 2019), kept as sparse counts.
 *
 * A duration x > 0 falls in bucket i = ⌈log_γ x⌉ with γ = (1 + α) / (1 − α);
 * a quantile answers its bucket's middle, 2γ^i / (γ + 1), which is within a
 * relative α of every value in the bucket — so of the exact quantile's value
 * (α = 1% here: a p95 of 200 ms reads 198–202 ms, well inside the 5% the
 * contract allows). Two sketches merge by adding counts, with no loss: a
 * window's percentiles are those of the merged buckets, never an average of
 * percentiles. Durations up to an hour need at most ~1,200 buckets, and a
 * time bucket's traffic uses a few dozen, stored as (index, count) pairs.
 *
 * Written here rather than taken from `@datadog/sketches-js`: that package's
 * serialization needs protobufjs, which it does not declare, and a time bucket
 * needs only the mapping, sparse counts and a compact encoding of them (the
 * algorithm is the paper's; the tests check the error bound on known data).
 */

/** The relative accuracy: every quantile is within this fraction of the exact value. */
export const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LN_GAMMA = Math.log(GAMMA);
/** Durations below this (a microsecond) count as zero. */
const MIN_MS = 0.001;
/** The index that stands for zero in the encoding (no real bucket is this low). */
const ZERO_INDEX = -0x8000_0000;

export class LatencySketch {
  /** Bucket index → count. */
  private readonly bins = new Map<number, number>();
  private zeros = 0;
  count = 0;

  add(ms: number, n = 1): void {
    this.count += n;
    if (!(ms >= MIN_MS)) {
      this.zeros += n;
      return;
    }
    const i = Math.ceil(Math.log(ms) / LN_GAMMA);
    this.bins.set(i, (this.bins.get(i) ?? 0) + n);
  }

  merge(other: LatencySketch): void {
    this.count += other.count;
    this.zeros += other.zeros;
    for (const [i, n] of other.bins) this.bins.set(i, (this.bins.get(i) ?? 0) + n);
  }

  /** The value at quantile q (0–1), or null when empty: the lower of the two middle ranks, as DDSketch reads it. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = q * (this.count - 1);
    let seen = this.zeros;
    if (seen > rank) return 0;
    const indexes = [...this.bins.keys()].sort((a, b) => a - b);
    for (const i of indexes) {
      seen += this.bins.get(i)!;
      if (seen > rank) return (2 * GAMMA ** i) / (GAMMA + 1);
    }
    return (2 * GAMMA ** indexes[indexes.length - 1]!) / (GAMMA + 1);
  }

  /** (index, count) pairs as little-endian 32-bit integers: what a bucket row stores. */
  encode(): Buffer {
    const out = Buffer.alloc((this.bins.size + (this.zeros > 0 ? 1 : 0)) * 8);
    let at = 0;
    const put = (i: number, n: number) => {
      out.writeInt32LE(i, at);
      out.writeInt32LE(n, at + 4);
      at += 8;
    };
    if (this.zeros > 0) put(ZERO_INDEX, this.zeros);
    for (const [i, n] of this.bins) put(i, n);
    return out;
  }

  /** Add what `encode` wrote (a row's sketch) to this one. */
  mergeEncoded(bytes: Uint8Array | null): void {
    if (!bytes || bytes.byteLength === 0) return;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 8 <= bytes.byteLength; at += 8) {
      const i = view.getInt32(at, true);
      const n = view.getInt32(at + 4, true);
      this.count += n;
      if (i === ZERO_INDEX) this.zeros += n;
      else this.bins.set(i, (this.bins.get(i) ?? 0) + n);
    }
  }

  static decode(bytes: Uint8Array | null): LatencySketch {
    const s = new LatencySketch();
    s.mergeEncoded(bytes);
    return s;
  }
}
