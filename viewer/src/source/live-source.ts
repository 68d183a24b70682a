/**
 * Live mode: Socket.IO to the server (sim-core/src/stream/protocol.ts, the one file both ends
 * import). A Hello or a world reset replaces the whole state (layout, snapshot, clock); batches of
 * visual events go to the entity table, KPI frames to the store; clock frames move the display
 * clock's horizon. Controls are commands with acknowledgements; a refused command shows its error
 * and changes nothing.
 */

import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientAuth, ClientToServerEvents, ClockState, Hello, ServerToClientEvents, Speed, WorldReset } from '../../../sim-core/src/stream/protocol.ts';
import { PROTOCOL_VERSION } from '../../../sim-core/src/stream/protocol.ts';
import type { SourceControls, ViewerRuntime } from '../store/viewer-store.ts';
import { findingsOf } from './findings.ts';
import { loadPreset, PRESET_JSON } from './presets.ts';

export interface LiveSource {
  controls: SourceControls;
  stop(): void;
}

/** Findings of the server's scenario when it is a preset the viewer knows; none otherwise. */
function findingsFor(name: string): ReturnType<typeof findingsOf> {
  return PRESET_JSON[name] === undefined ? [] : findingsOf(loadPreset(name));
}

/** The display speed for a clock: 'max' shows as fast as the data arrives. */
function numericSpeed(speed: Speed): number {
  return speed === 'max' ? 100_000 : speed;
}

export function startLive(rt: ViewerRuntime, url: string, auth: ClientAuth): LiveSource {
  const { store, entities, clock } = rt;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { auth: { ...auth }, transports: ['websocket', 'polling'] });

  const applyClock = (c: ClockState): void => {
    clock.horizon = Math.max(clock.horizon, c.t);
    clock.playing = !c.paused && !c.ended;
    clock.speed = numericSpeed(c.speed);
    const s = store.getState();
    if (s.playing === c.paused) s.setPlaying(!c.paused);
    if (s.speed !== clock.speed) s.setSpeed(clock.speed);
    if (c.ended !== s.ended) s.setEnded(c.ended);
  };

  const replace = (r: Pick<Hello, 'scenario' | 'clock' | 'snapshot'>, layout: Hello['layout'] | null): void => {
    const s = store.getState();
    entities.clear();
    const lay = layout ?? s.layout;
    if (lay !== null) entities.seedEquipment(lay);
    entities.loadSnapshot(r.snapshot);
    clock.reset(r.snapshot.t);
    clock.horizon = Math.max(r.snapshot.t, r.clock.t);
    s.resetRun();
    if (lay !== null) s.setScenario(r.scenario, lay, findingsFor(r.scenario.name));
    applyClock(r.clock);
  };

  socket.on('connect', () => store.getState().setConnection('connected'));
  socket.on('disconnect', () => store.getState().setConnection('disconnected'));
  socket.on('connect_error', (e) => store.getState().setConnection('error', e.message));
  socket.on('session:joined', (hello) => {
    if (hello.protocolVersion !== PROTOCOL_VERSION) {
      store.getState().setConnection('error', `protocol version ${hello.protocolVersion} from the server; this viewer speaks ${PROTOCOL_VERSION}`);
      return;
    }
    replace(hello, hello.layout);
    store.getState().setCanControl(hello.canControl);
    if (hello.kpi !== null) store.getState().pushKpi(hello.kpi);
  });
  socket.on('session:refused', (e) => store.getState().setConnection('error', `${e.code}: ${e.message}`));
  socket.on('world:reset', (r: WorldReset) => replace(r, null));
  socket.on('events:batched', (b) => {
    entities.ingest(b.events);
    clock.horizon = Math.max(clock.horizon, b.to);
  });
  socket.on('kpi:updated', (k) => store.getState().pushKpi(k));
  socket.on('clock:changed', applyClock);
  socket.on('session:ended', (e) => {
    store.getState().setEnded(true);
    if (e.reason === 'error') store.getState().setConnection('error', e.message);
  });

  const report = (what: string) => (ack: Ack<object>): void => {
    if (!ack.ok) store.getState().setConnection(store.getState().connection, `${what}: ${ack.error.message}${ack.error.field !== undefined ? ` (${ack.error.field})` : ''}`);
  };
  const withClock = (what: string) => (ack: Ack<{ clock: ClockState }>): void => {
    report(what)(ack);
    if (ack.ok) applyClock(ack.clock);
  };

  return {
    controls: {
      setPlaying: (p) => (p ? socket.emit('clock:play', {}, withClock('play')) : socket.emit('clock:pause', {}, withClock('pause'))),
      setSpeed: (speed) => socket.emit('clock:speed', { speed }, withClock('speed')),
      restart: (seed) => socket.emit('sim:restart', { seed }, report('restart')),
      jump: (ms) => socket.emit('clock:jump', { t: Math.round(clock.horizon + ms) }, withClock('jump')),
    },
    stop: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
