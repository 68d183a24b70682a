import { writeFileSync } from 'node:fs';
import { processThreads, threadClock, type ThreadClock } from './thread-clock.ts';

/** What one replication cost in its worker thread (times in ms since the main thread's start). */
export interface JobTiming {
  index: number;
  worker: number;
  startMs: number;
  endMs: number;
  /** fromScenario: turning the scenario JSON into the model's configuration. */
  setupMs: number;
  /** CPU of the worker thread during the job, and the time it was ready but had no core. */
  cpuMs: number | null;
  waitMs: number | null;
}

/** What a worker reports with each result: its clock readings, times as epoch ms. */
export interface WorkerJobClock {
  startEpochMs: number;
  endEpochMs: number;
  setupMs: number;
  clock: ThreadClock | null;
}

interface Mark {
  name: string;
  atMs: number;
  /** The main thread's CPU so far. */
  cpuMs: number | null;
}

interface WorkerInfo {
  tid: number | null;
  spawnMs: number;
  readyMs: number;
}

/**
 * Where an experiment's wall time goes, for the benchmark and for anyone tuning the executor:
 * marks of the main thread's phases, each worker's start-up, every job's time and CPU, and at the
 * end the CPU of every thread of the process (main, workers, and the rest: V8's GC and compiler
 * helpers). Off unless CROSSING_TWIN_TIMINGS names a file; written there as JSON at exit. Kept
 * apart from the results, which must not depend on how (or how fast) they were computed.
 */
export class TimingLog {
  readonly marks: Mark[] = [];
  readonly workers: WorkerInfo[] = [];
  readonly jobs: JobTiming[] = [];
  private threads: Map<number, ThreadClock> | null = null;

  constructor(private readonly file: string) {
    process.once('exit', () => this.write());
  }

  mark(name: string): void {
    this.marks.push({ name, atMs: performance.now(), cpuMs: threadClock()?.cpuMs ?? null });
  }

  /** ms since this (main) thread's time origin of an epoch time from another thread. */
  static sinceStart(epochMs: number): number {
    return epochMs - performance.timeOrigin;
  }

  worker(tid: number | null, spawnMs: number): void {
    this.workers.push({ tid, spawnMs, readyMs: performance.now() });
  }

  job(index: number, worker: number, c: WorkerJobClock): void {
    this.jobs.push({ index, worker, startMs: TimingLog.sinceStart(c.startEpochMs), endMs: TimingLog.sinceStart(c.endEpochMs), setupMs: c.setupMs, cpuMs: c.clock?.cpuMs ?? null, waitMs: c.clock?.waitMs ?? null });
  }

  /** Reads every thread's clock; called before the workers stop (their threads vanish with them). */
  snapshotThreads(): void {
    this.threads = processThreads();
  }

  private write(): void {
    this.mark('exit');
    const threads = this.threads ?? processThreads();
    const workerTids = new Set(this.workers.map((w) => w.tid));
    const main = threads.get(process.pid) ?? null;
    const sum = (pick: (tid: number) => boolean): { cpuMs: number; waitMs: number } => {
      let cpuMs = 0;
      let waitMs = 0;
      for (const [tid, c] of threads) {
        if (!pick(tid)) continue;
        cpuMs += c.cpuMs;
        waitMs += c.waitMs;
      }
      return { cpuMs, waitMs };
    };
    const cpu = process.cpuUsage();
    const summary = {
      wallMs: performance.now(),
      processCpuMs: (cpu.user + cpu.system) / 1000,
      // The main thread's clock is read at exit; the others when the pool closed (after that only
      // the main thread works: formatting and writing the output).
      threads: {
        main: main === null ? null : { cpuMs: (threadClock() ?? main).cpuMs, waitMs: (threadClock() ?? main).waitMs },
        workers: sum((tid) => workerTids.has(tid)),
        others: sum((tid) => tid !== process.pid && !workerTids.has(tid)),
      },
    };
    writeFileSync(this.file, `${JSON.stringify({ summary, marks: this.marks, workers: this.workers, jobs: this.jobs }, null, 1)}\n`);
  }
}

/** The process's log, when CROSSING_TWIN_TIMINGS asks for one. */
export const timings: TimingLog | null = process.env.CROSSING_TWIN_TIMINGS ? new TimingLog(process.env.CROSSING_TWIN_TIMINGS) : null;
