/**
 * Closed-form results of queueing theory, the yardsticks the kernel is tested against and the
 * standard workload reports beside its simulated figures. Rates are per ms, times in ms.
 */

/** Erlang C: probability that an arrival to an M/M/c queue must wait. a = λ/μ (offered load, Erlang). */
export function erlangC(servers: number, offeredLoad: number): number {
  const c = servers;
  const a = offeredLoad;
  if (!(a < c)) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

/** Erlang B: blocking probability of M/M/c/c with offered load a = λ/μ. */
export function erlangB(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** Mean wait in queue of M/M/c (ms), given mean interarrival and mean service times (ms). */
export function mmcMeanWait(servers: number, meanInterarrivalMs: number, meanServiceMs: number): number {
  const lambda = 1 / meanInterarrivalMs;
  const mu = 1 / meanServiceMs;
  const a = lambda / mu;
  if (a >= servers) return Infinity;
  return erlangC(servers, a) / (servers * mu - lambda);
}

/** Mean wait in queue of M/D/1 (ms) by Pollaczek–Khinchine: ρ·D / (2(1 − ρ)). */
export function md1MeanWait(meanInterarrivalMs: number, serviceMs: number): number {
  const rho = serviceMs / meanInterarrivalMs;
  if (rho >= 1) return Infinity;
  return (rho * serviceMs) / (2 * (1 - rho));
}

/** Mean wait in queue of M/G/1 (ms) by Pollaczek–Khinchine, from the service time's mean and variance. */
export function mg1MeanWait(meanInterarrivalMs: number, meanServiceMs: number, serviceVarianceMs2: number): number {
  const lambda = 1 / meanInterarrivalMs;
  const rho = lambda * meanServiceMs;
  if (rho >= 1) return Infinity;
  return (lambda * (serviceVarianceMs2 + meanServiceMs * meanServiceMs)) / (2 * (1 - rho));
}

/**
 * Stationary distribution of the number in an M/M/c/K system (K ≥ c places in all): p[n] for
 * n = 0..K. The blocking probability is p[K].
 */
export function mmckDistribution(servers: number, places: number, meanInterarrivalMs: number, meanServiceMs: number): number[] {
  if (!(places >= servers)) throw new RangeError(`places (${places}) must be at least servers (${servers})`);
  const a = meanServiceMs / meanInterarrivalMs;
  const weights: number[] = [1];
  for (let n = 1; n <= places; n++) weights.push((weights[n - 1]! * a) / Math.min(n, servers));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/** Blocking probability of M/M/c/K. */
export function mmckBlocking(servers: number, places: number, meanInterarrivalMs: number, meanServiceMs: number): number {
  const p = mmckDistribution(servers, places, meanInterarrivalMs, meanServiceMs);
  return p[places]!;
}
