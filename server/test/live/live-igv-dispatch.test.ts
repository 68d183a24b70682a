import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/index.ts';
import { dispatchGreedy } from '../../../examples/dispatch-controller.ts';
import type { DispatchRequest } from '../../../sim-core/src/fleet/dispatch/dispatch-types.ts';
import { replayRun } from '../../live/replay.ts';
import { command, connect, next, startServer } from './live-helpers.ts';

describe('lockstep IGV dispatch', () => {
  it('an external dispatcher decides which IGV takes which container; its log replays to the same traceHash', async () => {
    const days = 0.1;
    const server = await startServer({ scenario: 'huu-nghi-smart-2030', days, speed: 'max', paused: true });
    const c = connect(server);
    try {
      await next(c, 'session:joined');
      expect((await command(c, 'controller:register', { role: 'igv-dispatch' })).ok).toBe(true);
      let requested = 0;
      let assigned = 0;
      c.on('decision:requested', (req) => {
        requested++;
        const decision = dispatchGreedy(req.request as unknown as DispatchRequest);
        assigned += decision.assignments.length;
        c.emit('controller:decide', { requestId: req.requestId, decision }, (ack) => {
          if (!ack.ok) throw new Error(ack.error.message);
        });
      });
      // IGVs move under the dispatcher's orders: the fleet draws them.
      let igvMotions = 0;
      c.on('events:batched', (b) => (igvMotions += b.events.filter((e) => e.type === 'motion' && e.id.startsWith('igv:')).length));
      const ended = next(c, 'session:ended', undefined, 120_000);
      await command(c, 'clock:play', {});
      const end = await ended;
      expect(end.reason).toBe('horizon');
      expect(requested).toBeGreaterThan(10);
      expect(assigned).toBeGreaterThan(0);
      expect(igvMotions).toBeGreaterThan(0);
      const decisions = end.decisions.filter((e) => e.kind === 'decision');
      expect(decisions.length).toBe(requested);
      expect(decisions.every((d) => d.kind === 'decision' && d.role === 'igv-dispatch' && d.source === 'controller')).toBe(true);
      const s = loadScenario('huu-nghi-smart-2030');
      if (!s.ok) throw new Error('preset invalid');
      expect(replayRun(s.scenario, s.scenario.seed, days, end.decisions).traceHash).toBe(end.traceHash);
    } finally {
      c.close();
      await server.close();
    }
  });
});
