import { describe, expect, it } from 'vitest';
import { runController } from '../../../examples/dispatch-controller.ts';
import { loadScenario } from '../../../scenarios/index.ts';
import { startLiveServer } from '../../live/live-server.ts';
import { replayRun } from '../../live/replay.ts';

describe('the example controller (examples/dispatch-controller.ts) on a live server', () => {
  it('controls a live session to its end, and the decision log replays to the same traceHash', async () => {
    const server = await startLiveServer({ port: 0, host: '127.0.0.1', scenario: 'tiny', speed: 'max', paused: true, viewer: 'skip', controlToken: 'k', log: () => {} });
    try {
      const run = await runController({ url: server.url, role: 'yard-plan', token: 'k', log: () => {} });
      run.socket.emit('clock:play', {}, () => {});
      const end = await run.ended;
      run.socket.close();
      expect(end.reason).toBe('horizon');
      expect(run.answered).toBeGreaterThan(5);
      expect(run.fellBack).toBe(0);
      const tiny = loadScenario('tiny');
      if (!tiny.ok) throw new Error('tiny invalid');
      expect(replayRun(tiny.scenario, 1, tiny.scenario.horizon.days, end.decisions).traceHash).toBe(end.traceHash);
    } finally {
      await server.close();
    }
  });
});
