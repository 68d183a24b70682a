/**
 * Compile-time agreement between a zod schema's output and the sim-core type it stands for:
 * `Expect<Agree<Output, Type>>` is a type error unless each is assignable to the other, so the
 * schema and the model's contract cannot drift apart silently.
 */

type Assignable<A, B> = [A] extends [B] ? true : false;

/** true when A and B are assignable to each other. */
export type Agree<A, B> = Assignable<A, B> extends true ? Assignable<B, A> : false;

/** Compiles only for `true`. */
export type Expect<T extends true> = T;
