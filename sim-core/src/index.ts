export * from './kernel/index.ts';
export * from './resources/index.ts';
export * from './random/index.ts';
export * from './stats/index.ts';
export * from './workloads/index.ts';
