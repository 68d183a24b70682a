/**
 * The geometric referee: a {@link VisualSink} that follows every IGV's footprint (length × width,
 * centred on the path point, long axis along the path heading) and fails the run on any overlap.
 *
 * When it checks. Events arrive in time order; before applying an event at time t the referee
 * checks the interval since the previous event, in chunks of {@link CHUNK_MS}. In each chunk a broad
 * phase (sweep and prune on boxes that contain each footprint over the whole chunk) keeps only
 * pairs that could touch, at least one of them moving; each such pair is then tested at every
 * motion-segment boundary of either vehicle (speed-profile phase changes, and path vertices where
 * the heading jumps: just before and at the jump) and every `stepMs` in between, first with
 * bounding circles and then with matter-js SAT (`Matter.Collision.collides`) on the two rectangles.
 * A pair proven apart skips ahead (conservative advancement): by the gap between the circles over
 * the two top speeds; until the next boundary, by the gap along a separating axis of the rectangles
 * over the speeds projected on it; on a common heading, by the speed difference and accelerations.
 * What is proven for a pair holds across chunks until either vehicle gets a new motion.
 *
 * Why the step is enough. Between two boundaries a footprint only translates, at most at the
 * highest speed v seen in the profiles, so the penetration depth of two footprints changes at most
 * at 2v m/s (each SAT axis overlap changes by at most the relative displacement). An overlap that
 * reaches depth d therefore lasts at least d / v seconds (d − 2v·|t − t*| > 0 on both sides of its
 * deepest instant t*). The default step is `1000 · DETECT_DEPTH_M / v` ms, capped at 100 ms: at the
 * IGVs' 18 km/h (5 m/s) that is 100 ms, and every overlap deeper than 0.5 m (a sixth of a 3 m-wide
 * footprint, far less than a real collision) falls on a sample; shallower grazes usually do too.
 */

import Matter from 'matter-js';
import type { Point } from '../../sim-core/src/model/scenario.ts';
import type { EntityKind, VisualEvent, VisualSink } from '../../sim-core/src/stream/visual-events.ts';
import { motionProblems } from '../../sim-core/src/stream/motion.ts';
import { VehicleTrack, type PairState, type Pose } from './vehicle-track.ts';

/** Broad-phase chunk length, ms: long enough to amortise the sweep, short enough for tight boxes. */
export const CHUNK_MS = 5000;
/** Overlaps deeper than this are guaranteed to be sampled (see the module comment), metres. */
export const DETECT_DEPTH_M = 0.5;
/** Penetration below this counts as touching, not overlapping (float noise on shared edges), m. */
export const TOUCH_M = 0.01;
/** A new motion must start within this distance of where the vehicle is, metres. */
export const JUMP_TOLERANCE_M = 0.5;

export interface RefereeOptions {
  /** IGV footprint (from `transport.igv.vehicle`). */
  lengthM: number;
  widthM: number;
  /** Fixed sampling step, ms; default: derived from the fastest profile (see the module comment). */
  stepMs?: number;
  /** Stop recording after this many findings (the run has failed anyway). Default 50. */
  maxFindings?: number;
}

/** Something the referee refuses: two footprints overlap, a vehicle jumps, or the stream is malformed. */
export type RefereeFinding =
  | { kind: 'overlap'; t: number; ids: [string, string]; poses: [Pose, Pose]; depthM: number }
  | { kind: 'jump'; t: number; id: string; from: Point; to: Point }
  | { kind: 'stream'; t: number; id: string; message: string };

export interface RefereeReport {
  ok: boolean;
  /** Pair-instant tests made (circle rejections included). */
  checks: number;
  /** Of which reached the SAT test. */
  satChecks: number;
  motions: number;
  vehicles: number;
  /** Sampling step used at the end of the run, ms. */
  stepMs: number;
  /** True when checking stopped at `maxFindings` findings. */
  truncated: boolean;
  findings: RefereeFinding[];
}

export class Referee implements VisualSink {
  private readonly tracks = new Map<string, VehicleTrack>();
  /** The same tracks in sweep-and-prune order (kept between chunks, nearly sorted). */
  private sweep: VehicleTrack[] = [];
  /** Ids spawned as something other than an IGV (their motions are not refereed). */
  private readonly others = new Set<string>();
  private readonly bodyA: Matter.Body;
  private readonly bodyB: Matter.Body;
  private readonly findings: RefereeFinding[] = [];
  private now = 0;
  private started = false;
  private checks = 0;
  private satChecks = 0;
  private motions = 0;
  private vehicles = 0;
  private vMax = 0;
  private readonly maxFindings: number;
  /** Poses of the last pair tested (read by checkPair to pick its advancement bound). */
  private poseA: Pose = { x: 0, y: 0, headingDeg: 0 };
  private poseB: Pose = { x: 0, y: 0, headingDeg: 0 };

  constructor(private readonly options: RefereeOptions) {
    if (!(options.lengthM > 0 && options.widthM > 0)) throw new Error(`referee: footprint must be positive, got ${options.lengthM} × ${options.widthM} m`);
    // Long axis along x at angle 0; the angle is set from the heading at every test.
    this.bodyA = Matter.Bodies.rectangle(0, 0, options.lengthM, options.widthM);
    this.bodyB = Matter.Bodies.rectangle(0, 0, options.lengthM, options.widthM);
    this.maxFindings = options.maxFindings ?? 50;
  }

  emit(event: VisualEvent): void {
    if (!this.started) {
      this.now = event.t;
      this.started = true;
    }
    if (event.t < this.now) {
      this.record({ kind: 'stream', t: event.t, id: 'id' in event ? event.id : event.container, message: `event at ${event.t} ms arrived after time ${this.now} ms; visual events must come in time order` });
      return;
    }
    if (event.t > this.now) this.advance(event.t);
    switch (event.type) {
      case 'spawn':
        this.spawn(event.id, event.kind, event.at, event.headingDeg ?? 0, event.t);
        break;
      case 'despawn': {
        const gone = this.tracks.get(event.id);
        if (gone !== undefined) {
          for (const tr of this.tracks.values()) tr.pairs.delete(gone);
          this.sweep = this.sweep.filter((tr) => tr !== gone);
        }
        this.tracks.delete(event.id);
        this.others.delete(event.id);
        break;
      }
      case 'motion': {
        if (this.others.has(event.id)) break;
        const track = this.tracks.get(event.id);
        if (track === undefined) {
          this.record({ kind: 'stream', t: event.t, id: event.id, message: `motion for "${event.id}", which was never spawned, so its footprint is unknown` });
          break;
        }
        const problems = motionProblems(event);
        if (problems.length > 0) {
          this.record({ kind: 'stream', t: event.t, id: event.id, message: `malformed motion: ${problems.join('; ')}` });
          break;
        }
        const here = track.poseAt(event.t);
        track.drive(event);
        const there = track.poseAt(event.t);
        if (Math.hypot(there.x - here.x, there.y - here.y) > JUMP_TOLERANCE_M) {
          this.record({ kind: 'jump', t: event.t, id: event.id, from: [here.x, here.y], to: [there.x, there.y] });
        }
        this.motions++;
        this.vMax = Math.max(this.vMax, track.maxSpeed());
        break;
      }
      default:
        break; // state, pick, drop: no geometry
    }
  }

  /** Checks up to time t (ms) and returns the verdict so far. */
  finish(t: number = this.now): RefereeReport {
    if (t > this.now) this.advance(t);
    return {
      ok: this.findings.length === 0,
      checks: this.checks,
      satChecks: this.satChecks,
      motions: this.motions,
      vehicles: this.vehicles,
      stepMs: this.stepMs(),
      truncated: this.findings.length >= this.maxFindings,
      findings: [...this.findings],
    };
  }

  private spawn(id: string, kind: EntityKind, at: Point, headingDeg: number, t: number): void {
    if (kind !== 'igv') {
      this.others.add(id);
      return;
    }
    if (this.tracks.has(id)) {
      this.record({ kind: 'stream', t, id, message: `"${id}" spawned twice without a despawn` });
      return;
    }
    const track = new VehicleTrack(id, this.options.lengthM, this.options.widthM, at, headingDeg);
    this.tracks.set(id, track);
    this.sweep.push(track);
    this.vehicles++;
    // A vehicle may not appear on top of another one.
    for (const other of this.tracks.values()) if (other !== track) this.testPair(track, other, t, pairState(track, other));
  }

  private stepMs(): number {
    if (this.options.stepMs !== undefined) return this.options.stepMs;
    return this.vMax > 0 ? Math.max(1, Math.min(100, Math.floor((1000 * DETECT_DEPTH_M) / this.vMax))) : 100;
  }

  private advance(to: number): void {
    // A failed run has said enough; stop spending time on it.
    if (this.findings.length >= this.maxFindings) {
      this.now = to;
      return;
    }
    for (let a = this.now; a < to; a += CHUNK_MS) this.checkChunk(a, Math.min(a + CHUNK_MS, to));
    this.now = to;
  }

  private checkChunk(a: number, b: number): void {
    const list = this.sweep;
    let anyMoves = false;
    for (const tr of list) anyMoves ||= tr.movesDuring(a, b);
    // Nothing moves (night, everyone at a crane): no pair can start to overlap.
    if (!anyMoves) {
      for (const tr of list) tr.settle(b);
      return;
    }
    for (const tr of list) tr.prepareChunk(a, b);
    // Insertion sort by the box's left edge: the order barely changes from one chunk to the next.
    for (let i = 1; i < list.length; i++) {
      const tr = list[i]!;
      let j = i - 1;
      while (j >= 0 && before(tr, list[j]!)) {
        list[j + 1] = list[j]!;
        j--;
      }
      list[j + 1] = tr;
    }
    const step = this.stepMs();
    const times: number[] = [];
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const bp = p.box;
      for (let j = i + 1; j < list.length; j++) {
        const q = list[j]!;
        const bq = q.box;
        if (bq.minX > bp.maxX) break;
        if (bq.minY > bp.maxY || bq.maxY < bp.minY) continue;
        // Two standing vehicles cannot start overlapping; they were tested when the second one stopped.
        if (!p.moving && !q.moving) continue;
        this.checkPair(p, q, a, b, step, times);
      }
    }
    for (const tr of list) tr.settle(b);
  }

  /**
   * One pair over [a, b]. Far apart, it jumps ahead by conservative advancement: the gap between
   * the two bounding circles (which do not care about heading jumps) cannot close faster than the
   * sum of the two top speeds, so no sample is needed before that. Two vehicles heading the same
   * way (a convoy on one lane, or one waiting behind another) close only at their speed
   * difference: until either reaches its next boundary the gap shrinks by at most
   * |Δv|·h + (A_p + A_q)·h²/2 for top accelerations A, which allows much longer jumps. Close, it
   * samples every `step` and at every boundary of either vehicle, just before and at it (the
   * heading jumps there).
   */
  private checkPair(p: VehicleTrack, q: VehicleTrack, a: number, b: number, step: number, times: number[]): void {
    const state = pairState(p, q);
    // A bound from an earlier chunk holds while neither vehicle has been given a new motion.
    const [lo, hi] = p.id < q.id ? [p, q] : [q, p];
    const fresh = state.versionP === lo.version && state.versionQ === hi.version;
    if (fresh && state.safeUntil > b) return;
    const closing = p.maxSpeed() + q.maxSpeed(); // m/s
    times.length = 0;
    p.boundariesIn(a, b, times);
    q.boundariesIn(a, b, times);
    times.sort((x, y) => x - y);
    const accel = p.maxAccel() + q.maxAccel(); // m/s²
    let k = 0;
    let t = fresh && state.safeUntil > a ? state.safeUntil : a;
    for (;;) {
      const gap = this.testPair(p, q, t, state);
      if (t >= b) return;
      while (k < times.length && times[k]! <= t) k++;
      const untilBoundary = (k < times.length ? times[k]! : b) - t; // ms
      // Heading-free bound from the circles; until the next boundary, the sharper one from the rectangles.
      let safeMs = gap > 0 ? (1000 * gap) / closing : 0;
      if (!state.overlapping) safeMs = Math.max(safeMs, Math.min(1000 * this.rectangleSafeSeconds(p, q, t, accel), untilBoundary));
      const next = t + Math.max(step, safeMs);
      if (safeMs >= step) {
        if (next > b) {
          // Safe beyond this chunk: remember until when, so the next chunks skip the pair.
          state.safeUntil = next;
          state.versionP = lo.version;
          state.versionQ = hi.version;
          return;
        }
      } else {
        // Boundaries before the next regular sample: test the instant before the jump and the jump.
        while (k < times.length && times[k]! < next) {
          const tb = times[k++]!;
          if (tb - 1e-3 > t) this.testPair(p, q, tb - 1e-3, state);
          this.testPair(p, q, tb, state);
        }
      }
      t = Math.min(next, b);
    }
  }

  /**
   * How long (s) the two rectangles at the last tested poses stay apart while neither heading
   * changes: for each separating axis n of the four, the gap g along n can only close by the
   * vehicles' motion along their headings u, at most v_p·|u_p·n| + v_q·|u_q·n| (top speeds); two
   * vehicles on the same heading close along n only by |u·n|·(|Δv|·h + A·h²/2). The best axis wins.
   * A vehicle passing a row of parked ones, or driving beside another lane, is thereby skipped for
   * long stretches instead of sampled every step.
   */
  private rectangleSafeSeconds(p: VehicleTrack, q: VehicleTrack, t: number, accel: number): number {
    const A = this.poseA;
    const B = this.poseB;
    const same = A.headingDeg === B.headingDeg;
    const dv = same ? Math.abs(p.speedAt(t) - q.speedAt(t)) : 0;
    const ha = (A.headingDeg * Math.PI) / 180;
    const hb = (B.headingDeg * Math.PI) / 180;
    const ua: Point = [Math.sin(ha), Math.cos(ha)];
    const ub: Point = [Math.sin(hb), Math.cos(hb)];
    const hl = p.lengthM / 2;
    const hw = p.widthM / 2;
    const dx = B.x - A.x;
    const dy = B.y - A.y;
    let best = 0;
    for (const n of [ua, [ua[1], -ua[0]] as Point, ub, [ub[1], -ub[0]] as Point]) {
      const kA = Math.abs(ua[0] * n[0] + ua[1] * n[1]);
      const kB = Math.abs(ub[0] * n[0] + ub[1] * n[1]);
      // Half-extent of a rectangle along n: hl·|u·n| + hw·|w·n|, and |w·n| = sqrt(1 − |u·n|²).
      const reach = hl * kA + hw * Math.sqrt(Math.max(0, 1 - kA * kA)) + hl * kB + hw * Math.sqrt(Math.max(0, 1 - kB * kB));
      const g = Math.abs(dx * n[0] + dy * n[1]) - reach;
      if (g <= 0) continue;
      let h: number;
      if (same) {
        const lin = kA * dv;
        const quad = (kA * accel) / 2;
        h = quad > 0 ? (-lin + Math.sqrt(lin * lin + 4 * quad * g)) / (2 * quad) : lin > 0 ? g / lin : Number.POSITIVE_INFINITY;
      } else {
        const rate = p.maxSpeed() * kA + q.maxSpeed() * kB;
        h = rate > 0 ? g / rate : Number.POSITIVE_INFINITY;
      }
      if (h > best) best = h;
    }
    return best;
  }

  /**
   * One pair at one instant: circles first, then SAT on the rectangles. Returns the gap between the
   * bounding circles (m), or 0 when they touch (then the rectangles were tested).
   */
  private testPair(p: VehicleTrack, q: VehicleTrack, t: number, state: PairState): number {
    this.checks++;
    const pa = p.poseAt(t);
    const pb = q.poseAt(t);
    this.poseA = pa;
    this.poseB = pb;
    const reach = p.radius + q.radius;
    const dx = pb.x - pa.x;
    const dy = pb.y - pa.y;
    const d = Math.hypot(dx, dy);
    if (d >= reach) {
      state.overlapping = false;
      return d - reach;
    }
    this.satChecks++;
    place(this.bodyA, pa);
    place(this.bodyB, pb);
    const hit = Matter.Collision.collides(this.bodyA, this.bodyB);
    if (hit === null || !hit.collided || hit.depth <= TOUCH_M) {
      state.overlapping = false;
      return 0;
    }
    if (state.overlapping) return 0;
    state.overlapping = true;
    const [first, second] = p.id < q.id ? ([[p.id, pa], [q.id, pb]] as const) : ([[q.id, pb], [p.id, pa]] as const);
    this.record({ kind: 'overlap', t, ids: [first[0], second[0]], poses: [{ ...first[1] }, { ...second[1] }], depthM: hit.depth });
    return 0;
  }

  private record(f: RefereeFinding): void {
    if (this.findings.length < this.maxFindings) this.findings.push(f);
  }
}

/** Sweep order: by the box's left edge, then by id so the order is total. */
function before(p: VehicleTrack, q: VehicleTrack): boolean {
  return p.box.minX < q.box.minX || (p.box.minX === q.box.minX && p.id < q.id);
}

/** The state of a pair, kept by the track with the smaller id. */
function pairState(p: VehicleTrack, q: VehicleTrack): PairState {
  const [owner, other] = p.id < q.id ? [p, q] : [q, p];
  let st = owner.pairs.get(other);
  if (st === undefined) {
    st = { versionP: -1, versionQ: -1, safeUntil: Number.NEGATIVE_INFINITY, overlapping: false };
    owner.pairs.set(other, st);
  }
  return st;
}

/** Puts a body at a pose. Heading is clockwise from north; matter's angle turns x towards y. */
function place(body: Matter.Body, pose: Pose): void {
  Matter.Body.setPosition(body, { x: pose.x, y: pose.y });
  Matter.Body.setAngle(body, ((90 - pose.headingDeg) * Math.PI) / 180);
}
