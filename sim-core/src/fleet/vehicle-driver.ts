import type { Event } from '../kernel/event.ts';
import type { Stretch } from './stretch.ts';

/**
 * The boundary between the fleet manager and one vehicle, as between a real fleet manager and a
 * real vehicle (openTCS's communication adapter): the manager sends commands, the vehicle reports
 * telemetry. A command returns at once with an event the manager waits for (`yield driver.drive(...)`
 * in a process, or a callback on it); the event's value is the telemetry at completion, and
 * `VehicleListener` hears what happens in between (a command that completes at once returns its
 * event already processed). A vehicle runs one command at a time. The
 * simulated driver (`SimulatedDriver`) plugs in exactly like an adapter to a real IGV would.
 */
export interface VehicleDriver {
  readonly vehicle: number;
  /** State of charge, 0..1. */
  readonly soc: number;
  /** Drive a booked stretch starting at `start` (ms, ≥ now): wait, drive, report arrival. */
  drive(stretch: Stretch, start: number, loaded: boolean): Event<VehicleTelemetry>;
  /** Stand at a charger or swap station for `durationMs`, then report a full battery. */
  charge(durationMs: number): Event<VehicleTelemetry>;
}

/** What a vehicle reports when a command completes. */
export interface VehicleTelemetry {
  kind: 'arrived' | 'charged';
  vehicle: number;
  /** Node where the vehicle stands now. */
  node: number;
  /** Time of the report, ms. */
  time: number;
  soc: number;
  /** Metres driven by the command. */
  distanceM: number;
  /** Time it stood broken down before reporting, ms (0 when nothing failed). */
  brokenMs: number;
}

/** What the manager hears from a vehicle between commands. */
export interface VehicleListener {
  /** The vehicle broke down (`down`) or was repaired. */
  onBreakdown(vehicle: number, down: boolean): void;
}
