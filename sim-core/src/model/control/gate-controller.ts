/** What a gate lane reports about one truck (telemetry). */
export interface GateReads {
  /** Licence-plate recognition. */
  plate: boolean;
  /** QR/barcode of the declaration. */
  code: boolean;
  /** Electronic seal (RFID). */
  'e-seal': boolean;
  /** Driver identity check. */
  driver: boolean;
}

export type GateDecision = { kind: 'open' } | { kind: 'manual-check'; failed: Array<keyof GateReads> };

/** Gate controller: from the reads of a lane, open the barrier or divert to a manual check. */
export interface GateController {
  readonly name: string;
  decide(reads: GateReads): GateDecision;
}

/** The decision to open the barrier. */
const OPEN: GateDecision = { kind: 'open' };

/** Default: open when every read succeeded; otherwise a manual check of what failed (in a fixed order). */
export class AllReadsGate implements GateController {
  readonly name = 'default';

  decide(reads: GateReads): GateDecision {
    // Most passes read everything: one shared answer, no list of failures built (a decision is
    // only read, never kept or changed).
    if (reads.plate && reads.code && reads['e-seal'] && reads.driver) return OPEN;
    const failed = (['plate', 'code', 'e-seal', 'driver'] as const).filter((k) => !reads[k]);
    return { kind: 'manual-check', failed };
  }
}
