export { BucketStore } from './bucket-store.ts';
export {
  QuantileSketch,
  DEFAULT_EXACT_THRESHOLD,
  DEFAULT_MAX_BUCKETS,
  DEFAULT_RELATIVE_ACCURACY,
} from './quantile-sketch.ts';
export type { QuantileSketchOptions } from './quantile-sketch.ts';
export { Tally } from './tally.ts';
export type { TallyOptions, TallySummary } from './tally.ts';
export { TimeWeighted } from './time-weighted.ts';
export { CountOverTime } from './count-over-time.ts';
export { logGamma, regularizedIncompleteBeta } from './special-functions.ts';
export { normalQuantile } from './normal-quantile.ts';
export { tCdf, tQuantile } from './student-t.ts';
export { batchMeans, confidenceInterval, pairedDifferenceCI } from './confidence.ts';
export type { BatchMeansInterval, ConfidenceInterval } from './confidence.ts';
