/**
 * Which unit of a group (gate lanes, scanner lanes, cranes, bays) serves a job, and when, for
 * drawing only. The model's resources count units without naming them; this schedule names them by
 * replaying the same first-come-first-served rule with the work known when the job asks: a job
 * starts on the unit that frees first, at the later of now and that time (the Kiefer–Wolfowitz
 * recursion of a multi-server FIFO queue). It is exact for FIFO groups without breakdowns; with
 * priorities, breakdowns or closing hours the picture may run ahead of the model by a little, which
 * a viewer cannot tell. Times are simulation milliseconds.
 */

export interface UnitSlot {
  /** Unit index, 0-based. */
  unit: number;
  /** Start and end of the job on it, ms. */
  start: number;
  end: number;
}

export class UnitSchedule {
  private readonly freeAt: number[];

  constructor(units: number) {
    this.freeAt = new Array<number>(Math.max(1, units)).fill(0);
  }

  get units(): number {
    return this.freeAt.length;
  }

  /** Books a job of `workMs` asked at `now` on the unit that frees first (lowest index on ties). */
  book(now: number, workMs: number): UnitSlot {
    let unit = 0;
    let best = Infinity;
    for (let i = 0; i < this.freeAt.length; i++) {
      const f = Math.max(now, this.freeAt[i]!);
      if (f < best) {
        best = f;
        unit = i;
      }
    }
    const end = best + Math.max(0, workMs);
    this.freeAt[unit] = end;
    return { unit, start: best, end };
  }
}
