/**
 * Standalone mode: no server. sim-core runs in a Web Worker (comlink); this side paces it against
 * the wall clock (the only place that knows real time, with the live server): about ten times a
 * second it asks the worker to run a little ahead of the display time and feeds the batch of
 * visual events to the entity table, and a KPI frame to the store.
 */

import * as Comlink from 'comlink';
import { findingsOf } from './findings.ts';
import { validateScenario } from '../../../scenarios/validate.ts';
import type { Scenario } from '../../../sim-core/src/model/scenario.ts';
import type { ViewerRuntime, SourceControls } from '../store/viewer-store.ts';
import type { SimWorkerApi } from '../worker/sim-worker.ts';
import { layoutPayloadOf, loadPreset, PRESET_JSON, scenarioSummaryOf } from './presets.ts';

/** How far ahead of the display the worker runs, in wall seconds at the current speed. */
const LOOKAHEAD_WALL_S = 1.5;
const PACE_MS = 100;
const KPI_EVERY_MS = 500;

export interface StandaloneSource {
  controls: SourceControls;
  stop(): void;
}

export function startStandalone(rt: ViewerRuntime, preset: string): StandaloneSource {
  const worker = new Worker(new URL('../worker/sim-worker.ts', import.meta.url), { type: 'module', name: 'crossing-sim' });
  const api = Comlink.wrap<SimWorkerApi>(worker);
  const { store, entities, clock } = rt;
  let busy = false;
  let finished = false;
  let generation = 0;
  let lastKpi = 0;
  /** What runs: a bundled preset or a file the user opened, as JSON and validated. */
  let current: { name: string; json: unknown; scenario: Scenario } | null = null;

  const fail = (e: unknown): void => {
    store.getState().setConnection('error', e instanceof Error ? e.message : String(e));
  };

  worker.addEventListener('error', (ev) => fail(new Error(`simulation worker: ${ev.message}`)));

  async function begin(seed: number): Promise<void> {
    const gen = ++generation;
    busy = true;
    try {
      if (current === null) current = { name: preset, json: PRESET_JSON[preset], scenario: loadPreset(preset) };
      const { name, json, scenario } = current;
      const started = await api.start(json, seed);
      if (gen !== generation) return;
      if (!started.ok) throw new Error(started.errors.join('\n'));
      const layout = layoutPayloadOf(scenario);
      entities.clear();
      entities.seedEquipment(layout);
      clock.reset(0);
      finished = false;
      const s = store.getState();
      s.resetRun();
      s.setScenario(scenarioSummaryOf(name, scenario, seed), layout, findingsOf(scenario));
      s.setConnection('connected');
    } catch (e) {
      fail(e);
    } finally {
      if (gen === generation) busy = false;
    }
  }

  /** Runs the worker to `toMs` and hands the batch to the table and the store. */
  async function pull(toMs: number, forceKpi: boolean): Promise<void> {
    const gen = generation;
    const r = await api.advance(toMs);
    if (gen !== generation) return; // a restart happened meanwhile: drop the stale batch
    entities.ingest(r.events);
    clock.horizon = r.t;
    finished = r.finished;
    const now = performance.now();
    if (forceKpi || now - lastKpi >= KPI_EVERY_MS) {
      lastKpi = now;
      store.getState().pushKpi(r.kpi);
    }
    if (r.finished) {
      store.getState().setEnded(true);
      store.getState().pushKpi(r.kpi);
    }
  }

  const timer = setInterval(() => {
    if (busy || finished || !clock.playing || store.getState().scenario === null) return;
    const want = clock.t + LOOKAHEAD_WALL_S * clock.speed * 1000;
    if (clock.horizon >= want) return;
    busy = true;
    pull(want, false)
      .catch(fail)
      .finally(() => {
        busy = false;
      });
  }, PACE_MS);

  const controls: SourceControls = {
    setPlaying: (playing) => {
      clock.playing = playing;
      store.getState().setPlaying(playing);
    },
    setSpeed: (speed) => {
      store.getState().setSpeed(speed);
      clock.speed = speed;
    },
    restart: (seed) => {
      store.getState().setSeed(seed);
      void begin(seed);
    },
    jump: (ms) => {
      if (busy || finished) return;
      busy = true;
      const target = clock.t + ms;
      // The worker runs at most a few hours per call; keep asking until the target is reached.
      const step = async (): Promise<void> => {
        while (!finished && clock.horizon < target) await pull(target, true);
        clock.t = Math.min(target, clock.horizon);
      };
      step()
        .catch(fail)
        .finally(() => {
          busy = false;
        });
    },
    choosePreset: (id) => {
      if (PRESET_JSON[id] === undefined) return fail(new Error(`unknown preset "${id}"`));
      current = { name: id, json: PRESET_JSON[id], scenario: loadPreset(id) };
      store.getState().setPreset(id);
      store.getState().setFileErrors([]);
      void begin(store.getState().seed);
    },
    openScenario: (json, fileName) => {
      const r = validateScenario(json);
      if (!r.ok) {
        store.getState().setFileErrors(r.errors.map((e) => `${fileName} ${e.path}: ${e.message}`));
        return;
      }
      current = { name: r.scenario.meta.id, json, scenario: r.scenario };
      store.getState().setFileErrors([]);
      void begin(r.scenario.seed);
    },
  };

  void begin(store.getState().seed);
  return {
    controls,
    stop: () => {
      clearInterval(timer);
      generation++;
      worker.terminate();
    },
  };
}
