/**
 * Entry: reads the page's query (`?mode=live|standalone`, `?stress=IGVS,TRUCKS,CONTAINERS`,
 * `?preset=`, `?seed=`, `?speed=`, `?lang=vi|en|zh`, `?camera=`, `?server=URL`, `?token=`), picks the source
 * and renders. Without `mode`, a page served by the live server connects to it; a page from a
 * plain static host (no Socket.IO endpoint answers) runs standalone.
 */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { parseLang } from './i18n/strings.ts';
import { startLive } from './source/live-source.ts';
import { PRESET_NAMES } from './source/presets.ts';
import { startStandalone } from './source/standalone-source.ts';
import { parseStress, startStress } from './source/stress-source.ts';
import { createRuntime, type SourceMode, type ViewerRuntime } from './store/viewer-store.ts';
import { RuntimeContext } from './store/use-viewer.ts';

declare global {
  interface Window {
    /** The runtime, for the browser tests and the benchmark (read-only use). */
    __viewer?: ViewerRuntime;
  }
}

const query = new URLSearchParams(location.search);

/** True when a Socket.IO server answers at `base` within a second and a half. */
async function serverAnswers(base: string): Promise<boolean> {
  try {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), 1500);
    const r = await fetch(new URL('socket.io/?EIO=4&transport=polling', base), { signal: ctrl.signal });
    clearTimeout(timer);
    return r.ok;
  } catch {
    return false;
  }
}

function numberParam(name: string, fallback: number, ok: (n: number) => boolean): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!ok(n)) throw new Error(`?${name}=${raw}: not a valid value`);
  return n;
}

async function main(): Promise<void> {
  const stress = query.get('stress');
  const server = query.get('server') ?? new URL('.', location.href).href;
  const asked = query.get('mode');
  if (asked !== null && asked !== 'live' && asked !== 'standalone') throw new Error(`?mode=${asked}: expected live or standalone`);
  const mode: SourceMode = stress !== null ? 'stress' : asked ?? ((await serverAnswers(server)) ? 'live' : 'standalone');
  const preset = query.get('preset') ?? 'huu-nghi-smart-2030';
  const rt = createRuntime({
    lang: parseLang(query.get('lang')),
    mode,
    presets: [...PRESET_NAMES],
    preset,
    seed: numberParam('seed', 1, (n) => Number.isInteger(n) && n >= 0),
    speed: numberParam('speed', 60, (n) => Number.isFinite(n) && n > 0),
  });
  window.__viewer = rt;
  const camera = query.get('camera');
  if (camera !== null) {
    if (camera !== 'overview' && camera !== 'vn-yard' && camera !== 'zero-line' && camera !== 'cn-yard') throw new Error(`?camera=${camera}: expected overview, vn-yard, zero-line or cn-yard`);
    rt.store.getState().setCamera(camera);
  }
  if (mode === 'stress') rt.controls = startStress(rt, preset, parseStress(stress!)).controls;
  else if (mode === 'standalone') rt.controls = startStandalone(rt, preset).controls;
  else {
    const token = query.get('token');
    rt.controls = startLive(rt, server, token === null ? {} : { token }).controls;
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <RuntimeContext.Provider value={rt}>
        <App />
      </RuntimeContext.Provider>
    </StrictMode>,
  );
}

main().catch((e: unknown) => {
  const el = document.getElementById('root')!;
  el.textContent = `Crossing Twin viewer: ${e instanceof Error ? e.message : String(e)}`;
  el.className = 'fatal';
});
