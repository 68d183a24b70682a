import type { Direction } from './types.ts';

/** A move waiting for a crane. */
export interface CraneJob {
  direction: Direction;
  /** What the move is: truck → IGV/storage, storage → IGV, IGV → truck/storage... */
  kind: 'unload-truck' | 'load-igv' | 'unload-igv' | 'load-truck';
}

/** Crane scheduler: ranks waiting moves (lower first; FIFO among equals). */
export interface CraneScheduler {
  readonly name: string;
  priorityOf(job: CraneJob): number;
}

/** First come, first served. */
export class FifoCranes implements CraneScheduler {
  readonly name = 'fifo';
  priorityOf(): number {
    return 0;
  }
}

/** Imports first (perishable fruit comes the other way, but import trucks wait at the exit). */
export class ImportFirstCranes implements CraneScheduler {
  readonly name = 'import-first';
  priorityOf(job: CraneJob): number {
    return job.direction === 'import' ? 0 : 1;
  }
}
