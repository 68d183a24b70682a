import type { Event } from '../kernel/event.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
import type { Country } from './control/types.ts';
import type { CrossingModel } from './crossing-model.ts';
import type { TransportJob, TransportObserver } from './igv-pool.ts';
import type { Box } from './plant.ts';
import { TRACE } from './trace-codes.ts';

/*
 * The crossing model's side of its transport (the IGV pool or the fleet on the lane network):
 * what the transport reports to the model and the containers it is given to carry. Classes, not
 * literals or closures made per run or per container (sim-core/README.md, "Shapes that never change").
 */

/**
 * What the transport tells the model and asks of it. A class with methods rather than a literal of
 * closures, for performance reasons: closures are new functions in every run, and optimized code
 * that called the previous run's throws itself away ("wrong call target") in a sweep worker.
 */
export class ModelObserver implements TransportObserver {
  constructor(private readonly model: CrossingModel) {}

  onTrip(igv: number, loaded: boolean): void {
    this.model.kpi.trip(loaded);
    this.model.env.record(TRACE.IGV_TRIP, igv, loaded ? 1 : 0);
  }

  onCrossed(job: TransportJob): void {
    this.model.crossed(job.box);
  }

  borderGates(from: Country): ProcessBody<void> {
    return this.model.borderGates(from);
  }

  gate(from: Country, which: 'exit' | 'entry'): Event<number> {
    return this.model.borderGate(from, which);
  }
}

/**
 * A container for the transport to carry: its load and unload as the model's methods, not generator
 * functions made per container (each its own function, whose generators V8 sees as objects of a
 * shape of their own: the code that resumes them never settles).
 */
export class ContainerJob implements TransportJob {
  constructor(
    private readonly model: CrossingModel,
    readonly box: Box,
    readonly from: 'VN' | 'CN',
  ) {}

  load(igv: number): ProcessBody<void> {
    return this.model.loadOntoIgv(this.box, this.from, igv);
  }

  unload(igv: number): ProcessBody<void> {
    return this.model.unloadIgv(this.box, igv);
  }
}
