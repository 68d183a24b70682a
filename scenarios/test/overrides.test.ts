import { describe, expect, it } from 'vitest';
import { applyOverrides, parseOverridePath, parseOverrideValue } from '../overrides.ts';
import { validateScenario } from '../validate.ts';
import { expectOnlyError, presetJson } from './support/fixtures.ts';
import type { Json } from './support/fixtures.ts';

function apply(sets: string[], preset = 'huu-nghi-smart-2030'): { ok: true; json: Json } | { ok: false; errors: Array<{ path: string; message: string }> } {
  return applyOverrides(presetJson(preset), sets) as never;
}

function errorsOf(sets: string[], preset?: string) {
  const r = apply(sets, preset);
  if (r.ok) throw new Error('expected the overrides to be rejected');
  return r.errors;
}

describe('--set path=value overrides', () => {
  it('sets numbers and nested shares, and the result validates', () => {
    const r = apply(['demand.vehiclesPerDay=4000', 'customs.export.channels.red=0.1', 'customs.export.channels.green=0.7']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.json.demand.vehiclesPerDay).toBe(4000);
    expect(r.json.customs.export.channels).toEqual({ green: 0.7, yellow: 0.2, red: 0.1 });
    expect(validateScenario(r.json).ok).toBe(true);
  });

  it('reads the value as JSON when it parses, else as text', () => {
    expect(parseOverrideValue('4000')).toBe(4000);
    expect(parseOverrideValue('true')).toBe(true);
    expect(parseOverrideValue('{"dist":"exp","mean":2,"unit":"h"}')).toEqual({ dist: 'exp', mean: 2, unit: 'h' });
    expect(parseOverrideValue('import-first')).toBe('import-first');
    expect(parseOverrideValue('"4000"')).toBe('4000');
    const r = apply(['control.craneScheduler.strategy=import-first', 'failures.igvs.mtbf={"dist":"exp","mean":2,"unit":"h"}']);
    expect(r.ok && [r.json.control.craneScheduler.strategy, r.json.failures.igvs.mtbf.mean]).toEqual(['import-first', 2]);
  });

  it('addresses array items by index, as a[2] or a.2', () => {
    expect(parseOverridePath('layout.zones[2].polygon[0][1]')).toEqual(['layout', 'zones', 2, 'polygon', 0, 1]);
    expect(parseOverridePath('layout.zones.2.kind')).toEqual(['layout', 'zones', 2, 'kind']);
    const r = apply(['layout.zones[2].label.en=Exports', 'demand.export.hourlyProfile.0=7']);
    expect(r.ok && [r.json.layout.zones[2].label.en, r.json.demand.export.hourlyProfile[0]]).toEqual(['Exports', 7]);
  });

  it('sets inside a distribution spec and checks the spec as a whole', () => {
    const ok = apply(['customs.export.yellowCheck.mode=30']);
    expect(ok.ok && ok.json.customs.export.yellowCheck).toEqual({ dist: 'tri', min: 5, mode: 30, max: 60, unit: 'min' });
    expectOnlyError(errorsOf(['customs.export.yellowCheck.mode=100']), '$.customs.export.yellowCheck.mode', 'mode (100) must lie between min (5) and max (60)');
  });

  it('sets an optional field the file leaves out', () => {
    const r = apply(['targets.vehiclesPerDayMin=600', 'transport.truck={"routeId":"truck-channel","speedKmh":25,"yardKmh":8}'], 'huu-nghi-baseline-2025');
    expect(r.ok && [r.json.targets.vehiclesPerDayMin, r.json.transport.truck.speedKmh]).toEqual([600, 25]);
  });

  it('an unknown path is an error naming it, with a suggestion', () => {
    expectOnlyError(errorsOf(['demand.vehiclesPerDya=4000']), '$.demand.vehiclesPerDya', 'unknown field "vehiclesPerDya" in demand; its fields are vehiclesPerDay');
    expectOnlyError(errorsOf(['demand.vehiclesPerDya=4000']), '$.demand.vehiclesPerDya', 'did you mean "vehiclesPerDay"?');
    expectOnlyError(errorsOf(['demand.vehiclesPerDay.max=1']), '$.demand.vehiclesPerDay.max', 'demand.vehiclesPerDay is a number and has no part "max"');
  });

  it('an array index past the end is an error giving the valid range', () => {
    expectOnlyError(errorsOf(['layout.routes[3].kind=igv']), '$.layout.routes[3].kind', 'index 3 is past the end of layout.routes, which has 1 item');
  });

  it('a value of the wrong type is an error naming the path, never ignored', () => {
    expectOnlyError(errorsOf(['demand.vehiclesPerDay=lots']), '$.demand.vehiclesPerDay', 'vehiclesPerDay must be a number, got the string "lots"');
    expectOnlyError(errorsOf(['control.transport.strategy=fleet']), '$.control.transport.strategy', 'unknown strategy "fleet" for the transport controller');
    expectOnlyError(errorsOf(['demand.importShare=1.5']), '$.demand.importShare', 'at most 1');
  });

  it('a changed union tag is checked against the shape it selects', () => {
    expectOnlyError(errorsOf(['gates.vnTruck.type=robotic']), '$.gates.vnTruck.type', 'type must be "automated" or "manual"');
  });

  it('an assignment without "=" is an error showing the form', () => {
    expectOnlyError(errorsOf(['demand.vehiclesPerDay']), '--set demand.vehiclesPerDay', 'expected path=value');
  });

  it('reports every bad assignment at once and applies none of them', () => {
    const r = applyOverrides(presetJson('tiny'), ['demand.vehiclesPerDay=x', 'nope=1', 'seed=2']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['$.demand.vehiclesPerDay', '$.nope']);
    const partial = r.partial as Json;
    expect([partial.seed, partial.demand.vehiclesPerDay]).toEqual([2, 240]);
  });

  it('leaves the input untouched and returns a new object', () => {
    const input = presetJson('tiny');
    const before = JSON.stringify(input);
    const r = applyOverrides(input, ['demand.vehiclesPerDay=999', 'layout.zones[0].polygon[0][0]=-1', 'targets.vehiclesPerDayMin=5']);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(input)).toBe(before);
    if (r.ok) expect(r.json).not.toBe(input);
  });
});
