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

/** Default: open when every read succeeded; otherwise a manual check of what failed (in a fixed order). */
export class AllReadsGate implements GateController {
  readonly name = 'default';

  decide(reads: GateReads): GateDecision {
    const failed = (['plate', 'code', 'e-seal', 'driver'] as const).filter((k) => !reads[k]);
    return failed.length === 0 ? { kind: 'open' } : { kind: 'manual-check', failed };
  }
}
