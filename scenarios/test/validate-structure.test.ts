import { describe, expect, it } from 'vitest';
import { validateScenario } from '../validate.ts';
import { errorsAfter, errorsOf, expectError, expectOnlyError, presetJson } from './support/fixtures.ts';

describe('validateScenario: structure', () => {
  it('a valid scenario comes back typed, with defaults filled in', () => {
    const s = presetJson('tiny');
    delete s.scanners.enabled;
    delete s.control.yardPlanner;
    const r = validateScenario(s);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.scanners.enabled).toBe(true);
    expect(r.scenario.control.yardPlanner).toEqual({ strategy: 'default' });
  });

  it('a missing field is named with what it means', () => {
    const errors = errorsAfter((s) => delete s.demand.vehiclesPerDay);
    expectOnlyError(errors, '$.demand.vehiclesPerDay', 'vehiclesPerDay is missing (loaded cross-border movements per day');
  });

  it('a missing distribution is "missing", like any other field', () => {
    const errors = errorsAfter((s) => delete s.customs.import.yellowCheck);
    expectOnlyError(errors, '$.customs.import.yellowCheck', 'yellowCheck is missing');
  });

  it('a misspelt field is an error with the allowed fields and a suggestion, never ignored', () => {
    const errors = errorsAfter((s) => {
      s.demand.vehiclesPerDya = s.demand.vehiclesPerDay;
      delete s.demand.vehiclesPerDay;
    });
    expect(errors).toHaveLength(2);
    expectError(errors, '$.demand.vehiclesPerDay', 'is missing');
    expectError(errors, '$.demand.vehiclesPerDya', 'unknown field "vehiclesPerDya" in demand; allowed fields are vehiclesPerDay');
    expectError(errors, '$.demand.vehiclesPerDya', 'did you mean "vehiclesPerDay"?');
  });

  it('a value of the wrong type quotes what was found', () => {
    expectOnlyError(errorsAfter((s) => (s.demand.vehiclesPerDay = '3250')), '$.demand.vehiclesPerDay', 'must be a number, got the string "3250"');
    expectOnlyError(errorsAfter((s) => (s.yard.handling.units = 7.5)), '$.yard.handling.units', 'must be a whole number, got the number 7.5');
    expectOnlyError(errorsAfter((s) => (s.layout.equipment[0].position = 'north')), '$.layout.equipment[0].position', 'must be a point [x, y] in metres');
  });

  it('an unknown zone kind lists the known kinds', () => {
    const errors = errorsAfter((s) => (s.layout.zones[1].kind = 'storage'));
    expectOnlyError(errors, '$.layout.zones[1].kind', 'unknown zone kind "storage"; known zone kinds are import-storage, export-storage');
  });

  it('an unknown equipment kind lists the known kinds', () => {
    const errors = errorsAfter((s) => (s.layout.equipment[0].kind = 'forklift'));
    expectOnlyError(errors, '$.layout.equipment[0].kind', 'unknown equipment kind "forklift"; known equipment kinds are gate-lane');
  });

  it('an unknown strategy names the controller and lists its known strategies', () => {
    const errors = errorsAfter((s) => (s.control.craneScheduler.strategy = 'lifo'));
    expectOnlyError(errors, '$.control.craneScheduler.strategy', 'unknown strategy "lifo" for the craneScheduler controller; known strategies are "fifo" and "import-first"');
  });

  it('a share above 1 is out of range', () => {
    expectOnlyError(errorsAfter((s) => (s.demand.importShare = 1.2)), '$.demand.importShare', 'importShare (1.2) must be at most 1');
  });

  it('a negative count or number is rejected', () => {
    expectOnlyError(errorsAfter((s) => (s.parking.capacity = -5)), '$.parking.capacity', 'capacity (-5) must be at least 1');
    expectOnlyError(errorsAfter((s) => (s.horizon.days = 0)), '$.horizon.days', 'days (0) must be greater than 0');
  });

  it('a wrong union tag lists the allowed tags', () => {
    const errors = errorsAfter((s) => (s.gates.vnTruck.type = 'robotic'));
    expectOnlyError(errors, '$.gates.vnTruck.type', 'type must be "automated" or "manual", got the string "robotic"');
  });

  it('opening hours that are neither "24h" nor { open, close } say which forms are allowed', () => {
    const errors = errorsAfter((s) => (s.hours.CN = 'always'), 'huu-nghi-baseline-2025');
    expectOnlyError(errors, '$.hours.CN', 'opening hours must be "24h" or { "open": "HH:MM", "close": "HH:MM" }; got the string "always"');
  });

  it('a badly written clock time shows the expected form', () => {
    const errors = errorsAfter((s) => (s.hours.VN.open = '7am'), 'huu-nghi-baseline-2025');
    expectOnlyError(errors, '$.hours.VN.open', 'open must be a time of day "HH:MM"');
  });

  it('something that is not an object at all is one clear error', () => {
    expectOnlyError(errorsOf([1, 2]), '$', 'the scenario must be an object');
  });
});
