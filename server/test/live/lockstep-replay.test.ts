import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/index.ts';
import { Environment } from '../../../sim-core/src/kernel/environment.ts';
import { Lockstep, ReplayDivergedError, type DecisionLogEntry } from '../../../sim-core/src/stream/lockstep.ts';
import { replayRun } from '../../live/replay.ts';

describe('lockstep decisions', () => {
  it('live: the decision reaches the model in an event at the asking time, after the host answers; replay: from the log, same events', () => {
    const trace = (env: Environment): string[] => {
      const seen: string[] = [];
      env.addTraceSink({ event: (t, _p, seq, tag) => seen.push(`${t}/${seq}/${tag}`) });
      return seen;
    };
    const live = new Environment();
    const liveTrace = trace(live);
    const ls = Lockstep.live(live);
    ls.setControl('yard-plan', true);
    const got: unknown[] = [];
    live.call(1000, () => ls.ask('yard-plan', { q: 1 }, () => ({ plan: 'storage' }), (d) => got.push(d)));
    live.call(1000, () => got.push('other event at the same time'));
    live.call(2000, () => got.push('later'));
    // The ask stops advanceTo after the current event; nothing later runs before the answer.
    expect(live.advanceTo(5000)).toBe(false);
    expect(live.now).toBe(1000);
    expect(ls.waiting).toMatchObject({ seq: 1, role: 'yard-plan', t: 1000, request: { q: 1 } });
    expect(got).toEqual([]);
    ls.answer(1, { plan: 'direct' });
    expect(live.advanceTo(5000)).toBe(true);
    expect(got).toEqual(['other event at the same time', { plan: 'direct' }, 'later']);

    const replay = new Environment();
    const replayTrace = trace(replay);
    const rs = Lockstep.replay(replay, ls.log);
    const got2: unknown[] = [];
    replay.call(1000, () => rs.ask('yard-plan', { q: 1 }, () => ({ plan: 'storage' }), (d) => got2.push(d)));
    replay.call(1000, () => got2.push('other event at the same time'));
    replay.call(2000, () => got2.push('later'));
    expect(replay.advanceTo(5000)).toBe(true);
    expect(got2).toEqual(got);
    expect(replayTrace).toEqual(liveTrace);
    expect(replay.traceHash).toBe(live.traceHash);
  });

  it('a replay whose log does not match the run stops with the decision, time and role', () => {
    const r = loadScenario('tiny');
    if (!r.ok) throw new Error('tiny invalid');
    const log: DecisionLogEntry[] = [
      { kind: 'control', role: 'yard-plan', t: 0, on: true },
      { kind: 'decision', seq: 1, role: 'igv-dispatch', t: 0, decision: { assignments: [] }, source: 'controller' },
    ];
    expect(() => replayRun(r.scenario, 1, r.scenario.horizon.days, log)).toThrow(ReplayDivergedError);
    expect(() => replayRun(r.scenario, 1, r.scenario.horizon.days, log)).toThrow(/decision 1 \(yard-plan, t = \d+ ms\).*igv-dispatch/);
  });
});
