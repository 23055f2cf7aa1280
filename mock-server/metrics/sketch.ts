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
 * percentiles. Durations from a microsecond to an hour need about 1,100
 * buckets, and a time bucket's traffic uses a few dozen to a few hundred,
 * stored as (index, count) pairs.
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
/** Durations above this (an hour) count as an hour: the gateway answers long before. */
const MAX_MS = 3_600_000;
const LOWEST = Math.ceil(Math.log(MIN_MS) / LN_GAMMA);
const HIGHEST = Math.ceil(Math.log(MAX_MS) / LN_GAMMA);
/** The index that stands for zero in the encoding (no real bucket is this low). */
const ZERO_INDEX = -0x8000_0000;

/**
 * Counts per bucket in a dense array (about 1,100 buckets from a microsecond
 * to an hour), allocated on the first value, with the range in use tracked:
 * merging and reading touch only that range, with no allocation per value.
 */
export class LatencySketch {
  private counts: Float64Array | null = null;
  private lo = Infinity;
  private hi = -Infinity;
  private zeros = 0;
  count = 0;

  private bump(i: number, n: number): void {
    const k = Math.min(HIGHEST, Math.max(LOWEST, i)) - LOWEST;
    (this.counts ??= new Float64Array(HIGHEST - LOWEST + 1))[k]! += n;
    if (k < this.lo) this.lo = k;
    if (k > this.hi) this.hi = k;
  }

  add(ms: number, n = 1): void {
    this.count += n;
    if (!(ms >= MIN_MS)) this.zeros += n;
    else this.bump(Math.ceil(Math.log(ms) / LN_GAMMA), n);
  }

  merge(other: LatencySketch): void {
    this.count += other.count;
    this.zeros += other.zeros;
    if (!other.counts) return;
    const counts = (this.counts ??= new Float64Array(HIGHEST - LOWEST + 1));
    for (let k = other.lo; k <= other.hi; k++) counts[k]! += other.counts[k]!;
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
  }

  /** The value at quantile q (0–1), or null when empty: the lower of the two middle ranks, as DDSketch reads it. */
  quantile(q: number): number | null {
    return this.quantiles([q])[0]!;
  }

  /** The values at several quantiles (ascending), in one pass over the buckets: each bucket's middle, 2γ^i / (γ + 1). */
  quantiles(qs: readonly number[]): (number | null)[] {
    if (this.count === 0) return qs.map(() => null);
    const out: (number | null)[] = [];
    let k = this.lo;
    let seen = this.zeros;
    let value = 0;
    for (const q of qs) {
      const rank = q * (this.count - 1);
      while (seen <= rank && this.counts && k <= this.hi) {
        const n = this.counts[k]!;
        if (n > 0) {
          seen += n;
          value = (2 * GAMMA ** (k + LOWEST)) / (GAMMA + 1);
        }
        k++;
      }
      out.push(value);
    }
    return out;
  }

  /** (index, count) pairs as little-endian 32-bit integers: what a bucket row stores. */
  encode(): Buffer {
    let pairs = this.zeros > 0 ? 1 : 0;
    if (this.counts) for (let k = this.lo; k <= this.hi; k++) if (this.counts[k]! > 0) pairs++;
    const out = Buffer.alloc(pairs * 8);
    let at = 0;
    const put = (i: number, n: number) => {
      out.writeInt32LE(i, at);
      out.writeInt32LE(n, at + 4);
      at += 8;
    };
    if (this.zeros > 0) put(ZERO_INDEX, this.zeros);
    if (this.counts) for (let k = this.lo; k <= this.hi; k++) if (this.counts[k]! > 0) put(k + LOWEST, this.counts[k]!);
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
      else this.bump(i, n);
    }
  }

  static decode(bytes: Uint8Array | null): LatencySketch {
    const s = new LatencySketch();
    s.mergeEncoded(bytes);
    return s;
  }
}
