export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles: every figure is a latency that was really observed. */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Items per second over a span measured with performance.now(). */
export function perSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : NaN;
}

/** A throughput figure and the latency of each unit of work (a batch call or a single call), in ms. */
export interface Measurement {
  readonly count: number;
  readonly elapsedMs: number;
  readonly perSecond: number;
  readonly latencyMs: Percentiles;
}

/**
 * Accumulates one phase's calls, which may run in several slices interleaved with other phases: a noisy machine
 * then slows the baseline and the measured code alike, and the ratio between them holds.
 */
export class Recorder {
  private readonly latencies: number[] = [];
  private count = 0;
  private elapsedMs = 0;

  /** One call on its own: its duration is a latency sample and elapsed time; it carries `count` items. */
  async sequential(count: number, call: () => Promise<unknown>): Promise<void> {
    const started = performance.now();
    await call();
    const took = performance.now() - started;
    this.latencies.push(took);
    this.count += count;
    this.elapsedMs += took;
  }

  /** Calls `call(i)` for i in [from, to) with `concurrency` in flight; one item each; the slice's wall time is elapsed. */
  async concurrent(from: number, to: number, concurrency: number, call: (index: number) => Promise<unknown>): Promise<void> {
    let next = from;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(concurrency, to - from) }, async () => {
        while (next < to) {
          const index = next++;
          const callStarted = performance.now();
          await call(index);
          this.latencies.push(performance.now() - callStarted);
        }
      }),
    );
    this.count += to - from;
    this.elapsedMs += performance.now() - started;
  }

  measurement(): Measurement {
    return {
      count: this.count,
      elapsedMs: this.elapsedMs,
      perSecond: perSecond(this.count, this.elapsedMs),
      latencyMs: percentiles(this.latencies),
    };
  }
}

/** Nearest-rank quantile (`fraction` in (0, 1]) of the samples; NaN when there are none. */
export function quantile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}
