/** Numbers, lengths, areas and simulated clock times in the chosen language. */

import { localeOf, type Lang } from './strings.ts';

// toLocaleString with options builds a new Intl.NumberFormat on every call (tenths of a millisecond);
// the panels format numbers several times a second, so each (language, digits) keeps its formatter.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, x: number, digits = 0): string {
  const key = `${lang}:${digits}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f.format(x);
}

/** Square metres, or hectares from 10,000 m² on. */
export function formatArea(lang: Lang, m2: number): string {
  return m2 >= 10_000 ? `${formatNumber(lang, m2 / 10_000, 2)} ha` : `${formatNumber(lang, m2)} m²`;
}

/** Metres, or kilometres from 1,000 m on. */
export function formatLength(lang: Lang, m: number): string {
  return m >= 1_000 ? `${formatNumber(lang, m / 1_000, 2)} km` : `${formatNumber(lang, m, 1)} m`;
}

/**
 * Simulated time as "day N, HH:MM:SS" (Hanoi time; simulated time 0 is 00:00 of day 0, shown as
 * day 1 for people).
 */
export function formatSimTime(ms: number): { day: number; clock: string } {
  const totalS = Math.max(0, Math.floor(ms / 1000));
  const day = Math.floor(totalS / 86_400) + 1;
  const s = totalS % 86_400;
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return { day, clock: `${hh}:${mm}:${ss}` };
}

/** Minutes with one decimal, or a dash when there is no value yet. */
export function formatMinutes(lang: Lang, min: number | null): string {
  return min === null ? '—' : formatNumber(lang, min, 1);
}
