/**
 * The Vietnamese yard's admission cap at huu-nghi-smart-2030 with 90 IGVs: more than 34 vehicles
 * never stand in it (without the cap it took up to 58 on day 1, and 90 IGVs cleared fewer vehicles
 * a day than 80).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/index.ts';
import { validateScenario } from '../../scenarios/validate.ts';
import type { NetworkTransport } from '../../sim-core/src/fleet/network-transport.ts';
import { CrossingModel } from '../../sim-core/src/model/crossing-model.ts';
import { fromScenario } from '../../sim-core/src/model/from-scenario.ts';
import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import { withNetwork } from '../lane-networks.ts';

describe('the Vietnamese yard admission at huu-nghi-smart-2030 with 90 IGVs', () => {
  it('never holds more than 34 vehicles, and some wait to be admitted', () => {
    const loaded = loadScenario('huu-nghi-smart-2030');
    if (!loaded.ok) throw new Error('preset does not load');
    const base = loaded.scenario;
    const s: Scenario = withNetwork({ ...base, transport: { ...base.transport, igv: { ...base.transport.igv!, fleet: 90 } } }, 90);
    const v = validateScenario(s);
    if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 2)));
    const model = new CrossingModel(fromScenario(v.scenario, { seed: 1, days: 1 }));
    const manager = (model.transport as unknown as NetworkTransport).manager;
    expect(manager.admission.cap.VN).toBe(34);
    // Half the fleet (45) starts in Vietnam: nobody is admitted until that is down to the cap,
    // and from then on the yard fills to its cap and no further.
    let capped = false;
    let most = 0;
    let queued = 0;
    for (let t = 0; t < 24 * 3_600_000; t += 60_000) {
      model.env.run(t);
      const inVn = manager.vehicles.filter((x) => x.side === 'VN').length;
      if (t === 0) expect(inVn).toBe(45);
      capped ||= inVn <= 34;
      if (capped) most = Math.max(most, inVn);
      queued = Math.max(queued, manager.admission.waiting('VN'));
    }
    expect(capped).toBe(true);
    expect(most).toBe(34);
    expect(queued).toBeGreaterThan(0);
  }, 120_000);
});
