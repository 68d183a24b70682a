import type { Environment } from '../kernel/environment.ts';
import { Event, TAG } from '../kernel/event.ts';
import { TimeWeighted } from '../stats/time-weighted.ts';
import { Deque } from '../kernel/deque.ts';

/** A put or get of an amount into a Container. */
export class ContainerEvent extends Event<void> {
  constructor(env: Environment, readonly amount: number, put: boolean) {
    super(env);
    this.tag = put ? TAG.CONTAINER_PUT : TAG.CONTAINER_GET;
  }
}

/**
 * A level between 0 and a capacity (battery energy in kWh, fuel, bulk goods): `put` adds, `get`
 * takes, each waiting until it can complete. Both queues are strictly FIFO: a large get at the
 * head holds up smaller ones behind it, so no request starves. Keeps the level over time.
 */
export class Container {
  readonly name: string;
  private levelNow: number;
  private readonly puts = new Deque<ContainerEvent>();
  private readonly gets = new Deque<ContainerEvent>();
  /** The level over time. */
  readonly levelStat: TimeWeighted;

  constructor(
    readonly env: Environment,
    /** Largest level (> 0, Infinity allowed). */
    readonly capacity = Infinity,
    /** Starting level (0..capacity). */
    init = 0,
    options: { name?: string } = {},
  ) {
    this.name = options.name ?? 'container';
    if (!(capacity > 0)) throw new RangeError(`${this.name}: capacity ${capacity} must be positive`);
    if (!(init >= 0 && init <= capacity)) throw new RangeError(`${this.name}: initial level ${init} must lie in 0..${capacity}`);
    this.levelNow = init;
    this.levelStat = new TimeWeighted(env.now, init);
  }

  /** The current level. */
  get level(): number {
    return this.levelNow;
  }

  /** Adds `amount` (> 0) once it fits under the capacity. */
  put(amount: number): ContainerEvent {
    this.checkAmount(amount);
    const ev = new ContainerEvent(this.env, amount, true);
    this.puts.push(ev);
    this.settle();
    return ev;
  }

  /** Takes `amount` (> 0) once the level holds it. */
  get(amount: number): ContainerEvent {
    this.checkAmount(amount);
    const ev = new ContainerEvent(this.env, amount, false);
    this.gets.push(ev);
    this.settle();
    return ev;
  }

  /** Withdraws a pending put or get. Returns whether it was pending. */
  cancel(ev: ContainerEvent): boolean {
    const removed = this.puts.remove(ev) || this.gets.remove(ev);
    if (removed) this.settle();
    return removed;
  }

  private checkAmount(amount: number): void {
    if (!(amount > 0 && amount <= this.capacity)) {
      throw new RangeError(`${this.name}: amount ${amount} must be positive and at most the capacity ${this.capacity}`);
    }
  }

  private settle(): void {
    let moved = true;
    while (moved) {
      moved = false;
      const put = this.puts.peek();
      if (put !== undefined && this.levelNow + put.amount <= this.capacity) {
        this.puts.shift();
        this.levelNow += put.amount;
        put.succeed();
        moved = true;
      }
      const get = this.gets.peek();
      if (get !== undefined && this.levelNow >= get.amount) {
        this.gets.shift();
        this.levelNow -= get.amount;
        get.succeed();
        moved = true;
      }
    }
    this.levelStat.update(this.env.now, this.levelNow);
  }
}
