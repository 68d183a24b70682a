import { planProfile, type SpeedProfile } from '../../../src/fleet/kinematics.ts';
import type { Rng } from '../../../src/random/rng.ts';

/**
 * A random speed profile for the lane-gap tests: 1-8 pieces of 5-305 m with caps of 0.8-6.8 m/s,
 * acceleration 0.3-1.3 and deceleration 0.4-1.4 m/s², all drawn from `rng`.
 */
export function randomProfile(rng: Rng): SpeedProfile {
  const k = 1 + Math.floor(rng.next() * 8);
  const lengths = Array.from({ length: k }, () => 5 + rng.next() * 300);
  const caps = Array.from({ length: k }, () => 0.8 + rng.next() * 6);
  return planProfile(lengths, caps, 0.3 + rng.next(), 0.4 + rng.next());
}
