/**
 * Checks that a second run in the same process (what a sweep worker does) reshapes none of
 * sim-core's objects: sim-core/README.md, "Hot paths and V8", "Shapes that never change".
 *
 * Also checks the first run after its first simulated hour (everything has been built by then), as a
 * cold day is a first run: a field widened there throws code away as well (KNOWN_FIRST_RUN).
 *
 * Runs two short models of the huu-nghi-smart-2030 preset, one after the other, in a child Node
 * with V8's `--trace-generalization` (which reports every field V8 widens: a small integer that
 * becomes a double, an object type that becomes "any", a constant that becomes mutable), and fails
 * when the second run widens a field of an object built by sim-core code. V8's map logic is
 * deterministic for a given sequence of stores; a full collection is not, since it frees the maps of
 * objects no longer alive (the first run's, between the runs), which V8 then builds again, field by
 * field, in the second: so the child starts with an old generation large enough that no full
 * collection runs (`--initial-old-space-size`; a fresh clone's first run, with tsx's cache cold,
 * collected once and failed the check on maps nothing but the collection had changed), and
 * `--single-threaded`: with TurboFan compiling beside the run, whether a function is optimized
 * before or after a store changed what some stores widened. Then the check depends on neither
 * timing nor load. `--no-sparkplug` only because that trace crashes when printing a
 * baseline-compiled frame (Node 20). Run by `npm test` (`npm run check:shapes`), about 3 s; exits 1 and lists each widening
 * with the field and the source line that stored into it.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
// Markers written by V8 itself (a field widened on purpose), so that they land in the trace in order:
// the trace goes through C's buffered stdout, apart from what the script writes.
const MARK = 'checkShapesSecondRun:';
const END = 'checkShapesSecondRunEnd:';
/** The first run's hours after the first: what widens there throws code away on a cold day too. */
const FIRST_MARK = 'checkShapesFirstRunLate:';
const FIRST_END = 'checkShapesFirstRunLateEnd:';

/**
 * Widenings that code outside sim-core's owners' reach still causes, each with its reason. The check
 * fails as well when one of them no longer happens, so that the list cannot outlive its cause.
 */
const KNOWN: ReadonlyArray<[RegExp, string]> = [
  [
    /^speedsMps:.* \[[*~]?shapedCopy\+\d+ at sim-core\/src\/kernel\/shapes\.ts/,
    "the configuration's speedsMps: shapedCopy, optimized by the second run, stores a speeds object of another map than the first run's interpreted copy did (read once per run, by NetworkTransport's constructor: no hot path relies on it)",
  ],
];

/**
 * Widenings the first run may still make after its first hour (a field widened there throws away
 * code on a cold day: sim-core/README.md, "the first run counts too"), each with why it is left.
 * The same rule as KNOWN: the check fails when one of them no longer happens.
 */
const KNOWN_FIRST_RUN: ReadonlyArray<[RegExp, string]> = [
  [/^(emptyCrossings|breakdowns|charges):.* at sim-core\/src\/fleet\/fleet-manager\.ts/, "the fleet's counters first incremented mid-run (the first empty crossing, breakdown, charge): only the summary reads them"],
  [/^beforeBreakdown:.* at sim-core\/src\/fleet\/fleet-manager\.ts/, "a vehicle's state before its first breakdown: read once, when it is repaired"],
  [/^inspected:.* at sim-core\/src\/model\/vn-customs\.ts/, "the customs counter of physical inspections, first incremented mid-run: only the summary reads it"],
  [/^(first|more|ok):.* at sim-core\/src\/kernel\/event\.ts/, "an event class (map) first given a callback or settled hours in; to fix it the Event constructor would write these fields twice for every event"],
];

/**
 * Fields of sim-core objects widened after `MARK` and before `END` (`--trace-generalization` lines
 * such as `time:s{Any;const}->d{Any;mutable}`): a representation, a field type or a constness that
 * changed. Lines that change nothing (V8 also reports a literal's template refilled in place) are left out.
 */
export function widenings(trace: string, mark = MARK, end = END): string[] {
  const from = trace.indexOf(mark);
  const to = trace.indexOf(end, from);
  const part = trace.slice(Math.max(0, from), to < 0 ? undefined : to);
  const out: string[] = [];
  for (const line of part.split('\n')) {
    const m = /^\[generalizing\](\S+?):(\w)\{([^;]*);(\w+)\}->(\w)\{([^;]*);(\w+)\}(.*)$/.exec(line);
    if (m === null || !line.includes('/sim-core/src/')) continue;
    // fromScenario's literals are drafts: the model reads their shapedCopy, built by assignment.
    if (line.includes('/sim-core/src/model/from-scenario.ts')) continue;
    const [, , r1, t1, c1, r2, t2, c2] = m;
    if (r1 === r2 && t1!.replace(/\(0x\w+\)/, '') === t2!.replace(/\(0x\w+\)/, '') && c1 === c2) continue;
    const text = line.replace('[generalizing]', '').replace(/file:\/\/\S*?\/sim-core\//, 'sim-core/');
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/** Makes V8 print `[generalizing]<name>:s{...}->d{...}`: a field that held a small integer gets a double. */
function mark(name: string): void {
  const o: Record<string, number> = {};
  o[name] = 1;
  o[name] = 0.5;
}

async function child(): Promise<void> {
  const { loadScenario } = await import('../scenarios/index.ts');
  const { fromScenario } = await import('../sim-core/src/model/from-scenario.ts');
  const { CrossingModel } = await import('../sim-core/src/model/crossing-model.ts');
  const { summarize } = await import('../sim-core/src/model/run-summary.ts');
  const loaded = loadScenario('huu-nghi-smart-2030');
  if (!loaded.ok) throw new Error(`huu-nghi-smart-2030 is invalid: ${JSON.stringify(loaded.errors)}`);
  // Different demand and seed in the second run, as in a sweep: six hours each, long enough for
  // every kind of object to be built and every statistic to see doubles. The summary (the run's
  // output, which no hot path reads) is left out of the check.
  for (const [i, vehiclesPerDay] of [2000, 2250].entries()) {
    if (i === 1) mark('checkShapesSecondRun');
    const scenario = { ...loaded.scenario, demand: { ...loaded.scenario.demand, vehiclesPerDay } };
    const config = { ...fromScenario(scenario, { seed: 1 + i, days: 0.25 }), warmupMs: 0 };
    const model = new CrossingModel(config);
    if (i === 0) {
      // The first hour builds every kind of object; a field widened after it widens mid-run.
      model.env.run(3_600_000);
      mark('checkShapesFirstRunLate');
    }
    model.env.run(config.horizonMs);
    if (i === 0) mark('checkShapesFirstRunLateEnd');
    if (i === 1) mark('checkShapesSecondRunEnd');
    summarize(model);
  }
}

if (process.argv[2] === '--child') {
  await child();
} else if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  // The trace goes to a file, not a pipe: V8 prints it with C's stdio, and a pipe that Node has made
  // non-blocking drops what does not fit when it is full.
  const dir = mkdtempSync(join(tmpdir(), 'check-shapes-'));
  const file = join(dir, 'trace.txt');
  const out = openSync(file, 'w');
  const r = spawnSync(process.execPath, ['--no-sparkplug', '--single-threaded', '--initial-old-space-size=1024', '--trace-gc', '--trace-generalization', '--import', 'tsx', fileURLToPath(import.meta.url), '--child'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', out, 'pipe'],
  });
  closeSync(out);
  const trace = readFileSync(file, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) {
    process.stderr.write(`check-shapes: the two runs failed (exit ${r.status ?? r.signal}):\n${(r.stderr ?? '').slice(-4000)}\n`);
    process.exit(1);
  }
  if (/Mark-Compact|Mark-sweep/.test(trace)) {
    process.stderr.write('check-shapes: a full collection ran in the child, which frees maps and makes the check depend on timing: raise --initial-old-space-size\n');
    process.exit(1);
  }
  if (!trace.includes(MARK) || !trace.includes(END)) {
    process.stderr.write('check-shapes: the child never reached its second run\n');
    process.exit(1);
  }
  const late = widenings(trace, FIRST_MARK, FIRST_END);
  const lateUnexpected = late.filter((w) => !KNOWN_FIRST_RUN.some(([re]) => re.test(w)));
  const lateGone = KNOWN_FIRST_RUN.filter(([re]) => !late.some((w) => re.test(w)));
  if (lateUnexpected.length > 0 || lateGone.length > 0) {
    if (lateUnexpected.length > 0) {
      process.stderr.write(`check-shapes: the first run widened ${lateUnexpected.length} field(s) of sim-core objects after its first hour (see sim-core/README.md, "the first run counts too"):\n`);
      for (const w of lateUnexpected) process.stderr.write(`  ${w}\n`);
    }
    for (const [, why] of lateGone) process.stderr.write(`check-shapes: fixed, remove it from KNOWN_FIRST_RUN in tools/check-shapes.ts: ${why}\n`);
    process.exit(1);
  }
  process.stdout.write(`check-shapes: the first run widens after its first hour only what KNOWN_FIRST_RUN lists (${KNOWN_FIRST_RUN.length} kinds)\n`);
  const found = widenings(trace);
  const unexpected = found.filter((w) => !KNOWN.some(([re]) => re.test(w)));
  const gone = KNOWN.filter(([re]) => !found.some((w) => re.test(w)));
  for (const [re, why] of KNOWN) if (!gone.some(([g]) => g === re)) process.stdout.write(`check-shapes: known, still to fix: ${why}\n`);
  if (unexpected.length > 0 || gone.length > 0) {
    if (unexpected.length > 0) {
      process.stderr.write(`check-shapes: the second run widened ${unexpected.length} field(s) of sim-core objects (see sim-core/README.md, "Shapes that never change"):\n`);
      for (const w of unexpected) process.stderr.write(`  ${w}\n`);
    }
    for (const [, why] of gone) process.stderr.write(`check-shapes: fixed, remove it from KNOWN in tools/check-shapes.ts: ${why}\n`);
    process.exit(1);
  }
  process.stdout.write('check-shapes: a second run in the same process reshapes no other sim-core object\n');
}
