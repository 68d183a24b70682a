import type { Environment } from '../kernel/environment.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
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
  private readonly isOpen = (): boolean => this.hours.isOpen(this.env.now);

  constructor(
    private readonly env: Environment,
    readonly name: string,
    private readonly config: GateConfig,
    way: 'entry' | 'exit',
    /** False when the gates stage is switched off: passing takes no time. */
    private readonly enabled: boolean,
    /** The side's opening hours: a gate admits vehicles only while open. */
    private readonly hours: OpeningCalendar,
    private readonly controller: GateController,
    streams: RandomStreams,
    log: BreakdownLog,
  ) {
    const lanes = way === 'entry' ? config.entryLanes : config.exitLanes;
    this.lanes = failingResource(env, name, lanes, enabled ? config.failures : null, streams, log);
    this.rng = streams.stream(name);
  }

  /**
   * One vehicle passes: the automated reads (each may fail), the controller's decision, the manual
   * check of what failed, then the barrier. The lane is held throughout. Returns the queueing time.
   * `vehicle` (a ledger id) only names what the viewer draws in the lane.
   */
  *pass(vehicle = ''): ProcessBody<number> {
    if (!this.enabled) return 0;
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
    // Vehicles still queueing when the side closes wait for the next opening and queue again.
    let queued = 0;
    for (;;) {
      const closedFor = openDelay(this.env, this.hours);
      if (closedFor > 0) yield closedFor;
      const asked = this.env.now;
      const q: number = yield this.lanes.use(work, 0, this.isOpen);
      if (q >= 0) return queued + q;
      queued += this.env.now - asked;
    }
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
  }

  /**
   * One crane move at `priority` (lower first). With `handover` the container lands on or lifts
   * from an IGV, which dwells at the transfer point for the handover time, in parallel with the
   * crane's cycle: the caller is held for the queue plus the longer of the two. Returns the
   * queueing time.
   */
  *move(priority: number, handover: boolean): ProcessBody<number> {
    if (!this.config.enabled) return 0;
    const work = this.config.cycle.sampleMs(this.rng);
    const dwell = handover ? this.config.handover.sampleMs(this.rng) : 0;
    this.moves++;
    this.visuals?.crane(this.name, work);
    const queued: number = yield this.cranes.use(work, priority);
    if (dwell > work) yield dwell - work;
    return queued;
  }

  /**
   * A container the crane set down in the transfer lane for direct transfer: the IGV only dwells
   * for the handover, no second crane move (the saving the yard planner's "direct" decision buys).
   */
  *handover(): ProcessBody<void> {
    if (!this.config.enabled) return;
    const dwell = this.config.handover.sampleMs(this.rng);
    if (dwell > 0) yield dwell;
  }
}

/** How long (ms) until `calendar` is open: 0 when it is. */
export function openDelay(env: Environment, calendar: OpeningCalendar): number {
  const t = calendar.nextOpen(env.now);
  if (t === Infinity) throw new Error('the crossing never opens again within a year');
  return t - env.now;
}
