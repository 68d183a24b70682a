import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/index.ts';
import { fromScenario } from '../../../sim-core/src/model/from-scenario.ts';
import { runCrossing } from '../../../sim-core/src/model/run-summary.ts';
import type { DecisionRequest } from '../../../sim-core/src/stream/protocol.ts';
import type { LiveServer } from '../../live/live-server.ts';
import { replayRun } from '../../live/replay.ts';
import { command, connect, logs, next, startServer, type Client } from './live-helpers.ts';

const tiny = (() => {
  const r = loadScenario('tiny');
  if (!r.ok) throw new Error('tiny preset invalid');
  return r.scenario;
})();

describe('lockstep controller', () => {
  let server: LiveServer | null = null;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
    server = null;
  });

  it('is obeyed while simulated time waits for it, and its decision log replays to the same traceHash', async () => {
    server = await startServer({ speed: 'max', paused: true });
    const controller = connect(server);
    clients.push(controller);
    await next(controller, 'session:joined');
    const reg = await command(controller, 'controller:register', { role: 'yard-plan', timeoutMs: 10_000 });
    expect(reg.ok).toBe(true);
    expect(reg.status).toMatchObject({ role: 'yard-plan', holder: controller.id });

    const seen: DecisionRequest[] = [];
    let frozenOk = true;
    controller.on('decision:requested', (req) => {
      seen.push(req);
      setTimeout(async () => {
        // Simulated time stands still while the answer is outstanding: the worker's own clock says so.
        const again = await command(controller, 'session:join', {});
        if (again.hello.clock.t !== req.t) frozenOk = false;
        // The controller's policy: every container into storage, never direct.
        const ack = await command(controller, 'controller:decide', { requestId: req.requestId, decision: { plan: 'storage' } });
        if (!ack.ok) throw new Error(ack.error.message);
      }, seen.length <= 3 ? 150 : 0);
    });
    const ended = next(controller, 'session:ended', undefined, 90_000);
    await command(controller, 'clock:play', {});
    const end = await ended;
    expect(end.reason).toBe('horizon');
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((r) => r.role === 'yard-plan')).toBe(true);
    expect(frozenOk).toBe(true);

    const decisions = end.decisions.filter((e) => e.kind === 'decision');
    expect(decisions).toHaveLength(seen.length);
    expect(decisions.every((d) => d.kind === 'decision' && d.source === 'controller' && (d.decision as { plan: string }).plan === 'storage')).toBe(true);
    expect(end.decisions[0]).toMatchObject({ kind: 'control', role: 'yard-plan', on: true });

    // Obeyed: no container took the direct path, so the run differs from the built-in planner's.
    const replay = replayRun(tiny, 1, tiny.horizon.days, end.decisions);
    expect(replay.traceHash).toBe(end.traceHash);
    expect(replay.decisions).toBe(seen.length);
    expect(end.traceHash).not.toBe(runCrossing(fromScenario(tiny)).traceHash);
  });

  it('falls back to the built-in strategy on timeout, logs it, and the log still replays', async () => {
    server = await startServer({ speed: 'max', paused: true });
    const watcher = connect(server);
    const silent = connect(server);
    clients.push(watcher, silent);
    await next(watcher, 'session:joined');
    await next(silent, 'session:joined');
    await command(silent, 'controller:register', { role: 'yard-plan', timeoutMs: 20 });
    const fellBack = next(watcher, 'decision:fellBack');
    const ended = next(watcher, 'session:ended', undefined, 120_000);
    // A wrong answer is refused and the simulation keeps waiting for a good one (or the timeout).
    silent.once('decision:requested', async (req) => {
      const bad = await command(silent, 'controller:decide', { requestId: req.requestId, decision: { plan: 'teleport' } });
      expect(bad.ok).toBe(false);
      expect(bad.error.field).toBe('decision.plan');
    });
    await command(watcher, 'clock:play', {});
    const f = await fellBack;
    expect(f.reason).toBe('timeout');
    // The silent controller disconnects: the role returns to the built-in planner.
    silent.close();
    const end = await ended;
    const decisions = end.decisions.filter((e) => e.kind === 'decision');
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((d) => d.kind === 'decision' && d.source === 'fallback')).toBe(true);
    expect(end.decisions.some((e) => e.kind === 'control' && !e.on)).toBe(true);
    expect(logs.some((l) => l.includes('no answer to yard-plan decision'))).toBe(true);
    expect(replayRun(tiny, 1, tiny.horizon.days, end.decisions).traceHash).toBe(end.traceHash);
  });

  it('a role is held by one controller at a time, and only it may answer', async () => {
    server = await startServer({ speed: 60, paused: true });
    const a = connect(server);
    const b = connect(server);
    clients.push(a, b);
    await next(a, 'session:joined');
    await next(b, 'session:joined');
    expect((await command(a, 'controller:register', { role: 'yard-plan' })).ok).toBe(true);
    const taken = await command(b, 'controller:register', { role: 'yard-plan' });
    expect(taken.error).toMatchObject({ code: 'conflict', field: 'role' });
    const noSuch = await command(b, 'controller:decide', { requestId: 99, decision: { plan: 'direct' } });
    expect(noSuch.error).toMatchObject({ code: 'not-found', field: 'requestId' });
  });
});
