import { describe, expect, it } from 'vitest';
import { widenings } from '../check-shapes.ts';

const MARK = '[generalizing]checkShapesSecondRun:s{Any;const}->d{Any;mutable} (+1 maps) [~mark+10 at file:///r/tools/check-shapes.ts:1]';
const END = '[generalizing]checkShapesSecondRunEnd:s{Any;const}->d{Any;mutable} (+1 maps) [~mark+10 at file:///r/tools/check-shapes.ts:1]';
const at = (file: string): string => `[new ~X+3 at file:///r/sim-core/src/${file}:1]`;

describe('check-shapes: widenings in a --trace-generalization log', () => {
  it('reports the second run’s widenings of sim-core fields: representation, object type, constness', () => {
    const trace = [
      `[generalizing]now:s{Any;mutable}->d{Any;mutable} (+2 maps) ${at('kernel/environment.ts')}`,
      MARK,
      `[generalizing]time:s{Any;mutable}->d{Any;mutable} (+7 maps) ${at('kernel/event-queue.ts')}`,
      `[generalizing]env:h{Class(0x1234);const}->h{Any;const} (uninitialized field) ${at('resources/resource.ts')}`,
      `[generalizing]buf:h{Class(0x99);const}->h{Class(0x99);mutable} (uninitialized field) ${at('kernel/deque.ts')}`,
      END,
      `[generalizing]p50:v{None;const}->d{Any;const} (+3 maps) ${at('stats/tally.ts')}`,
    ].join('\n');
    expect(widenings(trace)).toEqual([
      `time:s{Any;mutable}->d{Any;mutable} (+7 maps) [new ~X+3 at sim-core/src/kernel/event-queue.ts:1]`,
      `env:h{Class(0x1234);const}->h{Any;const} (uninitialized field) [new ~X+3 at sim-core/src/resources/resource.ts:1]`,
      `buf:h{Class(0x99);const}->h{Class(0x99);mutable} (uninitialized field) [new ~X+3 at sim-core/src/kernel/deque.ts:1]`,
    ]);
  });

  it('leaves out refills that change nothing, code outside sim-core and fromScenario’s drafts', () => {
    const trace = [
      MARK,
      `[generalizing]freeSlots:s{Any;const}->s{Any;const} (uninitialized field) ${at('model/crossing-model.ts')}`,
      `[generalizing]href:h{Any;const}->h{Any;mutable} (uninitialized field) [~f+1 at node:internal/url:878]`,
      `[generalizing]demand:h{Class(0x5);const}->h{Any;const} (uninitialized field) ${at('model/from-scenario.ts')}`,
      END,
    ].join('\n');
    expect(widenings(trace)).toEqual([]);
  });

  it('reads any pair of marks: the first run after its first hour has its own', () => {
    const first = (name: string): string => `[generalizing]${name}:s{Any;const}->d{Any;mutable} (+1 maps) [~mark+10 at file:///r/tools/check-shapes.ts:1]`;
    const trace = [
      first('checkShapesFirstRunLate'),
      `[generalizing]remaining:d{Any;const}->d{Any;mutable} (uninitialized field) ${at('resources/usage.ts')}`,
      first('checkShapesFirstRunLateEnd'),
      MARK,
      END,
    ].join('\n');
    expect(widenings(trace, 'checkShapesFirstRunLate:', 'checkShapesFirstRunLateEnd:')).toEqual([`remaining:d{Any;const}->d{Any;mutable} (uninitialized field) [new ~X+3 at sim-core/src/resources/usage.ts:1]`]);
    expect(widenings(trace)).toEqual([]);
  });
});
