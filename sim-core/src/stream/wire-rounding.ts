import type { Point } from '../model/scenario.ts';
import { PROFILE_STRIDE } from './motion.ts';
import type { VisualEvent } from './visual-events.ts';

/**
 * A visual event as it goes on the wire to viewers: motions with their numbers rounded to what a
 * viewer can show (path points to the millimetre; phase starts to 10 µs, distances, speeds and
 * accelerations to 4 decimals), other events unchanged. An IGV's exact motion is full doubles,
 * about 600 bytes of JSON, most of it digits no screen resolves: rounding roughly halves it, and
 * IGV motions were 40 % of a live stream's bytes. The model, the referee and the trace keep the
 * exact numbers; only the stream a viewer receives (and its join snapshot) is rounded.
 */
export function forWire(e: VisualEvent): VisualEvent {
  if (e.type !== 'motion') return e;
  const path = e.path.map((p): Point => [round(p[0], 1e3), round(p[1], 1e3)]);
  const profile = e.profile.map((x, i) => round(x, i % PROFILE_STRIDE === 0 ? 1e2 : 1e4));
  return { ...e, path, profile };
}

function round(x: number, scale: number): number {
  return Math.round(x * scale) / scale;
}
