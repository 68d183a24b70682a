import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RunReceipt } from './receipt.ts';

/** A chart of the report: points or lines, each series with an optional interval per point. */
export interface ReportChart {
  title: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  /** Names of categorical x values (x is then 0..n-1). */
  xNames?: string[];
  series: Array<{ name: string; y: Array<number | null>; lower?: Array<number | null>; upper?: Array<number | null>; points?: boolean }>;
  /** A horizontal reference line (a target, zero difference). */
  hline?: { y: number; label: string };
}

export interface ReportTable {
  title: string;
  head: string[];
  rows: string[][];
}

/** Everything a report shows; the HTML is self-contained (uPlot and its CSS inlined). */
export interface ReportModel {
  title: string;
  summary: string[];
  charts: ReportChart[];
  tables: ReportTable[];
  /** The scenario as run (overrides applied). */
  parameters: unknown;
  receipt: RunReceipt;
}

const require = createRequire(import.meta.url);
const uplotDir = require.resolve('uplot/package.json').replace(/package\.json$/, 'dist/');

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}

function table(t: ReportTable): string {
  return `<h2>${escapeHtml(t.title)}</h2><table><thead><tr>${t.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${t.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/**
 * Draws the charts in the browser: uPlot for axes, lines and points; a draw hook adds the
 * interval bars and the reference line (uPlot has no error bars of its own).
 */
const RENDER = `
const charts = JSON.parse(document.getElementById('chart-data').textContent);
const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
charts.forEach((c, i) => {
  const el = document.getElementById('chart-' + i);
  const data = [c.x, ...c.series.map((s) => s.y)];
  const intervals = {
    hooks: { draw: [(u) => {
      const ctx = u.ctx;
      ctx.save();
      c.series.forEach((s, k) => {
        if (!s.lower || !s.upper || !u.series[k + 1].show) return;
        ctx.strokeStyle = palette[k % palette.length];
        ctx.lineWidth = 1.5 * devicePixelRatio;
        c.x.forEach((x, j) => {
          if (s.lower[j] == null || s.upper[j] == null) return;
          const px = u.valToPos(x, 'x', true), lo = u.valToPos(s.lower[j], 'y', true), hi = u.valToPos(s.upper[j], 'y', true);
          const w = 4 * devicePixelRatio;
          ctx.beginPath(); ctx.moveTo(px, lo); ctx.lineTo(px, hi);
          ctx.moveTo(px - w, lo); ctx.lineTo(px + w, lo); ctx.moveTo(px - w, hi); ctx.lineTo(px + w, hi); ctx.stroke();
        });
      });
      if (c.hline) {
        const py = u.valToPos(c.hline.y, 'y', true);
        ctx.strokeStyle = '#555'; ctx.setLineDash([6, 4]); ctx.lineWidth = devicePixelRatio;
        ctx.beginPath(); ctx.moveTo(u.bbox.left, py); ctx.lineTo(u.bbox.left + u.bbox.width, py); ctx.stroke();
        ctx.setLineDash([]); ctx.fillStyle = '#555'; ctx.font = (11 * devicePixelRatio) + 'px sans-serif';
        ctx.textAlign = 'right';
        ctx.fillText(c.hline.label, u.bbox.left + u.bbox.width - 4, py - 4);
      }
      ctx.restore();
    }] },
  };
  const ys = c.series.flatMap((s) => [...s.y, ...(s.lower || []), ...(s.upper || [])]).filter((v) => v != null);
  if (c.hline) ys.push(c.hline.y);
  const lo = Math.min(...ys), hi = Math.max(...ys), pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  const xpad = c.xNames ? 0.5 : 0;
  new uPlot({
    title: c.title, width: Math.min(900, document.body.clientWidth - 40), height: 300, plugins: [intervals],
    scales: { x: { time: false, range: (u, a, b) => [a - xpad, b + xpad] }, y: { range: () => [lo - pad, hi + pad] } },
    axes: [
      { label: c.xLabel, values: c.xNames ? (u, splits) => splits.map((v) => Number.isInteger(v) ? (c.xNames[v] ?? '') : '') : undefined, ...(c.xNames ? { splits: () => c.x, rotate: -20, size: 110 } : {}) },
      { label: c.yLabel, size: 70 },
    ],
    series: [{ label: c.xLabel }, ...c.series.map((s, k) => ({
      label: s.name, stroke: palette[k % palette.length], width: s.points ? 0 : 2,
      points: { show: true, size: s.points ? 8 : 5, fill: palette[k % palette.length] },
    }))],
  }, data, el);
});
`;

/** The report as one HTML document with no external resources. */
export function renderReport(m: ReportModel): string {
  const css = readFileSync(`${uplotDir}uPlot.min.css`, 'utf8');
  const js = readFileSync(`${uplotDir}uPlot.iife.min.js`, 'utf8');
  const receiptRows: string[][] = [
    ['command', m.receipt.command],
    ['code version', m.receipt.codeVersion],
    ['scenario', m.receipt.scenario],
    ['scenario hash', m.receipt.scenarioHash],
    ['base seed', String(m.receipt.baseSeed)],
    ['replication seeds', m.receipt.seeds.join(', ')],
    ['simulated days', m.receipt.days === null ? "the scenario's horizon" : String(m.receipt.days)],
    ['worker threads', String(m.receipt.workers)],
    ...Object.entries(m.receipt.traceHashes).map(([k, v]) => [`traceHash ${k}`, v.join(' ')]),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.title)}</title>
<style>${css}
body { font: 14px/1.45 system-ui, sans-serif; margin: 20px; color: #222; max-width: 1000px; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
table { border-collapse: collapse; margin: 8px 0; } th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th { background: #f2f2f2; } td:first-child, th:first-child { text-align: left; }
.receipt td { text-align: left; font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
pre { background: #f7f7f7; padding: 8px; overflow: auto; max-height: 480px; font-size: 12px; }
.chart { margin: 12px 0; }
</style></head><body>
<h1>${escapeHtml(m.title)}</h1>
${m.summary.map((s) => `<p>${escapeHtml(s)}</p>`).join('\n')}
${m.charts.map((_, i) => `<div class="chart" id="chart-${i}"></div>`).join('\n')}
${m.tables.map(table).join('\n')}
<h2>Run receipt</h2>
<p>Run the command below with the same code version to get the same bits: the traceHash of every replication must match.</p>
<table class="receipt"><tbody>${receiptRows.map(([k, v]) => `<tr><td>${escapeHtml(k!)}</td><td>${escapeHtml(v!)}</td></tr>`).join('')}</tbody></table>
<h2>Scenario parameters</h2>
<p>The base scenario with the <code>--set</code> overrides applied; what each configuration changed is in its label above (sweep points, policies, levels).</p>
<details><summary>scenario JSON</summary><pre>${escapeHtml(JSON.stringify(m.parameters, null, 2))}</pre></details>
<script>${js}</script>
<script type="application/json" id="chart-data">${scriptJson(m.charts)}</script>
<script>${RENDER}</script>
</body></html>
`;
}
