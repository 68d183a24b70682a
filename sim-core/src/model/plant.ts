import type { Environment } from '../kernel/environment.ts';
import { Event, NORMAL, TAG } from '../kernel/event.ts';
import { F64_ZERO } from '../kernel/shapes.ts';
import type { RandomStreams } from '../random/random-streams.ts';
import type { Rng } from '../random/rng.ts';
import { Resource } from '../resources/resource.ts';
import { Store } from '../resources/store.ts';
import { unitBreakdowns, type BreakdownLog } from './breakdowns.ts';
import type { OpeningCalendar } from './calendar.ts';
import type { Duration, FailureConfig, GateConfig, YardConfig } from './config.ts';
import type { GateController } from './control/gate-controller.ts';
import type { CrossingVisuals } from '../stream/crossing-visuals.ts';

/** A container on its way through the crossing. */
export interface Box {
  /** Ledger id, "container:<n>". */
  id: string;
  n: number;
  direction: 'export' | 'import';
  channel: 'green' | 'yellow' | 'red';
  /** When it entered the system (arrived on a truck), ms. */
  arrivedAt: number;
  /** When its customs checks were done on the Vietnamese side, ms (-1 until then). */
  clearedAt: number;
  /** When its Vietnamese document check is (or was) done, ms (-1 until declared). */
  checkDoneAt: number;
  /** Whether it skipped storage at the loading yard (an IGV loads it with a handover only). */
  direct: boolean;
  /** Fruit (exports): quarantine inspection share on the Chinese side. */
  fruit: boolean;
}

/** A resource whose units fail and are repaired, if the scenario says so. */
export function failingResource(env: Environment, name: string, units: number, failures: FailureConfig | null, streams: RandomStreams, log: BreakdownLog): Resource {
  const r = new Resource(env, Math.max(1, units), { name, discipline: 'priority' });
  if (failures !== null) {
    for (let u = 0; u < r.capacity; u++) env.process(unitBreakdowns(env, r, failures.mtbf, failures.mttr, streams.stream(`${name}:failures:${u}`), log), `${name}:failures:${u}`);
  }
  return r;
}

/** One direction of a gate (entry or exit): lanes, read steps, barrier, and the controller deciding. */
export class Gate {
  readonly lanes: Resource;
  private readonly rng: Rng;
  /** Trucks (or IGVs) diverted to a manual check. */
  manualChecks = 0;
  /** Visual emitter, set by the model when somebody watches. */
  visuals: CrossingVisuals | null = null;
  /** What `pass` returns when the gates stage is off: processed, so a process yielding it goes on at once. */
  private readonly open: Event<number>;
  /** @internal A lane's admission test: whether the side is open now (one per gate, not per pass). */
  readonly isOpen = (): boolean => this.hours.isOpen(this.env.now);

  constructor(
    readonly env: Environment,
    readonly name: string,
    private readonly config: GateConfig,
    way: 'entry' | 'exit',
    /** False when the gates stage is switched off: passing takes no time. */
    private readonly enabled: boolean,
    /** The side's opening hours: a gate admits vehicles only while open. */
    readonly hours: OpeningCalendar,
    private readonly controller: GateController,
    streams: RandomStreams,
    log: BreakdownLog,
  ) {
    const lanes = way === 'entry' ? config.entryLanes : config.exitLanes;
    this.lanes = failingResource(env, name, lanes, enabled ? config.failures : null, streams, log);
    this.rng = streams.stream(name);
    this.open = env.event<number>();
    this.open.fireNow(0);
  }

  /**
   * One vehicle passes: the automated reads (each may fail), the controller's decision, the manual
   * check of what failed, then the barrier. The lane is held throughout. The event succeeds with
   * the queueing time when the vehicle is through (at once when the gates stage is off).
   * `vehicle` (a ledger id) only names what the viewer draws in the lane.
   *
   * An event to `yield`, not a generator to delegate to: for performance reasons, as each resume of
   * a delegated generator passes through every generator above it (a truck's, an IGV's task) and a
   * gate pass is one more generator to compile. Its waits are scheduled as the generator's were
   * (same delay, priority and trace tag, at the same moment), so the trace is the same.
   */
  pass(vehicle = ''): Event<number> {
    if (!this.enabled) return this.open;
    const rng = this.rng;
    let work = 0;
    const reads = { plate: true, code: true, 'e-seal': true, driver: true };
    for (const step of this.config.steps) {
      work += step.time.sampleMs(rng);
      reads[step.name] = rng.next() >= step.failShare;
    }
    const decision = this.controller.decide(reads);
    if (decision.kind === 'manual-check') {
      this.manualChecks++;
      for (const step of this.config.steps) if (decision.failed.includes(step.name)) work += step.manual.sampleMs(rng);
    }
    work += this.config.passage.sampleMs(rng);
    this.visuals?.gate(this.name, vehicle, work);
    return new GatePass(this, work);
  }
}

/**
 * One vehicle's pass through a gate's lanes for `work` ms (see `Gate.pass`). Vehicles still
 * queueing when the side closes wait for the next opening and queue again.
 */
class GatePass extends Event<number> {
  private queued = F64_ZERO;
  private asked = F64_ZERO;
  /** Added to each lane usage: the pass goes on when it ends. */
  private readonly onUsed = (u: Event<number>): void => this.used(u.value);

  constructor(
    private readonly gate: Gate,
    private readonly work: number,
  ) {
    super(gate.env);
    this.queue();
  }

  /** Waits for the side to open (as a process sleeping that long), then asks for a lane. */
  private queue(): void {
    const env = this.env;
    const closedFor = openDelay(env, this.gate.hours);
    if (closedFor > 0) env.enqueue(closedFor, GatePass.reopened, this, NORMAL, TAG.WAKE);
    else this.ask();
  }

  private ask(): void {
    this.asked = this.env.now;
    this.gate.lanes.use(this.work, 0, this.gate.isOpen).addCallback(this.onUsed);
  }

  /** The lane usage ended: through (`q` ≥ 0, its queueing time), or turned away by a closing (-1). */
  private used(q: number): void {
    if (q >= 0) {
      this.fireNow(this.queued + q);
      return;
    }
    this.queued += this.env.now - this.asked;
    this.queue();
  }

  private static reopened(p: GatePass): void {
    p.ask();
  }
}

/** A transfer yard: cranes and the two storage blocks (export and import direction). */
export class Yard {
  readonly cranes: Resource;
  /** Containers leaving this side, waiting for a carrier (IGV). */
  readonly outbound: Store<Box>;
  /** Containers that arrived at this side, waiting for checks and a truck. */
  readonly inbound: Store<Box>;
  private readonly rng: Rng;
  /** Crane moves made. */
  moves = 0;
  /** Visual emitter, set by the model when somebody watches. */
  visuals: CrossingVisuals | null = null;
  /** What `move` returns when the yard is off: processed, so a process yielding it goes on at once. */
  private readonly idle: Event<number>;

  constructor(
    private readonly env: Environment,
    readonly name: string,
    private readonly config: YardConfig,
    streams: RandomStreams,
    log: BreakdownLog,
    outboundSlots: number,
    inboundSlots: number,
  ) {
    this.cranes = failingResource(env, `${name}:cranes`, config.units, config.enabled ? config.failures : null, streams, log);
    this.outbound = new Store<Box>(env, Math.max(1, outboundSlots), { name: `${name}:outbound` });
    this.inbound = new Store<Box>(env, Math.max(1, inboundSlots), { name: `${name}:inbound` });
    this.rng = streams.stream(`${name}:cranes`);
    this.idle = env.event<number>();
    this.idle.fireNow(0);
  }

  /**
   * One crane move at `priority` (lower first). With `handover` the container lands on or lifts
   * from an IGV, which dwells at the transfer point for the handover time, in parallel with the
   * crane's cycle: the caller is held for the queue plus the longer of the two. The event succeeds
   * with the queueing time (at once when the yard is off).
   *
   * An event to `yield`, not a generator to delegate to, for performance reasons (see `Gate.pass`):
   * the crane's usage itself when the dwell ends first, else the usage and then the rest of the
   * dwell, scheduled as the generator slept it (same delay, priority and trace tag, same moment).
   */
  move(priority: number, handover: boolean): Event<number> {
    if (!this.config.enabled) return this.idle;
    const work = this.config.cycle.sampleMs(this.rng);
    const dwell = handover ? this.config.handover.sampleMs(this.rng) : 0;
    this.moves++;
    this.visuals?.crane(this.name, work);
    const usage = this.cranes.use(work, priority);
    return dwell > work ? new LongerDwell(usage, dwell - work) : usage;
  }

  /**
   * A container the crane set down in the transfer lane for direct transfer: the IGV only dwells
   * for the handover, no second crane move (the saving the yard planner's "direct" decision buys).
   * Returns the dwell (ms, 0 when the yard is off), for the caller to sleep.
   */
  handover(): number {
    if (!this.config.enabled) return 0;
    return this.config.handover.sampleMs(this.rng);
  }
}

/** A crane move whose handover dwell outlasts the crane's cycle: the usage, then `rest` ms more (see `Yard.move`). */
class LongerDwell extends Event<number> {
  private queued = F64_ZERO;
  private readonly onUsed = (u: Event<number>): void => this.used(u.value);

  constructor(
    usage: Event<number>,
    private readonly rest: number,
  ) {
    super(usage.env);
    usage.addCallback(this.onUsed);
  }

  private used(queued: number): void {
    this.queued = queued;
    this.env.enqueue(this.rest, LongerDwell.dwelt, this, NORMAL, TAG.WAKE);
  }

  private static dwelt(d: LongerDwell): void {
    d.fireNow(d.queued);
  }
}

/** How long (ms) until `calendar` is open: 0 when it is. */
export function openDelay(env: Environment, calendar: OpeningCalendar): number {
  const t = calendar.nextOpen(env.now);
  if (t === Infinity) throw new Error('the crossing never opens again within a year');
  return t - env.now;
}
