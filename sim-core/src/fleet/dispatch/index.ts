export * from './dispatch-types.ts';
export { hungarian, assignmentCost } from './hungarian.ts';
export { NearestFcfsDispatcher } from './nearest-fcfs.ts';
export { HungarianDispatcher } from './hungarian-dispatcher.ts';
export { BalancingDispatcher } from './balancing-dispatcher.ts';
export { SideFirstDispatcher } from './side-first-dispatcher.ts';
export { createDispatcher } from './registry.ts';
