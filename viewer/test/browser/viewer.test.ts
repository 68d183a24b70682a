/**
 * The viewer in headless Chromium (the system one, software WebGL): against a real live server,
 * and standalone from a plain static file server with no live server at all. Builds viewer/dist
 * once for the run. Screenshots go to out/screenshots (CI keeps out/).
 */

import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasStats, changedPixels, launch, newPage, screenshot } from './chromium.ts';
import { ROOT, startServe } from './live-server.ts';
import { serveStatic } from './static-server.ts';

let browser: Browser;
let live: Awaited<ReturnType<typeof startServe>>;
let statik: { url: string; server: Server };

beforeAll(async () => {
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error' });
  [browser, live, statik] = await Promise.all([launch(), startServe(['--speed', '60']), serveStatic(join(ROOT, 'viewer', 'dist'))]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await live?.stop();
  statik?.server.close();
});

/** Reads the viewer's runtime in the page. */
function state(page: Page) {
  return page.evaluate(() => {
    const rt = window.__viewer!;
    const s = rt.store.getState();
    const pos = (kind: 'igv' | 'truck') => Object.fromEntries(rt.entities.lists[kind].map((e) => [e.id, [e.x, e.y]]));
    return { mode: s.mode, connection: s.connection, error: s.error, t: rt.clock.t, playing: s.playing, speed: s.speed, igvs: pos('igv'), trucks: pos('truck'), containers: rt.entities.lists.container.length, findings: s.findings, drawCalls: s.stats.drawCalls, kpi: s.kpi !== null };
  });
}

async function open(url: string, until: (s: Awaited<ReturnType<typeof state>>) => boolean): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => window.__viewer?.store.getState().layout != null, undefined, { timeout: 30_000 });
  const deadline = Date.now() + 40_000;
  // Also wait for the first statistics of a rendered frame (software WebGL may draw 1-3 frames/s).
  while (!(until(await state(page)) && (await state(page)).drawCalls > 0)) {
    if (Date.now() > deadline) throw new Error(`viewer at ${url} never reached the expected state: ${JSON.stringify(await state(page)).slice(0, 500)}`);
    await page.waitForTimeout(250);
  }
  // Then a few more frames: software WebGL compiles its pipelines on the first frames and may stall
  // for seconds, which the timed checks below would otherwise count against the viewer.
  const f0 = await page.evaluate(() => window.__viewerPerf?.frames ?? 0);
  await page.waitForFunction((f) => (window.__viewerPerf?.frames ?? 0) >= f + 3, f0, { timeout: 40_000 });
  return page;
}

function moved(a: Record<string, number[]>, b: Record<string, number[]>): number {
  return Object.keys(a).filter((id) => b[id] !== undefined && Math.hypot(b[id]![0]! - a[id]![0]!, b[id]![1]! - a[id]![1]!) > 2).length;
}

async function simRate(page: Page, wallMs: number): Promise<number> {
  const t0 = (await state(page)).t;
  await page.waitForTimeout(wallMs);
  return ((await state(page)).t - t0) / wallMs; // simulated ms per wall ms
}

describe('viewer against the live server', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(`${live.url}?camera=vn-yard`, (s) => s.connection === 'connected' && Object.keys(s.igvs).length > 0 && s.t > 60_000);
  }, 90_000);
  afterAll(() => page?.close());

  it('loads in live mode and draws the layout: the canvas is not blank, draw calls stay bounded', async () => {
    const s = await state(page);
    expect(s.mode).toBe('live');
    expect(s.error).toBeNull();
    const { variance } = await canvasStats(page);
    await screenshot(page, 'live-vn-yard');
    expect(variance).toBeGreaterThan(200);
    expect(s.drawCalls).toBeGreaterThan(5);
    expect(s.drawCalls).toBeLessThanOrEqual(60);
  });

  it('IGVs and trucks move between two screenshots', async () => {
    // Six hours in (the jump button), not the first minutes of the run: the yards are still nearly
    // empty then, and a handful of moving vehicles changes too few pixels of the downscaled canvas.
    const t0 = (await state(page)).t;
    await page.click('[data-testid="jump-hour6"]');
    await page.waitForFunction((t) => window.__viewer!.clock.t > t + 6 * 3_600_000, t0, { timeout: 60_000 });
    const f0 = await page.evaluate(() => window.__viewerPerf?.frames ?? 0);
    await page.waitForFunction((f) => (window.__viewerPerf?.frames ?? 0) >= f + 3, f0, { timeout: 40_000 });
    const a = await state(page);
    const shotA = await canvasStats(page);
    await screenshot(page, 'live-move-1');
    await page.waitForTimeout(3_000);
    const b = await state(page);
    const shotB = await canvasStats(page);
    await screenshot(page, 'live-move-2');
    expect(b.t).toBeGreaterThan(a.t + 60_000);
    expect(moved(a.igvs, b.igvs)).toBeGreaterThanOrEqual(3);
    expect(moved({ ...a.trucks }, { ...b.trucks }) + Object.keys(b.trucks).filter((id) => a.trucks[id] === undefined).length).toBeGreaterThanOrEqual(1);
    expect(changedPixels(shotA.cells, shotB.cells)).toBeGreaterThan(20);
  });

  it('pause stops simulated time, play resumes it, and a higher speed runs it faster', async () => {
    await page.getByTestId('play-pause').click();
    await page.waitForFunction(() => window.__viewer!.store.getState().playing === false);
    await page.waitForTimeout(500);
    expect(await simRate(page, 1_500)).toBe(0);
    await page.getByTestId('play-pause').click();
    await page.waitForFunction(() => window.__viewer!.store.getState().playing === true);
    const slow = await simRate(page, 2_500);
    await page.getByTestId('speed').selectOption('600');
    await page.waitForFunction(() => window.__viewer!.store.getState().speed === 600);
    await page.waitForTimeout(1_000);
    const fast = await simRate(page, 2_500);
    expect(slow).toBeGreaterThan(20); // 60× nominally
    expect(slow).toBeLessThan(120);
    expect(fast).toBeGreaterThan(3 * slow);
  });

  it('the language switch changes the panels and the zone labels drawn on the ground', async () => {
    const preset = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'presets', 'huu-nghi-smart-2030.json'), 'utf8')) as { layout: { zones: Array<{ id: string; label: Record<string, string> }> } };
    const zone = preset.layout.zones.find((z) => z.id === 'vn-export-storage')!;
    await page.getByTestId('play-pause').click(); // paused, so only the labels change the picture
    await page.getByTestId('review-toggle').check();
    await page.getByTestId('lang-vi').click();
    await page.waitForTimeout(800);
    const vi = await canvasStats(page);
    await expect.poll(() => page.getByTestId('review-panel').innerText()).toContain(zone.label.vi);
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('title').innerText()).toBe('Crossing Twin — Lang Son smart border gate');
    expect(await page.getByTestId('review-panel').innerText()).toContain(zone.label.en);
    expect(await page.getByTestId('play-pause').innerText()).toContain('Play');
    await page.waitForTimeout(800);
    const en = await canvasStats(page);
    await screenshot(page, 'live-english-review');
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => page.getByTestId('title').innerText()).toBe('数字孪生 — 谅山智慧口岸');
    expect(await page.getByTestId('review-panel').innerText()).toContain(zone.label.zh);
    expect(await page.getByTestId('kpi-panel').innerText()).toContain('关键指标');
    expect(changedPixels(vi.cells, en.cells)).toBeGreaterThan(50);
    await page.getByTestId('play-pause').click();
  });
});

/** The smart preset with a lane drawn straight through the Vietnamese administrative building. */
function layoutWithLaneThroughBuilding(): { name: string; mimeType: string; buffer: Buffer } {
  const s = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'presets', 'huu-nghi-smart-2030.json'), 'utf8')) as { layout: { network: { nodes: unknown[]; edges: unknown[] } } };
  s.layout.network.nodes.push({ id: 'review-w', kind: 'way', country: 'VN', position: [-500, -580] }, { id: 'review-e', kind: 'way', country: 'VN', position: [-320, -580] });
  s.layout.network.edges.push({ id: 'review-we', from: 'review-w', to: 'review-e', lanes: 1, speedLimitKmh: 18, kind: 'road' }, { id: 'review-ew', from: 'review-e', to: 'review-w', lanes: 1, speedLimitKmh: 18, kind: 'road' });
  return { name: 'lane-through-admin.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) };
}

describe('standalone viewer from a static host, no live server', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(`${statik.url}?camera=vn-yard&speed=300`, (s) => s.connection === 'connected' && s.kpi && Object.keys(s.trucks).length > 0);
  }, 90_000);
  afterAll(() => page?.close());

  it('runs sim-core in a worker: time advances, trucks arrive and move, KPIs come in', async () => {
    const a = await state(page);
    expect(a.mode).toBe('standalone');
    await page.waitForTimeout(3_000);
    const b = await state(page);
    // 300× asked; the page paces the worker, and software rendering on a shared 2-core machine
    // slows the page's frames, so only "clearly faster than real time" is checked here.
    expect(b.t).toBeGreaterThan(a.t + 30_000);
    expect(moved(a.trucks, b.trucks) + moved(a.igvs, b.igvs)).toBeGreaterThanOrEqual(1);
    expect((await canvasStats(page)).variance).toBeGreaterThan(200);
    await screenshot(page, 'standalone-vn-yard');
    expect(await page.getByTestId('kpi-panel').innerText()).toMatch(/\d/);
  });

  it('a scenario file with a lane through a building shows the layout finding in the panel and in the scene', async () => {
    await page.getByTestId('review-toggle').check();
    await page.getByTestId('open-file').setInputFiles(layoutWithLaneThroughBuilding());
    await page.waitForFunction(() => window.__viewer!.store.getState().findings.length > 0, undefined, { timeout: 20_000 });
    const s = await state(page);
    const inZone = s.findings.filter((f) => f.code === 'lane-in-zone');
    expect(inZone.length).toBeGreaterThan(0);
    expect(inZone[0]!.path).toMatch(/^\$\.layout\.network\.edges\[\d+\]/);
    const list = await page.getByTestId('findings').innerText();
    expect(list).toContain('lane-in-zone');
    await page.getByTestId('camera-vn-yard').click();
    await page.waitForTimeout(1_000);
    await screenshot(page, 'standalone-layout-finding');
  });

  it('a broken scenario file is refused with its JSON path and changes nothing', async () => {
    const before = await state(page);
    const s = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'presets', 'tiny.json'), 'utf8')) as { demand: { vehiclesPerDay: unknown } };
    s.demand.vehiclesPerDay = -5;
    await page.getByTestId('open-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
    await expect.poll(() => page.getByTestId('file-errors').innerText()).toContain('demand.vehiclesPerDay');
    const after = await state(page);
    expect(after.findings).toEqual(before.findings);
    expect(after.t).toBeGreaterThanOrEqual(before.t);
  });
});
