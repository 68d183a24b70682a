import { describe, expect, it } from 'vitest';
import { Environment, RandomStreams, Resource, parseDistSpec, type ProcessBody, type TimedDistribution } from '../src/index.ts';
import { unitBreakdowns } from '../src/model/breakdowns.ts';
import { clockToMs, MS_PER_DAY, MS_PER_HOUR, OpeningCalendar } from '../src/model/calendar.ts';
import { HourlyArrivals } from '../src/model/hourly-arrivals.ts';
import { Ledger } from '../src/model/ledger.ts';

function dist(spec: unknown): TimedDistribution {
  const r = parseDistSpec(spec, '$');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('OpeningCalendar', () => {
  const cal = new OpeningCalendar(clockToMs('07:00'), clockToMs('20:00'), [2]);
  it('is open 07:00-20:00 except on closed days', () => {
    expect(cal.isOpen(6 * MS_PER_HOUR)).toBe(false);
    expect(cal.isOpen(7 * MS_PER_HOUR)).toBe(true);
    expect(cal.isOpen(20 * MS_PER_HOUR - 1)).toBe(true);
    expect(cal.isOpen(20 * MS_PER_HOUR)).toBe(false);
    expect(cal.isOpen(2 * MS_PER_DAY + 10 * MS_PER_HOUR)).toBe(false);
  });
  it('the next opening after an evening is the next morning, skipping closed days', () => {
    expect(cal.nextOpen(21 * MS_PER_HOUR)).toBe(MS_PER_DAY + 7 * MS_PER_HOUR);
    expect(cal.nextOpen(MS_PER_DAY + 21 * MS_PER_HOUR)).toBe(3 * MS_PER_DAY + 7 * MS_PER_HOUR);
    expect(cal.nextOpen(8 * MS_PER_HOUR)).toBe(8 * MS_PER_HOUR);
    expect(cal.nextClose(8 * MS_PER_HOUR)).toBe(20 * MS_PER_HOUR);
  });
  it('a 24 h calendar closes only at a closed day', () => {
    const always = OpeningCalendar.always([3]);
    expect(always.nextClose(5 * MS_PER_HOUR)).toBe(3 * MS_PER_DAY);
    expect(always.nextOpen(3 * MS_PER_DAY + 1)).toBe(4 * MS_PER_DAY);
  });
  it('refuses malformed clock times and windows', () => {
    expect(() => clockToMs('7h')).toThrow(/HH:MM/);
    expect(() => clockToMs('24:30')).toThrow(/HH:MM/);
    expect(clockToMs('24:00')).toBe(MS_PER_DAY);
    expect(() => new OpeningCalendar(clockToMs('20:00'), clockToMs('07:00'))).toThrow(/close after it opens/);
  });
});

describe('HourlyArrivals', () => {
  it('spreads arrivals over the hours in proportion to the profile (Poisson counts within 5 sd)', () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h < 6 ? 0.5 : h < 18 ? 2 : 1));
    const arrivals = new HourlyArrivals(2400, profile);
    const rng = new RandomStreams(7).stream('arrivals');
    const days = 30;
    const perHour = new Array<number>(24).fill(0);
    let t = 0;
    for (;;) {
      t = arrivals.next(t, rng);
      if (t >= days * MS_PER_DAY) break;
      perHour[Math.floor(t / MS_PER_HOUR) % 24]!++;
    }
    const sum = profile.reduce((s, w) => s + w, 0);
    perHour.forEach((count, h) => {
      const expected = (days * 2400 * profile[h]!) / sum;
      expect(Math.abs(count - expected), `hour ${h}`).toBeLessThan(5 * Math.sqrt(expected));
    });
  });
  it('an hour with zero weight gets no arrivals and a zero rate never arrives', () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h === 3 ? 0 : 1));
    const arrivals = new HourlyArrivals(5000, profile);
    const rng = new RandomStreams(1).stream('a');
    let t = 0;
    for (let i = 0; i < 20_000; i++) {
      t = arrivals.next(t, rng);
      expect(Math.floor(t / MS_PER_HOUR) % 24).not.toBe(3);
    }
    expect(new HourlyArrivals(0, profile).next(0, rng)).toBe(Infinity);
    expect(() => new HourlyArrivals(10, [1, 2])).toThrow(/24 weights/);
  });
});

describe('Ledger', () => {
  it('balances entered, left and in system per kind, and reports violations', () => {
    const l = new Ledger();
    l.enter('container', 'container:1', 'vn-truck');
    l.enter('container', 'container:2', 'cn-yard');
    l.move('container:1', 'igv:3');
    l.leave('container', 'container:2');
    expect(l.check('container')).toEqual({ entered: 2, left: 1, inSystem: 1, ok: true });
    expect(l.locationOf('container:1')).toBe('igv:3');
    expect(l.occupancy()).toEqual({ 'igv:3': 1 });
    l.move('container:9', 'nowhere');
    expect(l.check('container').ok).toBe(false);
    expect(l.violations).toEqual(['container:9 moved to nowhere but is not in the system']);
  });
});

describe('breakdowns and resource usage', () => {
  it('a breakdown interrupts a crane move, which finishes its remaining work after the repair', () => {
    const env = new Environment();
    const crane = new Resource(env, 1, { name: 'crane', discipline: 'priority' });
    const done: number[] = [];
    env.process(
      (function* (): ProcessBody<void> {
        const queued: number = yield crane.use(100);
        done.push(env.now, queued);
      })(),
    );
    // Down at 30 for 50 ms: 30 ms done, 70 left after the repair at 80 → finishes at 150.
    env.process(
      (function* (): ProcessBody<void> {
        yield 30;
        const req = crane.request(-1, true);
        yield req;
        yield 50;
        crane.release(req);
      })(),
    );
    env.run();
    expect(done).toEqual([150, 50]);
  });

  it('with random failures every job still completes and the busy time equals work plus downtime', () => {
    const env = new Environment();
    const streams = new RandomStreams(3);
    const gate = new Resource(env, 2, { name: 'gate', discipline: 'priority' });
    const downs: Array<[boolean, number]> = [];
    for (let u = 0; u < 2; u++) {
      env.process(unitBreakdowns(env, gate, dist({ dist: 'exp', mean: 2, unit: 'h' }), dist({ dist: 'uniform', min: 5, max: 20, unit: 'min' }), streams.stream(`gate-failures-${u}`), { onChange: (_r, down, t) => downs.push([down, t]) }));
    }
    const service = dist({ dist: 'tri', min: 6, mode: 15, max: 30, unit: 's' });
    const rng = streams.stream('gate');
    let completed = 0;
    let work = 0;
    const jobs = 2000;
    env.process(
      (function* (): ProcessBody<void> {
        for (let i = 0; i < jobs; i++) {
          yield 20_000;
          const ms = service.sampleMs(rng);
          work += ms;
          env.process(
            (function* (): ProcessBody<void> {
              yield gate.use(ms);
              completed++;
            })(),
          );
        }
      })(),
    );
    env.run(jobs * 20_000 + 3 * MS_PER_HOUR);
    expect(completed).toBe(jobs);
    // ∫ (units down) dt, from the breakdown log, up to now.
    let downArea = 0;
    let downNow = 0;
    let last = 0;
    for (const [down, t] of downs) {
      downArea += downNow * (t - last);
      last = t;
      downNow += down ? 1 : -1;
    }
    downArea += downNow * (env.now - last);
    expect(downs.filter(([d]) => !d).length).toBeGreaterThan(5);
    // Every unit is busy either with a job or with its repair: nothing is lost or counted twice.
    expect(gate.busy.integral(env.now)).toBe(work + downArea);
  });
});
