import type { Rng } from '../../random/rng.ts';

/** The outcome of an image review. */
export type TriageResult = 'ai-cleared' | 'operator-cleared' | 'inspect';

/** Scanner image triage: decides who reviews a scan image and whether the container is opened. */
export interface ScannerTriage {
  readonly name: string;
  /** First pass by the AI model: cleared in seconds, or sent to an operator. */
  aiPass(): boolean;
  /** An operator's review: cleared, or flagged for physical inspection. */
  operatorFlags(): boolean;
}

/** Default: the scenario's shares (AI pre-clear share, operator flag share). */
export class ShareTriage implements ScannerTriage {
  readonly name = 'default';

  constructor(
    /** Share of non-red images the AI pre-clears. */
    private readonly aiClearShare: number,
    private readonly flagShare: number,
    private readonly rng: Rng,
  ) {}

  aiPass(): boolean {
    return this.rng.next() < this.aiClearShare;
  }

  operatorFlags(): boolean {
    return this.rng.next() < this.flagShare;
  }
}
