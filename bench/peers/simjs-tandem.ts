/**
 * The standard workload written for SIM.JS 2.0.3 (npm `simjs`), the peer of the kernel benchmark.
 * It uses SIM.JS's own idiom (an Entity with setTimer and FCFS Facilities) but draws its samples
 * from the same TandemSampler, so the customers are exactly those of our two versions and the
 * mean waits must match.
 */
import { createRequire } from 'node:module';
import { TandemSampler, type TandemConfig } from '../../sim-core/src/index.ts';

interface SimJsRequest {
  done(callback: (this: any, arg?: any) => void, context?: unknown, argument?: unknown): SimJsRequest;
}
interface SimJsEntity {
  sim: { time(): number };
  setTimer(duration: number): SimJsRequest;
  useFacility(facility: unknown, duration: number): SimJsRequest;
}
/**
 * SIM.JS 2.0.3 ships a browserify bundle without a CommonJS export: requiring it in Node gives {}.
 * The bundle publishes its API on `window.Sim` when a `window` exists, so provide one while loading.
 */
function loadSimJs(): unknown {
  const g = globalThis as { window?: unknown };
  const had = 'window' in g;
  g.window = globalThis;
  try {
    createRequire(import.meta.url)('simjs');
    return (globalThis as unknown as { Sim: unknown }).Sim;
  } finally {
    if (!had) delete g.window;
    delete (globalThis as { Sim?: unknown }).Sim;
  }
}

const { Sim, Entity, Facility } = loadSimJs() as {
  Sim: new () => { addEntity(k: unknown): SimJsEntity; simulate(end: number): boolean; time(): number };
  Entity: new (...a: any[]) => SimJsEntity;
  Facility: (new (name: string, discipline: number, servers: number) => unknown) & { FCFS: number };
};

export interface SimJsTandemResult {
  completed: number;
  meanWaitMs: number[];
  simulatedMs: number;
  /** Events SIM.JS takes from its queue: one timer per arrival, one per service completion. */
  events: number;
}

export function runTandemSimJs(config: TandemConfig): SimJsTandemResult {
  const sim = new Sim();
  const sampler = new TandemSampler(config);
  const n = config.stations.length;
  const facilities = config.stations.map((s, i) => new Facility(`station-${i + 1}`, Facility.FCFS, s.servers));
  const waitSum = new Float64Array(n);
  let generated = 0;
  let completed = 0;

  interface Customer {
    services: Float64Array;
    station: number;
    requestedAt: number;
  }

  class Source extends Entity {
    start(): void {
      if (config.customers > 0) this.setTimer(sampler.interarrivalMs()).done(this.arrive, this);
    }
    arrive(): void {
      const services = new Float64Array(n);
      for (let k = 0; k < n; k++) services[k] = sampler.serviceMs(k);
      this.visit({ services, station: 0, requestedAt: 0 });
      if (++generated < config.customers) this.setTimer(sampler.interarrivalMs()).done(this.arrive, this);
    }
    visit(c: Customer): void {
      c.requestedAt = this.sim.time();
      this.useFacility(facilities[c.station], c.services[c.station]!).done(this.served, this, c);
    }
    served(c: Customer): void {
      // The callback fires when service ends: wait = time spent minus the service itself.
      waitSum[c.station]! += this.sim.time() - c.requestedAt - c.services[c.station]!;
      c.station++;
      if (c.station < n) this.visit(c);
      else completed++;
    }
  }

  sim.addEntity(Source);
  sim.simulate(Number.MAX_SAFE_INTEGER);
  return {
    completed,
    meanWaitMs: Array.from(waitSum, (w) => w / completed),
    simulatedMs: sim.time(),
    events: generated + n * completed,
  };
}
