/**
 * The viewer in headless Chromium (system Chromium, software WebGL), in its synthetic stress mode
 * (`?stress=IGVS,TRUCKS,CONTAINERS`: entities driven through the same entity table, frame loop
 * and instanced meshes as a real run). For each population it reports the renderer's draw calls
 * per frame and the main thread's script time per frame: Chrome's own `ScriptDuration` (CDP
 * Performance metrics: all JavaScript on the page's main thread, React and three.js's render
 * included) divided by the frames drawn meanwhile, and the viewer's frame loop alone. Script time
 * per second is reported too: SwiftShader draws only a few frames a second, so work done per
 * second (new motions, panel updates) weighs on every frame, and the per-second figure says
 * whether the work itself shrank or only the frame rate rose.
 *
 * Each population is measured `--runs` times (runs interleaved, pages fresh, 3 s warm-up); each
 * run's window is cut into 2-second slices and the figures are medians over all slices.
 *
 * Run by `npm run bench -- --only viewer` (bench/run.ts); prints the rows as JSON on its last line.
 * Options: --seconds N (measuring window per population and run, default 10), --runs N (default 3),
 * --dist DIR (measure an already built viewer instead of building viewer/dist), --population
 * empty|target|double (measure only that one, e.g. to alternate two builds for an A/B),
 * --profile FILE (also record a CPU profile of the 150/600/4000 page into FILE, .cpuprofile for
 * Chrome DevTools, and print where the script time goes).
 */

import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { median, sig, type BenchRow } from './results.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** What the viewer exposes on its page for tests and this benchmark (bench/ has no DOM types). */
interface ViewerPage {
  __viewer?: { store: { getState(): { stats: { drawCalls: number; entities: number } } } };
  __viewerPerf?: { frames: number; updateMs: number };
}
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, runs: { type: 'string', default: '3' }, dist: { type: 'string' }, profile: { type: 'string' }, population: { type: 'string' } } });
const seconds = Number(values.seconds);
if (!(Number.isFinite(seconds) && seconds >= 2)) throw new Error(`--seconds: expected a number ≥ 2, got '${values.seconds}'`);
const runs = Number(values.runs);
if (!(Number.isInteger(runs) && runs >= 1 && runs <= 20)) throw new Error(`--runs: expected a whole number 1..20, got '${values.runs}'`);
const SLICE_S = 2;

const ALL_POPULATIONS: Array<[name: string, igvs: number, trucks: number, containers: number]> = [
  ['empty', 0, 0, 0],
  ['target', 150, 600, 4000],
  ['double', 300, 1200, 8000],
];
// One population only (for quick A/B runs of two builds, alternated by the caller).
const POPULATIONS = values.population === undefined ? ALL_POPULATIONS : ALL_POPULATIONS.filter(([name]) => name === values.population);
if (POPULATIONS.length === 0) throw new Error(`--population: expected one of ${ALL_POPULATIONS.map(([n]) => n).join(', ')}, got '${values.population}'`);

let dist: string;
if (values.dist !== undefined) {
  dist = resolve(values.dist);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`--dist ${values.dist}: no index.html there`);
} else {
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error' });
  dist = join(ROOT, 'viewer', 'dist');
}
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  let file = normalize(join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const port = (server.address() as { port: number }).port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

interface Slice {
  scriptMsPerFrame: number;
  scriptMsPerSec: number;
  loopMsPerFrame: number;
  fps: number;
}

async function openStress(igvs: number, trucks: number, containers: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(`http://127.0.0.1:${port}/?stress=${igvs},${trucks},${containers}&camera=overview&speed=60`);
  await page.waitForFunction(() => ((globalThis as unknown as ViewerPage).__viewer?.store.getState().stats.drawCalls ?? 0) > 0, undefined, { timeout: 60_000 });
  await page.waitForTimeout(3_000); // warm-up: shaders compiled, every vehicle on its first leg
  return page;
}

/** One measuring window on a fresh page: its 2-second slices and the most draw calls seen. */
async function measure(igvs: number, trucks: number, containers: number): Promise<{ slices: Slice[]; maxCalls: number; entities: number }> {
  const page = await openStress(igvs, trucks, containers);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const v = await page.evaluate(() => ({ perf: { ...(globalThis as unknown as ViewerPage).__viewerPerf! }, stats: (globalThis as unknown as ViewerPage).__viewer!.store.getState().stats, wall: performance.now() }));
    return { script: m.ScriptDuration ?? 0, ...v };
  };
  const slices: Slice[] = [];
  let a = await sample();
  let maxCalls = a.stats.drawCalls;
  for (let i = 0; i < Math.floor(seconds / SLICE_S); i++) {
    await page.waitForTimeout(SLICE_S * 1_000);
    const b = await sample();
    maxCalls = Math.max(maxCalls, b.stats.drawCalls);
    const frames = b.perf.frames - a.perf.frames;
    const wallS = (b.wall - a.wall) / 1000;
    if (frames < 2) continue; // too few frames for a ratio: the slice runs on into the next
    const scriptMs = (b.script - a.script) * 1000;
    slices.push({ scriptMsPerFrame: scriptMs / frames, scriptMsPerSec: scriptMs / wallS, loopMsPerFrame: (b.perf.updateMs - a.perf.updateMs) / frames, fps: frames / wallS });
    a = b;
  }
  if (slices.length === 0) throw new Error(`viewer bench ${igvs}/${trucks}/${containers}: fewer than 2 frames per ${SLICE_S} s`);
  const entities = a.stats.entities;
  await page.close();
  return { slices, maxCalls, entities };
}

/** Records a CPU profile of one population and prints the functions with the most script time per frame. */
async function profile(file: string, igvs: number, trucks: number, containers: number): Promise<void> {
  const page = await openStress(igvs, trucks, containers);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const f0 = await page.evaluate(() => (globalThis as unknown as ViewerPage).__viewerPerf!.frames);
  await cdp.send('Profiler.start');
  await page.waitForTimeout(seconds * 1_000);
  const { profile: p } = await cdp.send('Profiler.stop');
  const frames = (await page.evaluate(() => (globalThis as unknown as ViewerPage).__viewerPerf!.frames)) - f0;
  await page.close();
  writeFileSync(file, JSON.stringify(p));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number): string => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const id = samples[i]!;
    self.set(name(id), (self.get(name(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(cur);
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + ms);
      seen.add(k);
    }
  }
  const top = (m: Map<string, number>): string =>
    [...m].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(root)')).sort((x, y) => y[1] - x[1]).slice(0, 25).map(([k, ms]) => `    ${(ms / frames).toFixed(3).padStart(7)} ms/frame  ${k}`).join('\n');
  process.stderr.write(`  profile of ${igvs}/${trucks}/${containers} (${frames} frames, ${file}; a minified build names functions by their minified names, --dist a build with minify off for readable ones)\n  self time:\n${top(self)}\n  with callees:\n${top(total)}\n`);
}

const rows: BenchRow[] = [];
try {
  const results = new Map<string, { slices: Slice[]; maxCalls: number; entities: number }>();
  for (let r = 0; r < runs; r++) {
    for (const [name, igvs, trucks, containers] of POPULATIONS) {
      const m = await measure(igvs, trucks, containers);
      const acc = results.get(name) ?? { slices: [], maxCalls: 0, entities: 0 };
      acc.slices.push(...m.slices);
      acc.maxCalls = Math.max(acc.maxCalls, m.maxCalls);
      acc.entities = m.entities;
      results.set(name, acc);
      process.stderr.write(`  run ${r + 1}/${runs} ${name}: script ${median(m.slices.map((s) => s.scriptMsPerFrame)).toFixed(2)} ms/frame, ${median(m.slices.map((s) => s.fps)).toFixed(1)} frames/s\n`);
    }
  }
  for (const [name, igvs, trucks, containers] of POPULATIONS) {
    const { slices, maxCalls, entities } = results.get(name)!;
    const med = (k: keyof Slice): number => median(slices.map((s) => s[k]));
    process.stderr.write(`  ${name}: ${entities} entities, ${maxCalls} draw calls, ${med('fps').toFixed(1)} frames/s, script ${med('scriptMsPerFrame').toFixed(2)} ms/frame = ${med('scriptMsPerSec').toFixed(1)} ms/s (frame loop ${med('loopMsPerFrame').toFixed(2)} ms/frame); medians of ${slices.length} ${SLICE_S}-s slices\n`);
    const label = `${igvs} IGVs, ${trucks} trucks, ${containers} containers`;
    rows.push(
      { name: `viewer.${name}.drawCalls`, value: maxCalls, unit: `draw calls/frame (max; ${label}; target ≤ 60)` },
      { name: `viewer.${name}.scriptMsPerFrame`, value: sig(med('scriptMsPerFrame'), 3), unit: `ms main-thread script per frame (CDP ScriptDuration; median of ${slices.length} ${SLICE_S}-s slices over ${runs} runs; ${label}; target ≤ 4 at 150/600/4000)` },
      { name: `viewer.${name}.scriptMsPerSec`, value: sig(med('scriptMsPerSec'), 3), unit: `ms main-thread script per wall second (same slices; ${label})` },
      { name: `viewer.${name}.frameLoopMsPerFrame`, value: sig(med('loopMsPerFrame'), 3), unit: 'ms per frame in the viewer\'s useFrame (events, interpolation, instance writes)' },
      { name: `viewer.${name}.framesPerSec`, value: sig(med('fps'), 3), unit: 'frames/s (SwiftShader software WebGL: GPU-bound, not a target)' },
    );
  }
  if (values.profile !== undefined) await profile(values.profile, 150, 600, 4000);
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(rows));
