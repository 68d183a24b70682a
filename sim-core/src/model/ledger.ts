/**
 * Where every truck and container is, at every moment: the basis of the conservation check
 * (entered = left + in system, per entity type) and of "every container has exactly one location".
 * Locations are plain strings naming a place of the plant ("vn-parking", "vn-export-storage",
 * "igv:17", "cn-exit-gate"...).
 */
export type EntityKind = 'vn-truck' | 'cn-truck' | 'container' | 'igv';
const ENTITY_KINDS: readonly EntityKind[] = ['vn-truck', 'cn-truck', 'container', 'igv'];

export interface ConservationCheck {
  entered: number;
  left: number;
  inSystem: number;
  /** entered === left + inSystem, and the location map agrees. */
  ok: boolean;
}

export class Ledger {
  private readonly where = new Map<string, string>();
  /**
   * Filled for every kind at construction, for performance reasons: filled at the first entry of
   * each kind, the branch ran once per run, so from a sweep worker's second run on in optimized
   * code that had never seen it, which threw that code away (sim-core/README.md, "Hot paths and V8").
   */
  private readonly counts = new Map<EntityKind, { entered: number; left: number; inSystem: number }>(
    ENTITY_KINDS.map((k) => [k, { entered: 0, left: 0, inSystem: 0 }]),
  );
  /** Every violation seen (an entity entering twice, moving while absent...), for tests. */
  readonly violations: string[] = [];

  private count(kind: EntityKind): { entered: number; left: number; inSystem: number } {
    let c = this.counts.get(kind);
    if (c === undefined) {
      c = { entered: 0, left: 0, inSystem: 0 };
      this.counts.set(kind, c);
    }
    return c;
  }

  /** An entity appears at `location`. */
  enter(kind: EntityKind, id: string, location: string): void {
    if (this.where.has(id)) this.violations.push(`${id} entered twice (already at ${this.where.get(id)})`);
    this.where.set(id, location);
    const c = this.count(kind);
    c.entered++;
    c.inSystem++;
  }

  /** An entity moves to `location` (it must be in the system). */
  move(id: string, location: string): void {
    // One look-up, not `has` then `set`: a new key is what makes the map grow.
    const size = this.where.size;
    this.where.set(id, location);
    if (this.where.size !== size) this.violations.push(`${id} moved to ${location} but is not in the system`);
  }

  /** An entity leaves the system. */
  leave(kind: EntityKind, id: string): void {
    if (!this.where.delete(id)) this.violations.push(`${id} left but was not in the system`);
    const c = this.count(kind);
    c.left++;
    c.inSystem--;
  }

  /** Where `id` is now, or undefined if not in the system. */
  locationOf(id: string): string | undefined {
    return this.where.get(id);
  }

  /** How many entities are at each location (sorted by location), e.g. for occupancy at the end. */
  occupancy(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const loc of [...this.where.values()].sort()) out[loc] = (out[loc] ?? 0) + 1;
    return out;
  }

  /** The conservation check per entity kind. */
  check(kind: EntityKind): ConservationCheck {
    const c = this.count(kind);
    let located = 0;
    // Ids carry their kind as a prefix ("container:12"), so the map can be audited per kind.
    for (const id of this.where.keys()) if (id.startsWith(`${kind}:`)) located++;
    return { ...c, ok: c.entered === c.left + c.inSystem && located === c.inSystem && this.violations.length === 0 };
  }
}
