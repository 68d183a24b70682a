import { afterEach, describe, expect, it } from 'vitest';
import type { LiveServer } from '../../live/live-server.ts';
import { command, connect, next, sleep, startServer, type Client } from './live-helpers.ts';

describe('live server: isolation, reconnects, access and limits', () => {
  let server: LiveServer | null = null;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
    server = null;
  });

  it('a killed session ends with an error to its clients while the server and other sessions go on', async () => {
    server = await startServer({ speed: 600 });
    const a = connect(server);
    clients.push(a);
    await next(a, 'session:joined');
    const created = await command(a, 'session:create', { scenario: 'tiny', speed: 1200 });
    expect(created).toMatchObject({ ok: true, sessionId: 's1' });
    const b = connect(server, { sessionId: 's1' });
    clients.push(b);
    expect((await next(b, 'session:joined')).sessionId).toBe('s1');

    const ended = next(a, 'session:ended');
    server.manager.get('main')!.kill();
    const e = await ended;
    expect(e.reason).toBe('error');
    expect(e.message).toContain('worker');

    // The other session still streams, and the server still answers.
    const batch = await next(b, 'events:batched');
    expect(batch.events.length).toBeGreaterThan(0);
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as any;
    expect(health.sessions.find((s: { id: string }) => s.id === 's1').ended).toBe(false);
    // Commands to the dead session are refused.
    const dead = await command(a, 'clock:play', {});
    expect(dead.error.code).toBe('ended');
    // A restart brings the failed session back on a new worker.
    const reset = next(a, 'world:reset');
    expect((await command(a, 'sim:restart', { seed: 2 })).ok).toBe(true);
    expect((await reset).clock.t).toBe(0);
    expect((await next(a, 'events:batched')).events.length).toBeGreaterThan(0);
  });

  it('a simulation that throws ends its session with the error message', async () => {
    server = await startServer({ speed: 'max', failAtMs: 3_600_000 });
    const a = connect(server);
    clients.push(a);
    const ended = next(a, 'session:ended');
    await next(a, 'session:joined');
    const e = await ended;
    expect(e.reason).toBe('error');
    expect(e.message).toContain('injected failure at 3600000 ms');
    expect(e.t).toBe(3_600_000);
  });

  it('a client that drops and reconnects gets a fresh hello (snapshot) of its session', async () => {
    server = await startServer({ speed: 1200 });
    const a = connect(server);
    clients.push(a);
    const first = await next(a, 'session:joined');
    await sleep(500);
    const again = next(a, 'session:joined');
    // Drop the transport as a network failure would; socket.io reconnects by itself.
    a.io.engine.close();
    const second = await again;
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.snapshot.t).toBeGreaterThan(first.snapshot.t);
    expect(second.snapshot.entities.length).toBeGreaterThan(0);
    await next(a, 'events:batched');
  });

  it('with CONTROL_TOKEN set, clients without it may watch but not control', async () => {
    server = await startServer({ controlToken: 'sesame' });
    const viewer = connect(server);
    const operator = connect(server, { token: 'sesame' });
    clients.push(viewer, operator);
    expect((await next(viewer, 'session:joined')).canControl).toBe(false);
    expect((await next(operator, 'session:joined')).canControl).toBe(true);
    const refused = await command(viewer, 'clock:pause', {});
    expect(refused.error.code).toBe('unauthorized');
    expect((await command(viewer, 'session:list', {})).sessions[0].clock.paused).toBe(false);
    expect((await command(operator, 'clock:pause', {})).ok).toBe(true);
  });

  it('refuses sessions, viewers, horizons and message rates over the limits, saying which limit', async () => {
    server = await startServer({ limits: { maxSessions: 2, maxViewersPerSession: 1, maxHorizonDays: 2, maxMessagesPerSecond: 5 } });
    const a = connect(server);
    clients.push(a);
    await next(a, 'session:joined');
    const long = await command(a, 'session:create', { scenario: 'tiny', days: 5 });
    expect(long.error).toMatchObject({ code: 'limit', field: 'days' });
    expect(long.error.message).toContain('maxHorizonDays');
    expect((await command(a, 'session:create', { scenario: 'tiny', days: 1 })).ok).toBe(true);
    const more = await command(a, 'session:create', { scenario: 'tiny' });
    expect(more.error.code).toBe('limit');
    expect(more.error.message).toContain('maxSessions');
    const b = connect(server);
    clients.push(b);
    const refused = await next(b, 'session:refused');
    expect(refused.code).toBe('limit');
    const join = await command(b, 'session:join', {});
    expect(join.error.code).toBe('limit');
    expect(join.error.message).toContain('maxViewersPerSession');
    const acks = await Promise.all(Array.from({ length: 15 }, () => command(a, 'session:list', {})));
    const limited = acks.filter((r) => !r.ok);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].error.message).toContain('maxMessagesPerSecond');
  });
});
