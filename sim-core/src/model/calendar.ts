/**
 * Opening hours of one side of the crossing: a daily window and whole closed days (Tet). Time is
 * ms since the scenario start, which is midnight (local time) of day 0.
 */
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

export class OpeningCalendar {
  private readonly closed: ReadonlySet<number>;

  /**
   * @param openMs start of the daily window, ms after midnight (0 for 24 h)
   * @param closeMs end of the daily window, ms after midnight (MS_PER_DAY for 24 h); > openMs
   * @param closedDays day indices (0 = the first day) on which the side stays closed all day
   */
  constructor(
    readonly openMs: number,
    readonly closeMs: number,
    closedDays: readonly number[] = [],
  ) {
    if (!(openMs >= 0 && closeMs <= MS_PER_DAY && closeMs > openMs)) {
      throw new RangeError(`opening window ${openMs}..${closeMs} ms must lie within a day and close after it opens`);
    }
    this.closed = new Set(closedDays);
  }

  /** Open around the clock except on closed days. */
  static always(closedDays: readonly number[] = []): OpeningCalendar {
    return new OpeningCalendar(0, MS_PER_DAY, closedDays);
  }

  /** True when the side is open at `t` (ms). */
  isOpen(t: number): boolean {
    const day = Math.floor(t / MS_PER_DAY);
    if (this.closed.has(day)) return false;
    const inDay = t - day * MS_PER_DAY;
    return inDay >= this.openMs && inDay < this.closeMs;
  }

  /** `t` itself when open, otherwise the next opening time (ms); Infinity if it never opens again within a year. */
  nextOpen(t: number): number {
    if (this.isOpen(t)) return t;
    let day = Math.floor(t / MS_PER_DAY);
    for (let i = 0; i <= 366; i++, day++) {
      if (this.closed.has(day)) continue;
      const open = day * MS_PER_DAY + this.openMs;
      if (open >= t) return open;
    }
    return Infinity;
  }

  /** While open at `t`, the time (ms) this opening ends; `t` when closed. */
  nextClose(t: number): number {
    if (!this.isOpen(t)) return t;
    let day = Math.floor(t / MS_PER_DAY);
    let end = day * MS_PER_DAY + this.closeMs;
    // A 24 h window runs on into the next day unless that day is closed.
    while (this.openMs === 0 && this.closeMs === MS_PER_DAY && !this.closed.has(day + 1) && end - t < 366 * MS_PER_DAY) {
      day++;
      end = day * MS_PER_DAY + this.closeMs;
    }
    return end;
  }
}

/** Parses "HH:MM" into ms after midnight ("24:00" is the end of the day). */
export function clockToMs(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (m === null) throw new RangeError(`'${hhmm}' is not a time of day HH:MM`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new RangeError(`'${hhmm}' is not a time of day HH:MM`);
  return h * MS_PER_HOUR + min * 60_000;
}
