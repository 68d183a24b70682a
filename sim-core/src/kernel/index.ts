export { Environment, type EnvironmentOptions, type TraceSink } from './environment.ts';
export { Condition, Event, Interrupt, NORMAL, TAG, Timeout, URGENT, type Callback, type FirstOf } from './event.ts';
export { EventQueue, MAX_PRIORITY } from './event-queue.ts';
export { Process, type ProcessBody, type Yieldable } from './sim-process.ts';
export { TraceHash } from './trace-hash.ts';
export { Deque } from './deque.ts';
