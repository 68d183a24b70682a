import type { RandomStreams } from '../../random/random-streams.ts';
import type { ControlConfig, CrossingConfig } from '../config.ts';
import { STRATEGY_NAMES } from '../scenario.ts';
import { FifoCranes, ImportFirstCranes, type CraneScheduler } from './crane-scheduler.ts';
import { ShareSelectivity, type CustomsSelectivity } from './customs-selectivity.ts';
import { AllReadsGate, type GateController } from './gate-controller.ts';
import { ShareTriage, type ScannerTriage } from './scanner-triage.ts';
import { DirectFirstYard, type YardPlanner } from './yard-planner.ts';

/** The controllers of one run, built from the strategy names of the scenario. */
export interface Controllers {
  gate: GateController;
  selectivity: CustomsSelectivity;
  triage: ScannerTriage;
  crane: CraneScheduler;
  yard: YardPlanner;
}

function unknown(controller: keyof typeof STRATEGY_NAMES, name: string): never {
  throw new Error(`unknown ${controller} strategy '${name}' (known: ${STRATEGY_NAMES[controller].join(', ')})`);
}

/** Builds the controllers; each draws from its own random stream. */
export function createControllers(control: ControlConfig, config: CrossingConfig, streams: RandomStreams): Controllers {
  if (control.gate !== 'default') unknown('gate', control.gate);
  if (control.selectivity !== 'default') unknown('selectivity', control.selectivity);
  if (control.triage !== 'default') unknown('triage', control.triage);
  if (control.yardPlanner !== 'default') unknown('yardPlanner', control.yardPlanner);
  if (control.transport !== 'pool' && control.transport !== 'network') unknown('transport', control.transport);
  for (const c of ['routing', 'traffic', 'dispatch', 'charging'] as const) {
    if (!(STRATEGY_NAMES[c] as readonly string[]).includes(control[c])) unknown(c, control[c]);
  }
  let crane: CraneScheduler;
  if (control.craneScheduler === 'fifo') crane = new FifoCranes();
  else if (control.craneScheduler === 'import-first') crane = new ImportFirstCranes();
  else unknown('craneScheduler', control.craneScheduler);
  return new ControllerSet(
    new AllReadsGate(),
    new ShareSelectivity(config.customs.shares, streams.stream('selectivity')),
    new ShareTriage(config.scanner.aiPreclearShare, config.scanner.flagShare, streams.stream('triage')),
    crane,
    new DirectFirstYard(),
  );
}

/**
 * A class, not an object literal, for performance reasons: built once per run and read on the hot
 * paths (see sim-core/README.md, "Hot paths and V8": objects built once per run are class instances).
 */
class ControllerSet implements Controllers {
  constructor(
    readonly gate: GateController,
    readonly selectivity: CustomsSelectivity,
    readonly triage: ScannerTriage,
    readonly crane: CraneScheduler,
    readonly yard: YardPlanner,
  ) {}
}
