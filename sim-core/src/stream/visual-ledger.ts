/**
 * A ledger that also tells the crossing's visuals where trucks and containers go. The model uses it
 * instead of the plain {@link Ledger} only when somebody watches, so headless runs pay nothing.
 * Every ledger location change is a place change on the drawing: a truck to the gate, a container
 * onto a truck, into a storage block, onto an IGV.
 */

import { Ledger, type EntityKind } from '../model/ledger.ts';
import type { CrossingVisuals } from './crossing-visuals.ts';

export class VisualLedger extends Ledger {
  constructor(private readonly visuals: CrossingVisuals) {
    super();
  }

  override enter(kind: EntityKind, id: string, location: string): void {
    super.enter(kind, id, location);
    this.visuals.entered(kind, id, location);
  }

  override move(id: string, location: string): void {
    super.move(id, location);
    this.visuals.moved(id, location);
  }

  override leave(kind: EntityKind, id: string): void {
    super.leave(kind, id);
    this.visuals.left(kind, id);
  }
}
