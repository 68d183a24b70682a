import type { Environment } from '../kernel/environment.ts';
import type { Event } from '../kernel/event.ts';
import type { Country } from '../model/control/types.ts';

/**
 * How many vehicles the smaller yard admits (scenario `control.traffic.params.admittedPerStop` and
 * `admissionMinStops`; defaults 1.5 and 10, filled in by fromScenario).
 */
export interface AdmissionRule {
  /** Vehicles admitted at once per working stop (transfer point, holding bay, charger) of the yard. */
  perStop: number;
  /**
   * The fewest working stops a yard needs to be capped. In a yard of a few stops the vehicles
   * driving to and from it outnumber them, and a cap counted from the far side's exit serialises the
   * road: on the deadlock-prone ladder (one transfer point a yard, 8 IGVs) a Chinese cap of 1 cut
   * the loaded crossings of half a day from over 111 to 48.
   */
  minStops: number;
}

/**
 * How many vehicles each side of the border admits at once: the yard with fewer working stops
 * (transfer points, holding bays and chargers) at most `rule.perStop` per stop, the other
 * without limit. Beyond that the small yard jams: at Huu Nghi 2030 the Vietnamese yard (15
 * transfer points, 5 bays, 3 chargers, one two-way aisle) took every vehicle past what its bays
 * could pass, they queued for transfer points, bays and chargers at once and drove back and forth
 * through the aisle, and 90 IGVs cleared fewer vehicles than 80 (3 seeds × 2 days: 2,493 vs
 * 2,812/day; capped at 34: 2,828 at 90, 2,832 at 100, 2,847 at 110). Only one side is capped, so
 * the caps can never hold the whole fleet out: a vehicle waiting to be admitted waits in the
 * uncapped yard, and every vehicle leaving the capped one frees a place for it.
 */
export class SideAdmission {
  /** Vehicles on each side or admitted to it. */
  private readonly on: Record<Country, number>;
  /** Vehicles waiting to be admitted to each side, first first. */
  private readonly queue: Record<Country, Event<void>[]> = { VN: [], CN: [] };

  constructor(
    private readonly env: Environment,
    /** The most vehicles each side admits (Infinity for no limit). */
    readonly cap: Readonly<Record<Country, number>>,
    /** Vehicles starting on each side (may exceed the cap: then none is admitted until enough left). */
    initial: Readonly<Record<Country, number>>,
  ) {
    for (const side of ['VN', 'CN'] as const) {
      if (!(cap[side] >= 1)) throw new Error(`admission cap for ${side} must be at least 1, got ${cap[side]}`);
    }
    this.on = { ...initial };
  }

  /**
   * The caps for yards with `stops` working stops each: the side with fewer gets `rule.perStop`
   * per stop (rounded down, at least 1), the other (and both, when equal or when the smaller has
   * fewer than `rule.minStops`) none.
   */
  static capsFor(stops: Readonly<Record<Country, number>>, rule: AdmissionRule): Record<Country, number> {
    if (!(rule.perStop > 0)) throw new Error(`admission: perStop must be > 0, got ${rule.perStop}`);
    const cap = (n: number): number => Math.max(1, Math.floor(rule.perStop * n));
    if (Math.min(stops.VN, stops.CN) < rule.minStops) return { VN: Infinity, CN: Infinity };
    if (stops.VN < stops.CN) return { VN: cap(stops.VN), CN: Infinity };
    if (stops.CN < stops.VN) return { VN: Infinity, CN: cap(stops.CN) };
    return { VN: Infinity, CN: Infinity };
  }

  /** Vehicles on or admitted to `side` now. */
  count(side: Country): number {
    return this.on[side];
  }

  /** Vehicles waiting to be admitted to `side`. */
  waiting(side: Country): number {
    return this.queue[side].length;
  }

  /** Admits a vehicle to `side` now (null) or returns the event that admits it when a place frees. */
  request(side: Country): Event<void> | null {
    if (this.on[side] < this.cap[side] && this.queue[side].length === 0) {
      this.on[side]++;
      return null;
    }
    const ev = this.env.event<void>();
    this.queue[side].push(ev);
    return ev;
  }

  /** A vehicle has left `side`: its place goes to the first one waiting, if the side is below its cap. */
  leave(side: Country): void {
    const next = this.queue[side][0];
    if (next !== undefined && this.on[side] - 1 < this.cap[side]) {
      this.queue[side].shift();
      next.succeed();
    } else this.on[side]--;
  }
}
