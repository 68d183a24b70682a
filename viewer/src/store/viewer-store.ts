/**
 * The viewer's UI state as a framework-free store (zustand's vanilla core; the React binding is
 * use-viewer.ts). It holds what panels show and what the user chose: language, connection, the
 * scenario, play/pause/speed, KPI frames and their series, alerts, the selected entity and the
 * layout-review tools. What changes every frame (entity poses, the display clock) is NOT here: it
 * lives in the EntityTable and SimClock the frame loop mutates (STYLE.md §7).
 */

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Point } from '../../../sim-core/src/model/scenario.ts';
import type { KpiFrame, LayoutPayload, ScenarioSummary } from '../../../sim-core/src/stream/protocol.ts';
import type { Lang } from '../i18n/strings.ts';
import { EntityTable } from './entity-table.ts';
import { appendSeries, emptySeries, type KpiSeries } from './kpi-view.ts';
import { SimClock } from './sim-clock.ts';

export type SourceMode = 'live' | 'standalone' | 'stress';
export type Connection = 'connecting' | 'connected' | 'disconnected' | 'error';
export type CameraPreset = 'overview' | 'vn-yard' | 'zero-line' | 'cn-yard';

export type { LayoutFinding } from '../../../scenarios/checks/layout-finding.ts';
import type { LayoutFinding } from '../../../scenarios/checks/layout-finding.ts';

/** What the panels send to the simulation source (live server or worker). */
export interface SourceControls {
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  restart(seed: number): void;
  jump(ms: number): void;
  choosePreset?(id: string): void;
  /** Standalone: run a scenario file the user opened (validated first; a bad file changes nothing). */
  openScenario?(json: unknown, name: string): void;
}

export interface ViewerState {
  lang: Lang;
  mode: SourceMode;
  connection: Connection;
  error: string | null;
  /** Problems of a scenario file the user opened, each with its JSON path. */
  fileErrors: string[];
  scenario: ScenarioSummary | null;
  layout: LayoutPayload | null;
  /** Preset chosen in standalone mode (the live server decides its own). */
  preset: string;
  presets: string[];
  /** The source can take control commands (live: the server granted control). */
  canControl: boolean;
  /** The run reached its horizon. */
  ended: boolean;
  seed: number;
  playing: boolean;
  /** Simulated seconds per wall second. */
  speed: number;
  kpi: KpiFrame | null;
  series: KpiSeries;
  selectedId: string | null;
  review: boolean;
  hiddenZones: Record<string, true>;
  measuring: boolean;
  measure: Point[];
  findings: LayoutFinding[];
  camera: { preset: CameraPreset; seq: number };
  /** Frame statistics for the corner readout (updated a few times a second, not per frame). */
  stats: { drawCalls: number; fps: number; entities: number };
}

export const SPEEDS = [1, 10, 60, 300, 600, 1800, 3600] as const;

export interface ViewerActions {
  setLang(lang: Lang): void;
  setConnection(c: Connection, error?: string | null): void;
  setFileErrors(errors: string[]): void;
  setScenario(scenario: ScenarioSummary, layout: LayoutPayload, findings: LayoutFinding[]): void;
  setPreset(preset: string): void;
  setCanControl(can: boolean): void;
  setEnded(ended: boolean): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setSeed(seed: number): void;
  pushKpi(k: KpiFrame): void;
  select(id: string | null): void;
  setReview(on: boolean): void;
  toggleZone(id: string): void;
  setMeasuring(on: boolean): void;
  addMeasurePoint(p: Point): void;
  clearMeasure(): void;
  setCamera(preset: CameraPreset): void;
  setStats(stats: ViewerState['stats']): void;
  resetRun(): void;
}

export type ViewerStore = StoreApi<ViewerState & ViewerActions>;

/** The mutable parts the frame loop owns, next to the store. */
export interface ViewerRuntime {
  store: ViewerStore;
  entities: EntityTable;
  clock: SimClock;
  /** Set by the active source once connected. */
  controls: SourceControls | null;
}

export interface ViewerInit {
  lang: Lang;
  mode: SourceMode;
  presets?: string[];
  preset?: string;
  seed?: number;
  speed?: number;
}

export function createViewerStore(init: ViewerInit): ViewerStore {
  return createStore<ViewerState & ViewerActions>()((set, get) => ({
    lang: init.lang,
    mode: init.mode,
    connection: 'connecting',
    error: null,
    fileErrors: [],
    scenario: null,
    layout: null,
    preset: init.preset ?? 'huu-nghi-smart-2030',
    presets: init.presets ?? [],
    canControl: true,
    ended: false,
    seed: init.seed ?? 1,
    playing: true,
    speed: init.speed ?? 60,
    kpi: null,
    series: emptySeries(),
    selectedId: null,
    review: false,
    hiddenZones: {},
    measuring: false,
    measure: [],
    findings: [],
    camera: { preset: 'overview', seq: 0 },
    stats: { drawCalls: 0, fps: 0, entities: 0 },
    setLang: (lang) => set({ lang }),
    setConnection: (connection, error = null) => set({ connection, error }),
    setFileErrors: (fileErrors) => set({ fileErrors }),
    setScenario: (scenario, layout, findings) => set({ scenario, layout, findings, hiddenZones: {}, measure: [], seed: scenario.seed }),
    setPreset: (preset) => set({ preset }),
    setCanControl: (canControl) => set({ canControl }),
    setEnded: (ended) => set({ ended }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => {
      if (!(Number.isFinite(speed) && speed > 0)) throw new RangeError(`speed: expected a positive number of simulated seconds per second, got ${speed}`);
      set({ speed });
    },
    setSeed: (seed) => {
      if (!(Number.isInteger(seed) && seed >= 0)) throw new RangeError(`seed: expected a whole number ≥ 0, got ${seed}`);
      set({ seed });
    },
    pushKpi: (k) => set({ kpi: k, series: appendSeries(get().series, k) }),
    select: (selectedId) => set({ selectedId }),
    setReview: (review) => set(review ? { review } : { review, measuring: false, measure: [] }),
    toggleZone: (id) => {
      const hidden = { ...get().hiddenZones };
      if (hidden[id] === true) delete hidden[id];
      else hidden[id] = true;
      set({ hiddenZones: hidden });
    },
    setMeasuring: (measuring) => set({ measuring, measure: [] }),
    addMeasurePoint: (p) => {
      const m = get().measure;
      set({ measure: m.length >= 2 ? [p] : [...m, p] });
    },
    clearMeasure: () => set({ measure: [] }),
    setCamera: (preset) => set({ camera: { preset, seq: get().camera.seq + 1 } }),
    setStats: (stats) => set({ stats }),
    resetRun: () => set({ kpi: null, series: emptySeries(), selectedId: null, ended: false }),
  }));
}

/** A store with its entity table and clock, ready for a source to feed. */
export function createRuntime(init: ViewerInit): ViewerRuntime {
  const clock = new SimClock();
  clock.speed = init.speed ?? 60;
  return { store: createViewerStore(init), entities: new EntityTable(), clock, controls: null };
}
