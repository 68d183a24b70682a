import { writeFileSync } from 'node:fs';

/** One row of bench/results.json (the format later issues append to). */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peerValue?: number;
  /** How many times better than the peer (for times: peer / ours; for rates: ours / peer). */
  ratio?: number;
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Rounds to `digits` significant digits, for readable JSON. */
export function sig(x: number, digits = 4): number {
  return Number(x.toPrecision(digits));
}

/** Writes the rows as a JSON array. */
export function writeResults(path: string, rows: readonly BenchRow[]): void {
  writeFileSync(path, `${JSON.stringify(rows, null, 2)}\n`);
}

/** The rows as an aligned table for the terminal. */
export function formatRows(rows: readonly BenchRow[]): string {
  const cells = [['benchmark', 'value', 'unit', 'peer', 'peer value', 'ratio'], ...rows.map((r) => [r.name, String(r.value), r.unit, r.peer ?? '', r.peerValue === undefined ? '' : String(r.peerValue), r.ratio === undefined ? '' : `${r.ratio}×`])];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => row.map((c, i) => (i === 1 || i >= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}
