import type { DurationSpec, Gate, Scenario } from '../../src/model/scenario.ts';

/**
 * A compact smart-mode scenario for model tests (the presets live in scenarios/; sim-core tests
 * may not import them). Figures follow DOMAIN.md's smart-2030 column, scaled down.
 */
const tri = (min: number, mode: number, max: number, unit: DurationSpec['unit']): DurationSpec => ({ dist: 'tri', min, mode, max, unit });
const flat = Array.from({ length: 24 }, () => 1);

function autoGate(entry: number, exit: number): Gate {
  return {
    type: 'automated',
    lanes: { entry, exit },
    steps: [
      { step: 'plate', time: tri(1, 2, 4, 's'), failShare: 0.01, manual: tri(0.5, 1, 3, 'min') },
      { step: 'code', time: tri(1, 2, 4, 's'), failShare: 0.01, manual: tri(0.5, 1, 3, 'min') },
      { step: 'e-seal', time: tri(1, 3, 6, 's'), failShare: 0.03, manual: tri(2, 5, 10, 'min') },
      { step: 'driver', time: tri(5, 10, 15, 's'), failShare: 0.01, manual: tri(1, 2, 5, 'min') },
    ],
    barrier: tri(2, 3, 5, 's'),
  };
}

export function smartScenario(overrides: { vehiclesPerDay?: number; igvs?: number; days?: number; cranes?: number } = {}): Scenario {
  return {
    meta: {
      id: 'model-fixture',
      title: { vi: 'Kịch bản thử', en: 'Test scenario', zh: '测试场景' },
      description: { vi: 'Dùng cho kiểm thử', en: 'For tests', zh: '用于测试' },
      site: 'huu-nghi',
      sources: [],
      notes: [],
    },
    mode: 'smart',
    seed: 1,
    horizon: { days: overrides.days ?? 1, warmupHours: 2 },
    site: { origin: { lat: 21.97, lon: 106.7 }, zeroLine: [[-500, 0], [500, 0]] },
    layout: {
      zones: [],
      equipment: [],
      routes: [
        {
          id: 'igv-main',
          kind: 'igv',
          label: { vi: 'Tuyến IGV', en: 'IGV route', zh: 'IGV路线' },
          path: [[0, -500], [0, 3100]],
          sections: [
            { id: 'vn-yard', country: 'VN', kind: 'yard', lengthM: 150 },
            { id: 'vn-scanner', country: 'VN', kind: 'scanner', lengthM: 50 },
            { id: 'vn-road', country: 'VN', kind: 'road', lengthM: 300 },
            { id: 'cn-road', country: 'CN', kind: 'road', lengthM: 2900 },
            { id: 'cn-yard', country: 'CN', kind: 'yard', lengthM: 200 },
          ],
        },
      ],
    },
    demand: {
      vehiclesPerDay: overrides.vehiclesPerDay ?? 600,
      importShare: 0.7,
      seasonalFactor: 1,
      export: { hourlyProfile: flat, arrivals: { process: 'poisson' } },
      import: { hourlyProfile: flat, arrivals: { process: 'poisson' }, truckPickupDelay: tri(10, 30, 90, 'min') },
      twoWayShare: 0.2,
      cargo: { fruitShareOfExports: 0.6 },
    },
    hours: { VN: '24h', CN: '24h', closedDays: [] },
    parking: { capacity: 200 },
    customs: {
      enabled: true,
      export: { channels: { green: 0.75, yellow: 0.2, red: 0.05 }, preArrivalShare: 0.8, declarationLead: tri(30, 120, 600, 'min'), yellowCheck: tri(5, 15, 60, 'min'), red: { scanOnlyShare: 0.5 } },
      import: { channels: { green: 0.75, yellow: 0.2, red: 0.05 }, preArrivalShare: 0.8, declarationLead: tri(30, 120, 600, 'min'), yellowCheck: tri(5, 15, 60, 'min'), red: { scanOnlyShare: 0.5 } },
      legalLimits: { documentCheckHours: 2, physicalInspectionHours: 8 },
    },
    gates: { enabled: true, vnTruck: autoGate(2, 2), vnBorder: autoGate(2, 2), cnBorder: autoGate(2, 2), cnTruck: autoGate(2, 2) },
    scanners: {
      enabled: true,
      scans: 'all',
      lanes: 2,
      scanTime: { dist: 'const', value: 20, unit: 's' },
      triage: { aiPreclearShare: 0.9, aiTime: tri(5, 10, 30, 's'), operators: 3, operatorReview: tri(1, 3, 8, 'min'), flagShare: 0.05 },
    },
    inspection: { enabled: true, bays: 4, openingTime: tri(45, 90, 240, 'min') },
    yard: { enabled: true, handling: { equipment: 'automated-crane', units: overrides.cranes ?? 4, cycle: { model: 'distribution', time: tri(2, 2.7, 4, 'min') } }, handover: tri(1.5, 2.5, 4, 'min'), exportSlots: 200, importSlots: 300 },
    transport: {
      igv: {
        routeId: 'igv-main',
        fleet: overrides.igvs ?? 16,
        initialShareVn: 0.5,
        speeds: { loadedKmh: 18, emptyKmh: 18, yardKmh: 10, scannerKmh: 3.5 },
        battery: { method: 'swap', capacityKwh: 280, consumptionKwhPerKm: { loaded: 2.5, empty: 1.5 }, rechargeBelowShare: 0.2, swapTime: { dist: 'const', value: 5, unit: 'min' }, chargeTime: { dist: 'const', value: 90, unit: 'min' }, stations: 2 },
      },
    },
    chinaSide: {
      enabled: true,
      inspection: { share: 0.05, fruitShare: 0.2, bays: 4, time: tri(20, 40, 90, 'min') },
      handling: { equipment: 'automated-crane', units: overrides.cranes ?? 4, cycle: { model: 'distribution', time: tri(2, 2.7, 4, 'min') } },
      handover: tri(1.5, 2.5, 4, 'min'),
      truckPickupDelay: tri(10, 30, 90, 'min'),
      exportSlots: 300,
      importSlots: 300,
    },
    failures: {
      enabled: true,
      gates: { mtbf: { dist: 'exp', mean: 200, unit: 'h' }, mttr: tri(10, 20, 60, 'min') },
      cranes: { mtbf: { dist: 'exp', mean: 100, unit: 'h' }, mttr: tri(15, 30, 120, 'min') },
      igvs: { mtbf: { dist: 'exp', mean: 150, unit: 'h' }, mttr: tri(10, 20, 60, 'min') },
      dataExchange: { scheduled: [{ startHour: 10, durationHours: 1 }] },
    },
    control: {
      gate: { strategy: 'default' },
      selectivity: { strategy: 'default' },
      triage: { strategy: 'default' },
      craneScheduler: { strategy: 'fifo' },
      yardPlanner: { strategy: 'default' },
      transport: { strategy: 'pool' },
    },
  };
}
