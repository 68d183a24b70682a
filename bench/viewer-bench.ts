/**
 * The viewer in headless Chromium (system Chromium, software WebGL), in its synthetic stress mode
 * (`?stress=IGVS,TRUCKS,CONTAINERS`: entities driven through the same entity table, frame loop
 * and instanced meshes as a real run). For each population it reports the renderer's draw calls
 * per frame and the main thread's script time per frame: Chrome's own `ScriptDuration` (CDP
 * Performance metrics: all JavaScript on the page's main thread, React and three.js's render
 * included) divided by the frames drawn meanwhile, and the viewer's frame loop alone.
 *
 * Run by `npm run bench -- --only viewer` (bench/run.ts); prints the rows as JSON on its last line.
 * Options: --seconds N (measuring window per population, default 10).
 */

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { sig, type BenchRow } from './results.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** What the viewer exposes on its page for tests and this benchmark (bench/ has no DOM types). */
interface ViewerPage {
  __viewer?: { store: { getState(): { stats: { drawCalls: number; entities: number } } } };
  __viewerPerf?: { frames: number; updateMs: number };
}
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' } } });
const seconds = Number(values.seconds);
if (!(Number.isFinite(seconds) && seconds >= 2)) throw new Error(`--seconds: expected a number ≥ 2, got '${values.seconds}'`);

const POPULATIONS: Array<[name: string, igvs: number, trucks: number, containers: number]> = [
  ['empty', 0, 0, 0],
  ['target', 150, 600, 4000],
  ['double', 300, 1200, 8000],
];

await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error' });
const dist = join(ROOT, 'viewer', 'dist');
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
const rows: BenchRow[] = [];
try {
  for (const [name, igvs, trucks, containers] of POPULATIONS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(`http://127.0.0.1:${port}/?stress=${igvs},${trucks},${containers}&camera=overview&speed=60`);
    await page.waitForFunction(() => ((globalThis as unknown as ViewerPage).__viewer?.store.getState().stats.drawCalls ?? 0) > 0, undefined, { timeout: 60_000 });
    await page.waitForTimeout(3_000); // warm-up: shaders compiled, every vehicle on its first leg
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const sample = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
      const v = await page.evaluate(() => ({ perf: { ...(globalThis as unknown as ViewerPage).__viewerPerf! }, stats: (globalThis as unknown as ViewerPage).__viewer!.store.getState().stats }));
      return { script: m.ScriptDuration ?? 0, task: m.TaskDuration ?? 0, ...v };
    };
    const a = await sample();
    let maxCalls = a.stats.drawCalls;
    for (let i = 0; i < seconds; i++) {
      await page.waitForTimeout(1_000);
      maxCalls = Math.max(maxCalls, (await page.evaluate(() => (globalThis as unknown as ViewerPage).__viewer!.store.getState().stats.drawCalls)));
    }
    const b = await sample();
    const frames = b.perf.frames - a.perf.frames;
    if (frames < 3) throw new Error(`viewer bench ${name}: only ${frames} frames in ${seconds} s`);
    const scriptMs = ((b.script - a.script) * 1000) / frames;
    const loopMs = (b.perf.updateMs - a.perf.updateMs) / frames;
    const entities = b.stats.entities;
    process.stderr.write(`  ${name}: ${entities} entities, ${maxCalls} draw calls, ${(frames / seconds).toFixed(1)} frames/s, script ${scriptMs.toFixed(2)} ms/frame (frame loop ${loopMs.toFixed(2)} ms)\n`);
    const label = `${igvs} IGVs, ${trucks} trucks, ${containers} containers`;
    rows.push(
      { name: `viewer.${name}.drawCalls`, value: maxCalls, unit: `draw calls/frame (max; ${label}; target ≤ 60)` },
      { name: `viewer.${name}.scriptMsPerFrame`, value: sig(scriptMs, 3), unit: `ms main-thread script per frame (CDP ScriptDuration; ${label}; target ≤ 4 at 150/600/4000)` },
      { name: `viewer.${name}.frameLoopMsPerFrame`, value: sig(loopMs, 3), unit: 'ms per frame in the viewer\'s useFrame (events, interpolation, instance writes)' },
      { name: `viewer.${name}.framesPerSec`, value: sig(frames / seconds, 3), unit: 'frames/s (SwiftShader software WebGL: GPU-bound, not a target)' },
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(rows));
