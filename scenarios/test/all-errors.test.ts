import { describe, expect, it } from 'vitest';
import { errorsAfter } from './support/fixtures.ts';

describe('validateScenario reports every error at once', () => {
  it('a file with three distinct errors reports three, in document order', () => {
    const errors = errorsAfter((s) => {
      s.control.transport.strategy = 'fleet';
      s.customs.export.channels.red = 0.2;
      s.horizon.warmupHours = 500;
    });
    expect(errors.map((e) => e.path)).toEqual(['$.horizon.warmupHours', '$.customs.export.channels', '$.control.transport.strategy']);
  });

  it('a structural error in one section does not hide rule errors in others', () => {
    const errors = errorsAfter((s) => {
      s.demand.vehiclesPerDay = 'lots'; // structure
      s.layout.equipment[0].position = [5000, 5000]; // geometry inside layout
      delete s.transport.igv; // cross-section: mode against transport
      s.customs.import.yellowCheck.mode = 500; // distribution
    });
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['$.customs.import.yellowCheck.mode', '$.demand.vehiclesPerDay', '$.layout.equipment[0].position', '$.transport.igv'].sort(),
    );
  });

  it('checks across sections skip a section that is itself invalid, instead of piling up follow-on errors', () => {
    const errors = errorsAfter((s) => {
      s.layout.routes[0].kind = 'ferry';
      s.transport.igv.routeId = 'igv-route';
    });
    expect(errors.map((e) => e.path)).toEqual(['$.layout.routes[0].kind']);
  });
});
