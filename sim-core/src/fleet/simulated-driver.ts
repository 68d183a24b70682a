import type { Environment } from '../kernel/environment.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
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
 */
export class SimulatedDriver implements VehicleDriver {
  soc: number;
  private untilFailure: number;
  readonly id: string;

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

  *drive(stretch: Stretch, start: number, loaded: boolean): ProcessBody<VehicleTelemetry> {
    const env = this.env;
    const ms = stretch.durationMs;
    if (this.visual !== null) {
      this.visual.emit({ type: 'motion', t: env.now, id: this.id, path: stretch.path, profile: stretch.profile.toMotion(start), end: start + ms });
    }
    const wait = start - env.now + ms;
    if (wait > 0) yield wait;
    const metres = stretch.lengthM;
    this.soc = Math.max(0, this.soc - this.charging.use(metres, loaded));
    let brokenMs = 0;
    this.untilFailure -= ms;
    if (this.untilFailure <= 0) {
      brokenMs = Math.max(1, this.failures!.mttr.sampleMs(this.rng));
      this.untilFailure = this.timeToFailure();
      this.listener.onBreakdown(this.vehicle, true);
      yield brokenMs;
      this.listener.onBreakdown(this.vehicle, false);
    }
    return { kind: 'arrived', vehicle: this.vehicle, node: stretch.to, time: env.now, soc: this.soc, distanceM: metres, brokenMs: f64(brokenMs) };
  }

  *charge(durationMs: number): ProcessBody<VehicleTelemetry> {
    if (durationMs > 0) yield durationMs;
    this.soc = 1;
    return { kind: 'charged', vehicle: this.vehicle, node: -1, time: this.env.now, soc: 1, distanceM: 0, brokenMs: 0 };
  }
}
