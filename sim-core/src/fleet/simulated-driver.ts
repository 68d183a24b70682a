import type { Environment } from '../kernel/environment.ts';
import { NORMAL, TAG, type Event } from '../kernel/event.ts';
import type { FailureConfig } from '../model/config.ts';
import type { Rng } from '../random/rng.ts';
import type { VisualSink } from '../stream/visual-events.ts';
import type { ChargingPolicy } from './charging-policy.ts';
import type { Stretch } from './stretch.ts';
import type { VehicleDriver, VehicleListener, VehicleTelemetry } from './vehicle-driver.ts';
import { f64 } from '../kernel/shapes.ts';

/**
 * A simulated IGV: drives booked stretches with their exact speed profile (streamed as one
 * MotionEvent each when a viewer listens), uses energy by distance and load, and fails after a
 * time to failure counted in driving time. A failure that strikes on a stretch stops the vehicle
 * at the stop node it was driving to, which it then blocks until repaired (MTTR): others wait for
 * that node or take another one.
 *
 * A command runs as kernel calls, not as a generator the manager delegates to: for performance
 * reasons, since every resume of a delegated generator passes through every generator of the
 * manager's chain above it. The calls are scheduled exactly as the waits a process would yield
 * (same delay, priority and trace tag, at the same moment), so the trace is the same either way.
 */
export class SimulatedDriver implements VehicleDriver {
  soc: number;
  private untilFailure: number;
  readonly id: string;
  /** The command running (one at a time), fired with its telemetry when it completes. */
  private command: Event<VehicleTelemetry> | null = null;
  private stretch: Stretch | null = null;
  private loaded = false;
  private brokenMs = 0;

  constructor(
    private readonly env: Environment,
    readonly vehicle: number,
    initialSoc: number,
    private readonly charging: ChargingPolicy,
    private readonly failures: FailureConfig | null,
    private readonly rng: Rng,
    private readonly visual: VisualSink | null,
    private readonly listener: VehicleListener,
  ) {
    this.soc = initialSoc;
    this.id = `igv:${vehicle}`;
    this.untilFailure = f64(this.timeToFailure());
  }

  private timeToFailure(): number {
    return this.failures === null ? Infinity : Math.max(1, this.failures.mtbf.sampleMs(this.rng));
  }

  drive(stretch: Stretch, start: number, loaded: boolean): Event<VehicleTelemetry> {
    const env = this.env;
    const done = this.begin('drive');
    const ms = stretch.durationMs;
    if (this.visual !== null) {
      this.visual.emit({ type: 'motion', t: env.now, id: this.id, path: stretch.path, profile: stretch.profile.toMotion(start), end: start + ms });
    }
    this.stretch = stretch;
    this.loaded = loaded;
    const wait = start - env.now + ms;
    if (wait > 0) env.call(wait, SimulatedDriver.arrive, this, NORMAL, TAG.WAKE);
    else this.arrive();
    return done;
  }

  charge(durationMs: number): Event<VehicleTelemetry> {
    const done = this.begin('charge');
    if (durationMs > 0) this.env.call(durationMs, SimulatedDriver.charged, this, NORMAL, TAG.WAKE);
    else this.charged();
    return done;
  }

  private begin(what: string): Event<VehicleTelemetry> {
    if (this.command !== null) throw new Error(`${this.id}: ${what} commanded while another command runs`);
    const done = this.env.event<VehicleTelemetry>();
    this.command = done;
    return done;
  }

  /** At the end of the stretch: energy, then a breakdown if one is due (the repair is a second wait). */
  private arrive(): void {
    const ms = this.stretch!.durationMs;
    this.soc = Math.max(0, this.soc - this.charging.use(this.stretch!.lengthM, this.loaded));
    this.brokenMs = 0;
    this.untilFailure -= ms;
    if (this.untilFailure <= 0) {
      this.brokenMs = Math.max(1, this.failures!.mttr.sampleMs(this.rng));
      this.untilFailure = this.timeToFailure();
      this.listener.onBreakdown(this.vehicle, true);
      this.env.call(this.brokenMs, SimulatedDriver.repaired, this, NORMAL, TAG.WAKE);
      return;
    }
    this.arrived();
  }

  private repaired(): void {
    this.listener.onBreakdown(this.vehicle, false);
    this.arrived();
  }

  private arrived(): void {
    const s = this.stretch!;
    this.stretch = null;
    this.report({ kind: 'arrived', vehicle: this.vehicle, node: s.to, time: this.env.now, soc: this.soc, distanceM: s.lengthM, brokenMs: f64(this.brokenMs) });
  }

  private charged(): void {
    this.soc = 1;
    this.report({ kind: 'charged', vehicle: this.vehicle, node: -1, time: this.env.now, soc: 1, distanceM: 0, brokenMs: 0 });
  }

  /** Completes the command now, inside the kernel call that ends it: whoever waits on it continues at once. */
  private report(t: VehicleTelemetry): void {
    const done = this.command!;
    this.command = null;
    done.fireNow(t);
  }

  // The kernel call actions: static, so that a command schedules no closure.
  private static arrive(d: SimulatedDriver): void {
    d.arrive();
  }
  private static repaired(d: SimulatedDriver): void {
    d.repaired();
  }
  private static charged(d: SimulatedDriver): void {
    d.charged();
  }
}
