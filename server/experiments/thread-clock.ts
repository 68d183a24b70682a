import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of one thread and the time it was ready to run but waited for a core, ms, from Linux's
 * scheduler statistics (/proc/.../schedstat: ns on a CPU, ns on the run queue, time slices). The
 * wait is the contention figure: other processes, our own threads or V8's GC helpers holding the
 * cores while this thread had work. Node 20 has no per-thread CPU clock (process.cpuUsage is the
 * whole process), so this is Linux-only: null elsewhere.
 */
export interface ThreadClock {
  cpuMs: number;
  waitMs: number;
}

function parseSchedstat(text: string): ThreadClock | null {
  const [cpu, wait] = text.trim().split(/\s+/).map(Number);
  if (cpu === undefined || wait === undefined || !Number.isFinite(cpu) || !Number.isFinite(wait)) return null;
  return { cpuMs: cpu / 1e6, waitMs: wait / 1e6 };
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The calling thread's clock (a worker thread reads its own: the read runs on that thread). */
export function threadClock(): ThreadClock | null {
  const text = read('/proc/thread-self/schedstat');
  return text === null ? null : parseSchedstat(text);
}

/** The calling thread's kernel id (tid), to find it among the process's threads; null off Linux. */
export function threadId(): number | null {
  const text = read('/proc/thread-self/stat');
  const tid = text === null ? NaN : Number(text.slice(0, text.indexOf(' ')));
  return Number.isInteger(tid) ? tid : null;
}

/** Every live thread of this process by tid: main, worker isolates, V8's GC and compiler helpers, libuv. */
export function processThreads(): Map<number, ThreadClock> {
  const out = new Map<number, ThreadClock>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    const text = read(`/proc/self/task/${tid}/schedstat`);
    const clock = text === null ? null : parseSchedstat(text);
    if (clock !== null) out.set(Number(tid), clock);
  }
  return out;
}

/** `b − a`, or null when either is unknown. */
export function elapsed(a: ThreadClock | null, b: ThreadClock | null): ThreadClock | null {
  return a === null || b === null ? null : { cpuMs: b.cpuMs - a.cpuMs, waitMs: b.waitMs - a.waitMs };
}
