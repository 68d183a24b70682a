/**
 * Codes of the domain records the crossing model writes into the trace (and so into traceHash),
 * with the numbers that follow each: the trace then reflects decisions, not only event timing.
 */
export const TRACE = {
  /** (truck number, 0 = Vietnamese / 1 = Chinese) */
  TRUCK_ARRIVED: 1,
  /** (container number) passed the Vietnamese entry gate */
  GATE_PASSED: 2,
  /** (container number, 0 = export / 1 = import) reached the other side's yard */
  CROSSED: 3,
  /** (truck number) */
  TRUCK_LEFT: 4,
  /** (container number) */
  CONTAINER_LEFT: 5,
  /** (IGV number, 1 = loaded / 0 = empty) */
  IGV_TRIP: 6,
  /** (1 = down / 0 = repaired, time) a unit of equipment */
  EQUIPMENT: 7,
  /** (0 = outage starts / 1 = restored) the data exchange with China */
  DATA_EXCHANGE: 8,
  /** (IGV number, container number) the fleet's dispatch assigned a job */
  DISPATCHED: 9,
  /** (IGV diverted, IGV whose wait closed the cycle) a deadlock among IGVs was detected and resolved */
  DEADLOCK: 10,
  /** (IGV number, 0) an IGV finished a battery swap or charge */
  CHARGED: 11,
} as const;
