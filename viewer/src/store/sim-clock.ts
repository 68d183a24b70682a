/**
 * The display clock: which simulation time the scene shows. It advances with the wall clock at the
 * chosen speed while playing, and never runs past `horizon`, the latest time the source has
 * delivered (the server's clock, or how far the worker has run), so the scene never guesses ahead
 * of the data. When it falls too far behind a live server it catches up at once instead of
 * lagging forever. Mutated by the frame loop, no allocation.
 */

export class SimClock {
  /** Displayed simulation time, ms. */
  t = 0;
  playing = true;
  /** Simulated seconds per wall second. */
  speed = 60;
  /** Latest simulation time the source has delivered, ms. */
  horizon = 0;
  /** How far behind the horizon the display may fall before it jumps, in wall seconds at `speed`. */
  maxLagWallS = 3;

  /** Moves the display time on by `dtWallS` wall seconds. */
  tick(dtWallS: number): number {
    if (this.playing) {
      const dt = Math.min(dtWallS, 1) * this.speed * 1000; // a stalled tab does not leap
      this.t = Math.min(this.t + dt, this.horizon);
      const maxLag = this.maxLagWallS * this.speed * 1000;
      if (this.horizon - this.t > maxLag) this.t = this.horizon - maxLag;
    }
    return this.t;
  }

  /** Back to time `t` (restart, new session). */
  reset(t = 0): void {
    this.t = t;
    this.horizon = t;
  }
}
