import type { Environment } from '../kernel/environment.ts';
import type { Event } from '../kernel/event.ts';
import type { ProcessBody } from '../kernel/sim-process.ts';
import type { RandomStreams } from '../random/random-streams.ts';
import type { Rng } from '../random/rng.ts';
import type { Resource } from '../resources/resource.ts';
import type { CustomsConfig, InspectionConfig, ScannerConfig } from './config.ts';
import type { CustomsSelectivity } from './control/customs-selectivity.ts';
import type { ScannerTriage } from './control/scanner-triage.ts';
import type { Direction } from './control/types.ts';
import type { Box } from './plant.ts';
import type { CrossingVisuals } from '../stream/crossing-visuals.ts';

/** Counts of what Vietnamese customs did, for reports. */
export interface CustomsCounts {
  green: number;
  yellow: number;
  red: number;
  scanned: number;
  aiCleared: number;
  operatorReviewed: number;
  /** Physical inspections completed. */
  inspected: number;
  /** Document checks that took longer than the legal limit (from declaration to done, clock time). */
  documentCheckOverLimit: number;
  /** Physical inspections that took longer than the legal limit (queue and opening, clock time). */
  inspectionOverLimit: number;
}

/**
 * Vietnamese customs: channel assignment through the selectivity controller, document checks that
 * may run before the truck arrives (declarations through the National Single Window), scanning
 * (every container in smart mode, red ones in baseline mode), image triage by AI and operators,
 * and physical inspection at a bay. Switched-off stages are skipped.
 */
export class VnCustoms {
  readonly counts: CustomsCounts = { green: 0, yellow: 0, red: 0, scanned: 0, aiCleared: 0, operatorReviewed: 0, inspected: 0, documentCheckOverLimit: 0, inspectionOverLimit: 0 };
  private readonly rng: Rng;
  /** Visual emitter, set by the model when somebody watches. */
  visuals: CrossingVisuals | null = null;

  constructor(
    private readonly env: Environment,
    private readonly config: CustomsConfig,
    private readonly scannerConfig: ScannerConfig,
    private readonly inspectionConfig: InspectionConfig,
    readonly scanner: Resource,
    readonly operators: Resource,
    readonly bays: Resource,
    private readonly selectivity: CustomsSelectivity,
    private readonly triage: ScannerTriage,
    streams: RandomStreams,
    /** The data exchange with China (an object, not a closure: see `CrossingModel`'s construction). */
    private readonly dataExchange: { readonly up: boolean },
  ) {
    this.rng = streams.stream('vn-customs');
  }

  /**
   * Assigns the channel of `box` and returns when its document check is done (ms; now for green).
   * A pre-arrival declaration was submitted a lead time earlier, so part or all of the check is
   * already behind it; without the data exchange nothing is pre-processed.
   */
  declare(box: Box, direction: Direction): number {
    if (!this.config.enabled) {
      box.channel = 'green';
      this.counts.green++;
      return this.env.now;
    }
    const up = this.dataExchange.up;
    const preArrival = this.rng.next() < this.config.preArrivalShare[direction];
    box.channel = this.selectivity.assign({ direction, preArrival, dataExchangeUp: up });
    this.counts[box.channel]++;
    if (box.channel === 'green') return this.env.now;
    const check = this.config.documentCheck[direction].sampleMs(this.rng);
    const lead = preArrival && up ? this.config.declarationLead[direction].sampleMs(this.rng) : 0;
    if (check > this.config.documentCheckLimitMs) this.counts.documentCheckOverLimit++;
    return this.env.now + Math.max(0, check - lead);
  }

  /** Whether `box` drives through a scanner lane. */
  scans(box: Box): boolean {
    if (!this.scannerConfig.enabled) return false;
    if (this.scannerConfig.scanAll) return true;
    // Red-only scanning (mobile scanners): the scan-only share of red is scanned, the rest opened.
    return box.channel === 'red' && this.rng.next() < this.config.scanOnlyShare[box.direction];
  }

  /**
   * The portal pass itself: holds a scanner lane for the scan time. `vehicle` names what the viewer
   * draws. The lane's usage, to yield (not a generator to delegate to: see `Gate.pass`).
   */
  scan(vehicle = ''): Event<number> {
    this.counts.scanned++;
    const work = this.scannerConfig.scan.sampleMs(this.rng);
    this.visuals?.scanner(vehicle, work);
    return this.scanner.use(work);
  }

  /**
   * After the document check (`doneAt`) and the scan if any: image triage and, when flagged or red
   * without a scan-only clearance, physical inspection at a bay. `scanned` says whether it was scanned.
   */
  *clear(box: Box, doneAt: number, scanned: boolean): ProcessBody<void> {
    if (doneAt > this.env.now) yield doneAt - this.env.now;
    let open = box.channel === 'red';
    if (scanned) {
      if (box.channel === 'red') {
        // Scanning everything: the scan-only share of red is cleared on the image. Red-only
        // scanning already picked that share when it sent the container to the scanner.
        open = this.scannerConfig.scanAll ? this.rng.next() >= this.config.scanOnlyShare[box.direction] : false;
        if (!open) yield this.review();
      } else if (this.triage.aiPass()) {
        this.counts.aiCleared++;
        yield this.scannerConfig.aiTime.sampleMs(this.rng);
      } else {
        yield this.review();
        open = this.triage.operatorFlags();
      }
    }
    if (open && this.inspectionConfig.enabled) {
      const asked = this.env.now;
      const work = this.inspectionConfig.opening.sampleMs(this.rng);
      this.visuals?.inspection('VN', box.id, work);
      yield this.bays.use(work);
      this.counts.inspected++;
      if (this.env.now - asked > this.config.inspectionLimitMs) this.counts.inspectionOverLimit++;
    }
  }

  /** An image analyst reviews the scan image: the analyst's usage, to yield (see `scan`). */
  private review(): Event<number> {
    this.counts.operatorReviewed++;
    return this.operators.use(this.scannerConfig.review.sampleMs(this.rng));
  }
}
