import type { Environment } from '../kernel/environment.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
import type { Rng } from '../random/rng.ts';
import type { OutageConfig } from './config.ts';
import { TRACE } from './trace-codes.ts';

/**
 * The real-time data exchange with China: up, except during scheduled windows and random outages
 * (MTBF/MTTR). While it is down, advance data is missing and customs cannot pre-clear.
 */
export class DataExchange {
  /** Is the exchange up now? */
  up = true;

  constructor(
    private readonly env: Environment,
    private readonly config: OutageConfig,
    private readonly rng: Rng,
  ) {}

  /** The process that takes the exchange down and up again. */
  *run(): ProcessBody<void> {
    const o = this.config;
    const windows = [...o.scheduled].sort((a, b) => a.startMs - b.startMs);
    let nextRandom = o.random === null ? Infinity : this.env.now + o.random.mtbf.sampleMs(this.rng);
    for (const w of windows) {
      while (nextRandom < w.startMs) {
        yield* this.randomOutage(nextRandom);
        nextRandom = this.env.now + o.random!.mtbf.sampleMs(this.rng);
      }
      if (w.startMs > this.env.now) yield w.startMs - this.env.now;
      yield* this.outage(w.durationMs);
    }
    while (nextRandom < Infinity) {
      yield* this.randomOutage(nextRandom);
      nextRandom = this.env.now + o.random!.mtbf.sampleMs(this.rng);
    }
  }

  /** A random outage due at `at` (ms); one that fell inside a scheduled window starts after it. */
  private *randomOutage(at: number): ProcessBody<void> {
    if (at > this.env.now) yield at - this.env.now;
    yield* this.outage(this.config.random!.mttr.sampleMs(this.rng));
  }

  private *outage(ms: number): ProcessBody<void> {
    this.up = false;
    this.env.record(TRACE.DATA_EXCHANGE, 0);
    yield ms;
    this.up = true;
    this.env.record(TRACE.DATA_EXCHANGE, 1);
  }
}
