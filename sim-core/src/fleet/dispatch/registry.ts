import { DISPATCH_STRATEGIES } from '../../model/scenario.ts';
import { BalancingDispatcher } from './balancing-dispatcher.ts';
import type { Dispatcher } from './dispatch-types.ts';
import { HungarianDispatcher } from './hungarian-dispatcher.ts';
import { NearestFcfsDispatcher } from './nearest-fcfs.ts';
import { SideFirstDispatcher } from './side-first-dispatcher.ts';

/** The built-in dispatcher of a strategy name. */
export function createDispatcher(name: string): Dispatcher {
  if (name === 'nearest-fcfs') return new NearestFcfsDispatcher();
  if (name === 'hungarian') return new HungarianDispatcher();
  if (name === 'balancing') return new BalancingDispatcher();
  if (name === 'side-first') return new SideFirstDispatcher();
  throw new Error(`unknown dispatch strategy '${name}' (known: ${DISPATCH_STRATEGIES.join(', ')})`);
}
