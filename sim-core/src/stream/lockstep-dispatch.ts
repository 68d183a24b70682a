/**
 * IGV dispatch in lockstep: a DispatchPort for the fleet that asks the external controller while it
 * holds the `igv-dispatch` role, and the scenario's built-in dispatcher otherwise (synchronously, as
 * the fleet's own port does, so a run nobody controls keeps its trace). The lockstep is looked up at
 * each request because the model is built before its lockstep exists.
 */

import type { DispatchDecision, DispatchPort, DispatchRequest, Dispatcher } from '../fleet/dispatch/dispatch-types.ts';
import type { Lockstep } from './lockstep.ts';

export const IGV_DISPATCH_ROLE = 'igv-dispatch';

export function lockstepDispatchPort(lockstep: () => Lockstep | null, builtIn: Dispatcher): DispatchPort {
  return {
    decide(request: DispatchRequest, done: (decision: DispatchDecision) => void): void {
      const l = lockstep();
      if (l !== null && l.controls(IGV_DISPATCH_ROLE)) l.ask(IGV_DISPATCH_ROLE, request, () => builtIn.decide(request), done);
      else done(builtIn.decide(request));
    },
  };
}
