import cliProgress from 'cli-progress';

/** A progress sink for batches: total may grow (a capacity search adds probes as it goes). */
export interface Progress {
  add(total: number): void;
  tick(): void;
  stop(): void;
}

/**
 * A progress bar with ETA on stderr when stderr is a terminal (stdout stays clean for --json and
 * tables); nothing otherwise, so logs and tests see no control characters.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY !== true) return { add: () => {}, tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({ format: `${label} {bar} {value}/{total} replications | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: true, stream, etaBuffer: 20 }, cliProgress.Presets.shades_classic);
  let total = 0;
  let value = 0;
  let started = false;
  return {
    add(n) {
      total += n;
      if (!started) {
        bar.start(total, value);
        started = true;
      } else bar.setTotal(total);
    },
    tick() {
      value++;
      if (started) bar.update(value);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
