import type { TargetVerdict } from './target-verdict.ts';

/** Settings of a CI-aware bisection over a demand level (e.g. vehicles per day). */
export interface CapacitySearchOptions {
  /** Lowest and highest level to consider, in the level's unit; low < high. */
  low: number;
  high: number;
  /** Stop when the bracket [met, missed] is at most this wide (level unit, > 0). */
  resolution: number;
  /** Replications of a first look at a level (≥ 2). */
  initialReps: number;
  /** Replications a level may get before an undecided verdict is accepted as "at the knee". */
  maxReps: number;
  /** Replications added to an undecided level at a time (≥ 1). */
  repStep: number;
  /** Levels are rounded to multiples of this (e.g. 1 for whole vehicles); default 1. */
  step?: number;
}

/** What the search wants next. */
export type SearchStep = { kind: 'probe'; level: number; reps: number } | { kind: 'done'; result: CapacityResult };

/** One level the search looked at and what it concluded there. */
export interface Probe {
  level: number;
  reps: number;
  verdict: TargetVerdict;
}

/**
 * The answer: `capacity` is the highest level judged to meet the target (null when even `low`
 * misses it); `bracket` is [highest met, lowest level above it not met: missed or undecided]
 * (either end null when not found);
 * `bounded` is false when `high` itself met the target (the capacity is at least `high`);
 * an undecided `high` bounds the search like a miss;
 * `kneeUndecided` lists levels where even `maxReps` replications could not decide: the target is
 * met there within the noise, and they count as neither met nor missed.
 */
export interface CapacityResult {
  capacity: number | null;
  bracket: [number | null, number | null];
  bounded: boolean;
  probes: Probe[];
  kneeUndecided: number[];
}

/**
 * Bisection that decides each probe with a confidence interval: a level is met or missed only
 * when its interval says so; an undecided level gets `repStep` more replications up to `maxReps`,
 * then counts as part of the knee and bounds the search from above (it cannot be claimed as met). The
 * caller runs replications and reports verdicts with {@link observe}; the search itself is pure.
 */
export class CapacitySearch {
  private met: number | null = null;
  private missed: number | null = null;
  private readonly probes: Probe[] = [];
  private readonly undecided: number[] = [];
  private pending: { level: number; reps: number } | null = null;
  private done: CapacityResult | null = null;
  private readonly step: number;

  constructor(private readonly o: CapacitySearchOptions) {
    if (!(o.low < o.high)) throw new RangeError(`low (${o.low}) must be below high (${o.high})`);
    if (!(o.resolution > 0)) throw new RangeError(`resolution must be > 0, got ${o.resolution}`);
    if (!(Number.isInteger(o.initialReps) && o.initialReps >= 2)) throw new RangeError(`initialReps must be a whole number ≥ 2, got ${o.initialReps}`);
    if (!(Number.isInteger(o.maxReps) && o.maxReps >= o.initialReps)) throw new RangeError(`maxReps must be a whole number ≥ initialReps, got ${o.maxReps}`);
    if (!(Number.isInteger(o.repStep) && o.repStep >= 1)) throw new RangeError(`repStep must be a whole number ≥ 1, got ${o.repStep}`);
    this.step = o.step ?? 1;
    if (!(this.step > 0)) throw new RangeError(`step must be > 0, got ${this.step}`);
  }

  /** The next probe (a level and how many replications it should have in all), or the answer. */
  next(): SearchStep {
    if (this.done !== null) return { kind: 'done', result: this.done };
    if (this.pending !== null) return { kind: 'probe', ...this.pending };
    const level = this.nextLevel();
    if (level === null) return this.finish();
    this.pending = { level, reps: this.o.initialReps };
    return { kind: 'probe', ...this.pending };
  }

  /** The verdict at the pending level with the replications it asked for. */
  observe(level: number, verdict: TargetVerdict): void {
    const p = this.pending;
    if (p === null || p.level !== level) throw new Error(`no probe pending at level ${level}`);
    if (verdict === 'undecided' && p.reps < this.o.maxReps) {
      this.pending = { level, reps: Math.min(this.o.maxReps, p.reps + this.o.repStep) };
      return;
    }
    this.pending = null;
    this.probes.push({ level, reps: p.reps, verdict });
    if (verdict === 'met') this.met = Math.max(this.met ?? -Infinity, level);
    else if (verdict === 'missed') this.missed = Math.min(this.missed ?? Infinity, level);
    else this.undecided.push(level);
  }

  private round(x: number): number {
    return Math.round(x / this.step) * this.step;
  }

  /** Ends first (low, high), then bisects the bracket, skipping levels already settled. */
  private nextLevel(): number | null {
    const seen = (l: number): boolean => this.probes.some((p) => p.level === l);
    if (!seen(this.o.low)) return this.o.low;
    if (this.met === null) return null; // even the lowest level misses
    if (!seen(this.o.high)) return this.o.high;
    // An undecided top of the range bounds the search like a miss: the knee is below or at it.
    const top = this.missed ?? (this.undecided.includes(this.o.high) ? this.o.high : null);
    if (top === null) return null; // the highest level meets it
    // An undecided level cannot be claimed as met, so it bounds the search from above like a miss:
    // the answer is the highest level met with confidence, just below the knee's noisy band.
    const lo = this.met;
    let hi = top;
    for (const u of this.undecided) if (u > lo && u < hi) hi = u;
    if (hi - lo <= this.o.resolution) return null;
    const mid = this.round((lo + hi) / 2);
    if (mid <= lo || mid >= hi || seen(mid)) return null;
    return mid;
  }

  private finish(): SearchStep {
    // The bracket's top is the first level above the capacity that was not met: missed or undecided.
    const above = [...this.undecided.filter((u) => this.met === null || u > this.met), ...(this.missed === null ? [] : [this.missed])];
    this.done = {
      capacity: this.met,
      bracket: [this.met, above.length === 0 ? null : Math.min(...above)],
      bounded: this.met !== this.o.high,
      probes: [...this.probes],
      kneeUndecided: [...this.undecided].sort((a, b) => a - b),
    };
    return { kind: 'done', result: this.done };
  }
}
