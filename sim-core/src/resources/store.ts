import type { Environment } from '../kernel/environment.ts';
import { Event, TAG } from '../kernel/event.ts';
import { CountOverTime } from '../stats/count-over-time.ts';
import { Deque } from '../kernel/deque.ts';
import { objectArray } from '../kernel/shapes.ts';

/** A pending or completed `put` into a Store; succeeds when the item is in. */
export class StorePut<T> extends Event<void> {
  constructor(env: Environment, readonly item: T) {
    super(env);
    this.tag = TAG.STORE_PUT;
  }
}

/** A pending or completed `get` from a Store; succeeds with the item taken. */
export class StoreGet<T> extends Event<T> {
  constructor(env: Environment, readonly filter: ((item: T) => boolean) | null) {
    super(env);
    this.tag = TAG.STORE_GET;
  }
}

/**
 * A store of items (containers in a storage block, jobs for a dispatcher) with a capacity. Puts
 * wait FIFO for space. Gets are served in the order they were made, each taking the first item
 * (in order of arrival) that passes its filter; a get whose filter matches nothing does not hold
 * up later gets. Keeps the number of items and of waiting gets over time.
 */
export class Store<T> {
  readonly name: string;
  /** Items in order of arrival. */
  readonly items: T[] = objectArray();
  private readonly puts = new Deque<StorePut<T>>();
  private readonly gets: Array<StoreGet<T>> = objectArray();
  /** Items held over time. */
  readonly level: CountOverTime;
  /** Waiting gets over time. */
  readonly getQueue: CountOverTime;

  constructor(
    readonly env: Environment,
    /** Maximum items held (Infinity for unbounded). */
    readonly capacity = Infinity,
    options: { name?: string } = {},
  ) {
    this.name = options.name ?? 'store';
    if (!(capacity > 0) || (capacity !== Infinity && !Number.isInteger(capacity))) {
      throw new RangeError(`${this.name}: capacity ${capacity} must be a positive integer or Infinity`);
    }
    this.level = new CountOverTime(env.now, 0);
    this.getQueue = new CountOverTime(env.now, 0);
  }

  /**
   * Puts an item in; the event succeeds once there is room. When there is room now (and no put
   * is waiting ahead of it), the put is complete when this returns, like a resource granted at once.
   */
  put(item: T): StorePut<T> {
    const ev = new StorePut(this.env, item);
    if (this.puts.length === 0 && this.items.length < this.capacity) {
      this.items.push(item);
      ev.completeNow();
    } else this.puts.push(ev);
    this.settle();
    return ev;
  }

  /**
   * Takes the first item that passes `filter` (any item without one); waits until there is one.
   * When a matching item is there now, the get is complete when this returns. (Gets waiting
   * ahead of it match no item present, so taking one now passes none of them over.)
   */
  get(filter?: (item: T) => boolean): StoreGet<T> {
    const ev = new StoreGet<T>(this.env, filter ?? null);
    const k = this.items.length === 0 ? -1 : filter === undefined ? 0 : this.items.findIndex(filter);
    if (k >= 0 && (filter !== undefined || this.gets.length === 0)) {
      const [item] = this.items.splice(k, 1);
      ev.completeNow(item as T);
    } else this.gets.push(ev);
    this.settle();
    return ev;
  }

  /** Withdraws a put or get that has not completed (after an interrupt). Returns whether it was pending. */
  cancel(ev: StorePut<T> | StoreGet<T>): boolean {
    let removed = false;
    if (ev instanceof StorePut) removed = this.puts.remove(ev);
    else {
      const i = this.gets.indexOf(ev);
      if (i >= 0) {
        this.gets.splice(i, 1);
        removed = true;
      }
    }
    if (removed) this.settle();
    return removed;
  }

  /** Serves puts and gets until nothing more can move. */
  private settle(): void {
    let moved = true;
    while (moved) {
      moved = false;
      while (this.puts.length > 0 && this.items.length < this.capacity) {
        const put = this.puts.shift()!;
        this.items.push(put.item);
        put.succeed();
        moved = true;
      }
      for (let i = 0; i < this.gets.length && this.items.length > 0; ) {
        const get = this.gets[i]!;
        const k = get.filter === null ? 0 : this.items.findIndex(get.filter);
        if (k < 0) {
          i++;
          continue;
        }
        const [item] = this.items.splice(k, 1);
        this.gets.splice(i, 1);
        get.succeed(item as T);
        moved = true;
      }
    }
    this.level.update(this.env.now, this.items.length);
    this.getQueue.update(this.env.now, this.gets.length);
  }
}
