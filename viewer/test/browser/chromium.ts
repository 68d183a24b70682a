/**
 * The system Chromium through playwright-core, with the flags of DEVELOPERS.md (software WebGL via
 * SwiftShader, no background traffic), and helpers the browser tests share: screenshots into
 * out/screenshots (CI keeps out/), pixel variance of the canvas, waiting on the viewer's state.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', '..', 'out', 'screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  return page;
}

export async function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Grey-level variance and a coarse fingerprint of the WebGL canvas (read in the page from the
 * drawing buffer, which the viewer preserves). Variance near 0 means a blank canvas.
 */
export async function canvasStats(page: Page): Promise<{ variance: number; cells: number[] }> {
  return page.evaluate(() => {
    const src = document.querySelector('canvas');
    if (src === null) throw new Error('no canvas');
    const w = 240;
    const h = Math.round((src.height / src.width) * w);
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(src, 0, 0, w, h);
    const d = ctx.getImageData(0, 0, w, h).data;
    let sum = 0;
    let sum2 = 0;
    const n = w * h;
    for (let i = 0; i < d.length; i += 4) {
      const g = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
      sum += g;
      sum2 += g * g;
    }
    const mean = sum / n;
    return { variance: sum2 / n - mean * mean, cells: Array.from(d.filter((_, i) => i % 4 !== 3)) };
  });
}

/** Pixels (of the downscaled canvas) whose colour differs by more than `tol` between two captures. */
export function changedPixels(a: number[], b: number[], tol = 24): number {
  let n = 0;
  for (let i = 0; i + 2 < a.length && i + 2 < b.length; i += 3) {
    if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > tol) n++;
  }
  return n;
}
