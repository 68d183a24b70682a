import type { BatteryConfig } from '../model/config.ts';

/**
 * When an IGV goes to charge, and how much energy its driving uses. The `threshold` policy sends
 * a vehicle to a charger (or swap station) when its state of charge falls below
 * `rechargeBelowShare` at the end of a job; a swap or plug-in charge brings it back to full.
 */
export interface ChargingPolicy {
  readonly name: string;
  /** True when a vehicle with state of charge `soc` (0..1) should charge before its next job. */
  needsCharge(soc: number): boolean;
  /** State of charge used by driving `metres`, loaded or empty (0..1 of the battery). */
  use(metres: number, loaded: boolean): number;
}

export class ThresholdCharging implements ChargingPolicy {
  readonly name = 'threshold';

  constructor(private readonly battery: BatteryConfig) {}

  needsCharge(soc: number): boolean {
    return soc < this.battery.rechargeBelowShare;
  }

  use(metres: number, loaded: boolean): number {
    const b = this.battery;
    return ((metres / 1000) * (loaded ? b.kwhPerKm.loaded : b.kwhPerKm.empty)) / b.capacityKwh;
  }
}

/** The charging policy of a strategy name. */
export function createChargingPolicy(name: string, battery: BatteryConfig): ChargingPolicy {
  if (name === 'threshold') return new ThresholdCharging(battery);
  throw new Error(`unknown charging strategy '${name}' (known: threshold)`);
}
