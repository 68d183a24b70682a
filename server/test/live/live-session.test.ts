import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/index.ts';
import { fromScenario } from '../../../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../../../sim-core/src/model/run-summary.ts';
import { PROTOCOL_VERSION, type EventBatch, type Hello } from '../../../sim-core/src/stream/protocol.ts';
import { applyVisualEvents, snapshotAt, tableFromSnapshot } from '../../../sim-core/src/stream/visual-state.ts';
import type { LiveServer } from '../../live/live-server.ts';
import { command, connect, next, sleep, startServer, type Client } from './live-helpers.ts';

function tinyHeadlessHash(seed?: number): string {
  const r = loadScenario('tiny');
  if (!r.ok) throw new Error('tiny preset invalid');
  return runCrossing(fromScenario(r.scenario, seed === undefined ? {} : { seed })).traceHash;
}

describe('live session: join, stream, controls', () => {
  let server: LiveServer;
  let client: Client;
  let hello: Hello;
  const batches: EventBatch[] = [];

  beforeAll(async () => {
    server = await startServer({ speed: 1200 });
    client = connect(server);
    client.on('events:batched', (b) => batches.push(b));
    hello = await next(client, 'session:joined');
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('a joining client gets the protocol version, the scenario in three languages, the layout and a snapshot', () => {
    expect(hello.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(hello.sessionId).toBe('main');
    expect(hello.canControl).toBe(true);
    expect(hello.scenario.name).toBe('tiny');
    expect(Object.keys(hello.scenario.title).sort()).toEqual(['en', 'vi', 'zh']);
    expect(hello.scenario.horizonMs).toBe(6 * 3_600_000);
    expect(hello.layout.zones.length).toBeGreaterThan(10);
    expect(hello.layout.zeroLine.length).toBeGreaterThan(1);
    // Every animated piece of equipment is in the snapshot with its layout position.
    const lane = hello.layout.equipment.find((e) => e.kind === 'gate-lane')!;
    const snap = hello.snapshot.entities.find((e) => e.id === lane.id);
    expect(snap?.kind).toBe('gate-lane');
    expect(snap?.at).toEqual(lane.position);
    expect(snap?.state['barrier']).toBe('down');
  });

  it('visual events flow in time-ordered batches that continue the snapshot without gaps', async () => {
    while (batches.reduce((n, b) => n + b.events.length, 0) < 100) await sleep(50);
    let last = hello.snapshot.t;
    for (const b of batches) {
      expect(b.to).toBeGreaterThanOrEqual(b.from);
      for (const e of b.events) {
        expect(e.t).toBeGreaterThanOrEqual(last);
        expect(e.t).toBeLessThanOrEqual(b.to);
        last = e.t;
      }
    }
    // Applied to the snapshot, the batches name only entities the client knows (IGVs aside: the fleet draws them).
    const table = tableFromSnapshot(hello.snapshot);
    const events = batches.flatMap((b) => b.events).filter((e) => !(e.type === 'pick' && e.by.startsWith('igv:')));
    applyVisualEvents(table, events);
    expect(table.unknown).toBe(0);
    const kinds = new Set(snapshotAt(table).entities.map((e) => e.kind));
    expect(kinds.has('truck') || kinds.has('container')).toBe(true);
  });

  it('KPI frames arrive about once a second with the headline figures', async () => {
    const frame = await next(client, 'kpi:updated');
    expect(frame.stations['parking']?.units).toBeGreaterThan(0);
    expect(frame.turnTimeMin).toHaveProperty('p95');
    expect(Array.isArray(frame.alerts)).toBe(true);
  });

  it('pause stops the clock, play and speed move it again, a jump resets the world ahead', async () => {
    const paused = await command(client, 'clock:pause', {});
    expect(paused.ok).toBe(true);
    expect(paused.clock.paused).toBe(true);
    await sleep(300);
    const a = await command(client, 'session:list', {});
    await sleep(400);
    const b = await command(client, 'session:list', {});
    expect(b.sessions[0].clock.t).toBe(a.sessions[0].clock.t);
    expect(b.sessions[0].clock.paused).toBe(true);

    const fast = await command(client, 'clock:speed', { speed: 1200 });
    expect(fast.clock.speed).toBe(1200);
    const played = await command(client, 'clock:play', {});
    expect(played.clock.paused).toBe(false);
    const moved = await next(client, 'clock:changed', (c) => c.t > b.sessions[0].clock.t);
    expect(moved.speed).toBe(1200);

    const target = moved.t + 3_600_000;
    const reset = next(client, 'world:reset');
    const jumped = await command(client, 'clock:jump', { t: target });
    expect(jumped.ok).toBe(true);
    const r = await reset;
    expect(r.reason).toBe('jump');
    expect(r.snapshot.t).toBeGreaterThanOrEqual(target);
    const back = await command(client, 'clock:jump', { t: 0 });
    expect(back.ok).toBe(false);
    expect(back.error.code).toBe('conflict');
    expect(back.error.field).toBe('t');
  });

  it('bad messages are refused with the field named, and nothing changes', async () => {
    const before = (await command(client, 'session:list', {})).sessions[0].clock;
    const cases: Array<[Parameters<typeof command>[1], unknown, string]> = [
      ['clock:speed', { speed: 'fast' }, 'speed'],
      ['clock:speed', { speed: 0 }, 'speed'],
      ['clock:speed', {}, 'speed'],
      ['clock:jump', { t: -5 }, 't'],
      ['clock:jump', { t: 'soon' }, 't'],
      ['sim:restart', { seed: 1.5 }, 'seed'],
      ['clock:play', { now: true }, 'now'],
      ['scenario:set', { path: 'demand.vehiclesPerDay', value: -10 }, 'value'],
      ['scenario:set', { path: 'demand.nope', value: 3 }, 'path'],
      ['controller:register', { role: 'god' }, 'role'],
      ['session:join', { sessionId: 'nope' }, 'sessionId'],
    ];
    for (const [name, payload, field] of cases) {
      const ack = await command(client, name, payload);
      expect(ack.ok, `${name} ${JSON.stringify(payload)}`).toBe(false);
      expect(ack.error.field, `${name} ${JSON.stringify(payload)}`).toBe(field);
      expect(ack.error.message.length).toBeGreaterThan(5);
    }
    const after = (await command(client, 'session:list', {})).sessions[0];
    expect(after.seed).toBe(1);
    expect(after.clock.speed).toBe(before.speed);
    expect(after.clock.paused).toBe(before.paused);
    const hello2 = await command(client, 'session:join', {});
    expect(hello2.hello.whatIf).toEqual([]);
  });

  it('a what-if on demand restarts the session with the changed scenario and says so', async () => {
    const reset = next(client, 'world:reset');
    const ack = await command(client, 'scenario:set', { path: 'demand.vehiclesPerDay', value: 400 });
    expect(ack.ok).toBe(true);
    expect(ack.change).toMatchObject({ path: 'demand.vehiclesPerDay', value: 400, effect: 'restart' });
    const r = await reset;
    expect(r.reason).toBe('what-if');
    expect(r.clock.t).toBe(0);
    expect(r.whatIf).toHaveLength(1);
    const now = await command(client, 'scenario:set', { path: 'control.craneScheduler.strategy', value: 'import-first' });
    expect(now.change.effect).toBe('now');
  });
});

describe('live session: a streamed run equals the headless run', () => {
  it('at full speed, with pauses and speed changes on the way, the streamed run ends with the headless traceHash', async () => {
    const server = await startServer({ speed: 2000, seed: 7 });
    const client = connect(server);
    try {
      await next(client, 'session:joined');
      await sleep(200);
      await command(client, 'clock:pause', {});
      await sleep(100);
      await command(client, 'clock:play', {});
      await command(client, 'clock:speed', { speed: 'max' });
      const ended = await next(client, 'session:ended', undefined, 60_000);
      expect(ended.reason).toBe('horizon');
      expect(ended.traceHash).toBe(tinyHeadlessHash(7));
      // A client joining a finished session still sees its final state.
      const late = await command(client, 'session:join', {});
      expect(late.hello.clock.ended).toBe(true);
      expect(late.hello.snapshot.t).toBe(6 * 3_600_000);
      expect(late.hello.snapshot.entities.length).toBeGreaterThan(0);
      const restarted = next(client, 'session:ended', undefined, 60_000);
      const ack = await command(client, 'sim:restart', { seed: 3 });
      expect(ack).toMatchObject({ ok: true, seed: 3 });
      expect((await restarted).traceHash).toBe(tinyHeadlessHash(3));
    } finally {
      client.close();
      await server.close();
    }
  });
});

describe('live server: HTTP', () => {
  it('answers /healthz and the scenario API, and refuses unknown presets', async () => {
    const server = await startServer({ scenario: null });
    try {
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as any;
      expect(health.ok).toBe(true);
      const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as any;
      expect(list.map((s: { name: string }) => s.name)).toContain('huu-nghi-smart-2030');
      const one = await fetch(`${server.url}/api/scenarios/tiny`);
      expect(one.status).toBe(200);
      expect(((await one.json()) as any).meta.id).toBe('tiny');
      const missing = await fetch(`${server.url}/api/scenarios/nope`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as any).error).toContain('nope');
    } finally {
      await server.close();
    }
  });
});
