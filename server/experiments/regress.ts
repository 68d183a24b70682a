import type { ReplicationResult } from './executor.ts';
import { metricOf, readKpi } from './kpi-paths.ts';
import { num } from './kpi-table.ts';
import type { Baseline } from './regression-baseline.ts';
import type { RegressionCase, Tolerance } from './regression-suite.ts';

/** The outcome of one check: a KPI against its baseline, or the trace hashes. */
export interface RegressionCheck {
  case: string;
  check: string;
  baseline: string;
  current: string;
  tolerance: string;
  /** pass: within tolerance; improved: beyond it on the good side (passes; refresh the baseline). */
  status: 'pass' | 'improved' | 'regressed' | 'changed' | 'missing-baseline';
  message: string;
}

export interface RegressResult {
  kind: 'regress';
  checks: RegressionCheck[];
  failed: number;
  passed: number;
  notes: string[];
}

function mean(xs: ReadonlyArray<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
}

/** A case's runs as a baseline. */
export function toBaseline(c: RegressionCase, runs: readonly ReplicationResult[], scenarioHash: string, codeVersion: string): Baseline {
  const kpis: Baseline['kpis'] = {};
  for (const path of Object.keys(c.tolerances).sort()) {
    const values = runs.map((r) => readKpi(r.kpis, path));
    kpis[path] = { mean: mean(values), values };
  }
  return { id: c.id, scenarioHash, codeVersion, seeds: runs.map((r) => r.seed), kpis, traceHashes: runs.map((r) => r.traceHash) };
}

function allowed(t: Tolerance, base: number): number {
  return Math.max(t.abs ?? 0, (t.rel ?? 0) * Math.abs(base));
}

function tolText(t: Tolerance): string {
  return [t.abs !== undefined ? `±${t.abs}` : '', t.rel !== undefined ? `±${(t.rel * 100).toFixed(1)} %` : ''].filter((s) => s !== '').join(' or ');
}

/** Checks one case's runs against its baseline (null: none written yet). */
export function checkCase(c: RegressionCase, runs: readonly ReplicationResult[], baseline: Baseline | null, scenarioHash: string): { checks: RegressionCheck[]; notes: string[] } {
  if (baseline === null) {
    return { checks: [{ case: c.id, check: 'baseline', baseline: '–', current: '–', tolerance: '–', status: 'missing-baseline', message: `no baseline for ${c.id}; write it with crossing-twin regress --update` }], notes: [] };
  }
  const notes: string[] = [];
  if (baseline.scenarioHash !== scenarioHash) notes.push(`${c.id}: the scenario changed since the baseline was written (hash ${baseline.scenarioHash} → ${scenarioHash})`);
  const checks: RegressionCheck[] = [];
  const seedsChanged = baseline.seeds.join(',') !== runs.map((r) => r.seed).join(',');
  for (const [path, tol] of Object.entries(c.tolerances)) {
    const cur = mean(runs.map((r) => readKpi(r.kpis, path)));
    const base = baseline.kpis[path]?.mean ?? null;
    const row = { case: c.id, check: path, baseline: num(base), current: num(cur), tolerance: tolText(tol) };
    if (base === undefined || !(path in baseline.kpis) || seedsChanged) {
      checks.push({ ...row, status: 'missing-baseline', message: `${c.id} ${path}: the baseline has no value for ${seedsChanged ? 'these seeds' : 'this KPI'}; refresh it with crossing-twin regress --update` });
      continue;
    }
    if (cur === null || base === null) {
      const same = cur === base;
      checks.push({ ...row, status: same ? 'pass' : 'changed', message: same ? '' : `${c.id} ${path}: ${num(base)} → ${num(cur)}` });
      continue;
    }
    const d = cur - base;
    if (Math.abs(d) <= allowed(tol, base) + 1e-12) {
      checks.push({ ...row, status: 'pass', message: '' });
      continue;
    }
    const better = metricOf(path).better;
    const good = (better === 'lower' && d < 0) || (better === 'higher' && d > 0);
    const status = good ? 'improved' : better === 'none' ? 'changed' : 'regressed';
    checks.push({ ...row, status, message: `${c.id} ${path}: ${num(base)} → ${num(cur)} (${d > 0 ? '+' : ''}${num(d)}, allowed ${tolText(tol)})${good ? '; better than the baseline: refresh it with regress --update' : ''}` });
  }
  if (c.checkTraceHash) {
    const now = runs.map((r) => r.traceHash);
    const differ = now.map((h, i) => (h === baseline.traceHashes[i] ? -1 : i)).filter((i) => i >= 0);
    checks.push({
      case: c.id,
      check: 'traceHash',
      baseline: baseline.traceHashes.join(' '),
      current: now.join(' '),
      tolerance: 'identical',
      status: differ.length === 0 && !seedsChanged ? 'pass' : 'changed',
      message: differ.length === 0 && !seedsChanged ? '' : `${c.id}: traceHash differs for seed${differ.length === 1 ? '' : 's'} ${differ.map((i) => runs[i]!.seed).join(', ')}: the run is no longer bit-for-bit the baseline's`,
    });
  }
  return { checks, notes };
}

/** Failing statuses (improved passes: it is not a regression). */
export function isFailure(s: RegressionCheck['status']): boolean {
  return s === 'regressed' || s === 'changed' || s === 'missing-baseline';
}

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** JUnit XML: one test suite per case, one test case per check. */
export function junitXml(r: RegressResult): string {
  const byCase = new Map<string, RegressionCheck[]>();
  for (const c of r.checks) byCase.set(c.case, [...(byCase.get(c.case) ?? []), c]);
  const suites = [...byCase].map(([id, checks]) => {
    const failures = checks.filter((c) => isFailure(c.status)).length;
    const cases = checks.map((c) => `    <testcase classname="regress.${xml(id)}" name="${xml(c.check)}">${isFailure(c.status) ? `\n      <failure message="${xml(c.message)}" type="${c.status}">baseline ${xml(c.baseline)}, current ${xml(c.current)}, tolerance ${xml(c.tolerance)}</failure>\n    ` : ''}</testcase>`);
    return `  <testsuite name="${xml(id)}" tests="${checks.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="crossing-twin regress" tests="${r.checks.length}" failures="${r.failed}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Markdown summary for a CI job page. */
export function markdownSummary(r: RegressResult): string {
  const icon = (s: RegressionCheck['status']): string => (s === 'pass' ? '✅' : s === 'improved' ? '⬆️' : '❌');
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    `## crossing-twin regress: ${r.failed === 0 ? 'passed' : `${r.failed} regression${r.failed === 1 ? '' : 's'}`}`,
    '',
    `${r.passed} of ${r.checks.length} checks passed.`,
    ...r.notes.map((n) => `- ${n}`),
    '',
    '| case | check | baseline | current | tolerance | status |',
    '|---|---|---:|---:|---|---|',
    ...r.checks.map((c) => `| ${cell(c.case)} | ${cell(c.check)} | ${cell(c.check === 'traceHash' ? `${c.baseline.split(' ').length} hashes` : c.baseline)} | ${cell(c.check === 'traceHash' ? (c.status === 'pass' ? 'same' : 'different') : c.current)} | ${cell(c.tolerance)} | ${icon(c.status)} ${c.status} |`),
    ...(r.failed > 0 ? ['', ...r.checks.filter((c) => isFailure(c.status)).map((c) => `- ${cell(c.message)}`)] : []),
    '',
  ].join('\n');
}
