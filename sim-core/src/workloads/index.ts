export * from './queueing-theory.ts';
export * from './tandem.ts';
