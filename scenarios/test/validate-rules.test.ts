import { describe, expect, it } from 'vitest';
import { validateScenario } from '../validate.ts';
import { errorsAfter, expectError, expectOnlyError, presetJson } from './support/fixtures.ts';

describe('validateScenario: shares and times', () => {
  it('channel shares that do not add up to 1 give the sum and the parts', () => {
    const errors = errorsAfter((s) => (s.customs.export.channels.red = 0.1));
    expectOnlyError(errors, '$.customs.export.channels', 'green, yellow and red shares must add up to 1, but they add up to 1.05 (0.75 + 0.2 + 0.1)');
  });

  it('channel shares within 1e-9 of 1 are accepted', () => {
    const s = presetJson('huu-nghi-smart-2030');
    s.customs.export.channels = { green: 0.7, yellow: 0.2, red: 0.1 }; // 0.9999999999999999 in floating point
    expect(validateScenario(s).ok).toBe(true);
  });

  it('a negative time in a distribution is rejected at the parameter', () => {
    const errors = errorsAfter((s) => (s.customs.export.yellowCheck = { dist: 'tri', min: -5, mode: 15, max: 60, unit: 'min' }));
    expectOnlyError(errors, '$.customs.export.yellowCheck.min', 'min (-5) must not be negative: it is a duration in min');
  });

  it('an impossible distribution (mode outside its range) is rejected at the parameter', () => {
    const errors = errorsAfter((s) => (s.yard.handover.mode = 10));
    expectOnlyError(errors, '$.yard.handover.mode', 'mode (10) must lie between min (1.5) and max (4)');
  });

  it('a duration without a unit is rejected', () => {
    const errors = errorsAfter((s) => delete s.scanners.scanTime.unit);
    expectOnlyError(errors, '$.scanners.scanTime.unit', 'unit is missing');
  });

  it('an unknown distribution lists the known ones', () => {
    const errors = errorsAfter((s) => (s.scanners.scanTime.dist = 'trianglar'));
    expectOnlyError(errors, '$.scanners.scanTime.dist', 'unknown distribution "trianglar"; known distributions are');
  });

  it('a distance in metres takes no time unit', () => {
    const errors = errorsAfter((s) => {
      s.yard.handling.cycle = {
        model: 'kinematic', gantryMps: 4, trolleyMps: 0.8, hoistMps: 0.8,
        gantryDistanceM: { dist: 'uniform', min: 0, max: 120, unit: 's' },
        trolleyDistanceM: { dist: 'uniform', min: 0, max: 25 }, hoistDistanceM: { dist: 'const', value: 12 },
        fixed: { dist: 'tri', min: 20, mode: 30, max: 50, unit: 's' },
      };
    });
    expectOnlyError(errors, '$.yard.handling.cycle.gantryDistanceM.unit', 'a distance is in metres and takes no unit');
  });

  it('a failure that would repeat at once (MTBF mean 0) is impossible', () => {
    const errors = errorsAfter((s) => (s.failures.igvs.mtbf = { dist: 'const', value: 0, unit: 'h' }));
    expectOnlyError(errors, '$.failures.igvs.mtbf', 'mtbf has a mean of 0 h');
  });

  it('a warm-up as long as the horizon leaves nothing to measure', () => {
    const errors = errorsAfter((s) => (s.horizon = { days: 2, warmupHours: 48 }));
    expectOnlyError(errors, '$.horizon.warmupHours', 'the warm-up (48 h) must be shorter than the horizon (2 days = 48 h)');
  });
});

describe('validateScenario: hourly profile, hours, arrivals', () => {
  it('an hourly profile needs exactly 24 weights', () => {
    const errors = errorsAfter((s) => (s.demand.export.hourlyProfile = [1, 2, 3]));
    expectOnlyError(errors, '$.demand.export.hourlyProfile', 'hourlyProfile needs exactly 24 weights');
  });

  it('an hourly weight must not be negative', () => {
    const errors = errorsAfter((s) => (s.demand.import.hourlyProfile[3] = -2));
    expectOnlyError(errors, '$.demand.import.hourlyProfile[3]', 'hourlyProfile[3] (-2) must not be negative');
  });

  it('an hourly profile of zeros has no positive sum', () => {
    const errors = errorsAfter((s) => (s.demand.export.hourlyProfile = new Array(24).fill(0)));
    expectOnlyError(errors, '$.demand.export.hourlyProfile', 'weights are all 0; at least one hour needs a positive weight');
  });

  it('a closing time at or before the opening time is rejected', () => {
    const errors = errorsAfter((s) => (s.hours.VN = { open: '20:00', close: '07:00' }), 'huu-nghi-baseline-2025');
    expectOnlyError(errors, '$.hours.VN.close', 'closing time 07:00 must be later than opening time 20:00');
  });

  it('opening hours of the two sides that never overlap would let nothing cross', () => {
    const errors = errorsAfter((s) => (s.hours.CN = { open: '20:00', close: '24:00' }), 'huu-nghi-baseline-2025');
    expectOnlyError(errors, '$.hours.CN', 'opening hours never overlap');
  });

  it('closed days covering the whole horizon would let nothing cross', () => {
    const errors = errorsAfter((s) => {
      s.horizon = { days: 2, warmupHours: 0 };
      s.hours.closedDays = [0, 1];
    });
    expectOnlyError(errors, '$.hours.closedDays', 'every day of the 2-day horizon is a closed day');
  });

  it('appointment slots must divide a day evenly', () => {
    const errors = errorsAfter((s) => (s.demand.export.arrivals.slotMinutes = 50), 'tiny');
    expectOnlyError(errors, '$.demand.export.arrivals.slotMinutes', 'slotMinutes (50) must divide a day (1440 min) evenly');
  });
});

describe('validateScenario: layout', () => {
  it('a zone polygon with fewer than 3 corners is rejected', () => {
    const errors = errorsAfter((s) => (s.layout.zones[0].polygon = [[0, 0], [10, 0]]));
    expectError(errors, '$.layout.zones[0].polygon', 'a zone polygon needs at least 3 corners');
  });

  it('a self-intersecting zone polygon names the crossing edges', () => {
    const errors = errorsAfter((s) => (s.layout.zones[0].polygon = [[-350, -1250], [150, -950], [150, -1250], [-350, -950]]));
    expectOnlyError(errors, '$.layout.zones[0].polygon', 'the outline of zone "vn-regulating-parking" crosses itself: edge 1 (from corner 0) meets edge 3 (from corner 2)');
  });

  it('a zone whose corners lie on one line has no area', () => {
    const errors = errorsAfter((s) => (s.layout.zones[0].polygon = [[0, 0], [10, 0], [20, 0]]));
    expectOnlyError(errors, '$.layout.zones[0].polygon', 'has no area');
  });

  it('equipment placed in an unknown zone is rejected', () => {
    const errors = errorsAfter((s) => (s.layout.equipment[0].zone = 'vn-nowhere'));
    expectOnlyError(errors, '$.layout.equipment[0].zone', 'is placed in zone "vn-nowhere", which is not in layout.zones');
  });

  it('equipment outside its zone polygon is rejected with its position', () => {
    const errors = errorsAfter((s) => (s.layout.equipment[0].position = [5000, 5000]));
    expectOnlyError(errors, '$.layout.equipment[0].position', 'at (5000, 5000) lies outside its zone "vn-truck-gate"');
  });

  it('equipment in a zone of the wrong kind is rejected', () => {
    const errors = errorsAfter((s) => {
      const scanner = s.layout.equipment.find((e: { kind: string }) => e.kind === 'scanner');
      const parking = s.layout.zones.find((z: { kind: string }) => z.kind === 'parking');
      scanner.zone = parking.id;
      scanner.position = parking.polygon[0];
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('stands in parking zone "vn-regulating-parking", but a scanner belongs in a scanner zone');
  });

  it('duplicate zone ids are rejected', () => {
    const errors = errorsAfter((s) => (s.layout.zones[1].id = s.layout.zones[0].id));
    expectError(errors, '$.layout.zones[1].id', 'zone id "vn-regulating-parking" is already used by zones[0]');
  });

  it('a route drawn far longer or shorter than its sections is rejected', () => {
    const errors = errorsAfter((s) => (s.layout.routes[0].sections[3].lengthM = 5000));
    expectOnlyError(errors, '$.layout.routes[0].path', 'route "igv-route" is drawn 3630 m long but its sections add up to 5830 m');
  });

  it('route sections must run from Vietnam to China', () => {
    const errors = errorsAfter((s) => s.layout.routes[0].sections.reverse());
    expectOnlyError(errors, '$.layout.routes[0].sections', 'must run from Vietnam to China');
  });

  it('a route that never crosses the zero line is rejected', () => {
    const errors = errorsAfter((s) => (s.site.zeroLine = [[-1500, 5000], [1500, 5000]]));
    expectOnlyError(errors, '$.layout.routes[0].path', 'never crosses the zero line');
  });
});

describe('validateScenario: mode and references', () => {
  it('smart mode without an IGV fleet is rejected', () => {
    const errors = errorsAfter((s) => delete s.transport.igv);
    expectOnlyError(errors, '$.transport.igv', 'smart mode needs an IGV fleet');
  });

  it('baseline mode has no automated cranes and needs trucks on the channel', () => {
    const errors = errorsAfter((s) => (s.mode = 'baseline'));
    expect(errors.map((e) => e.path)).toEqual(['$.yard.handling.equipment', '$.transport.truck', '$.chinaSide.handling.equipment']);
    expectError(errors, '$.yard.handling.equipment', 'baseline mode has no automated cranes');
  });

  it('the IGV fleet must drive a layout route of kind igv', () => {
    expectOnlyError(errorsAfter((s) => (s.transport.igv.routeId = 'nope')), '$.transport.igv.routeId', 'route "nope" is not in layout.routes (known routes: "igv-route")');
    expectOnlyError(errorsAfter((s) => (s.layout.routes[0].kind = 'truck')), '$.transport.igv.routeId', 'is a truck route, but transport.igv needs a route of kind "igv"');
  });

  it('targets with an IGV utilization range upside down are rejected', () => {
    const errors = errorsAfter((s) => (s.targets.igvUtilization = { min: 0.9, max: 0.7 }));
    expectOnlyError(errors, '$.targets.igvUtilization.max', 'max (0.7) must not be less than min (0.9)');
  });

  it('a gate that reads the same thing twice is rejected', () => {
    const errors = errorsAfter((s) => (s.gates.vnTruck.steps[1].step = 'plate'));
    expectOnlyError(errors, '$.gates.vnTruck.steps[1].step', 'step "plate" appears twice');
  });
});
