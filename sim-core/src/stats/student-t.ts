import { normalQuantile } from './normal-quantile.ts';
import { logGamma, regularizedIncompleteBeta } from './special-functions.ts';

/**
 * Student t distribution: CDF through the regularized incomplete beta function and the
 * quantile by safeguarded Newton iteration on that CDF (≈1e-12 relative in practice; the
 * acceptance target is 1e-8). Used for confidence intervals over replications and batch
 * means, where df is small and a table lookup would not cover fractional df.
 */

/** Beyond this df the Cornish–Fisher series is exact to double precision for |z| < 8. */
const LARGE_DF = 1e5;
const MAX_ITERATIONS = 200;
const U_TOLERANCE = 1e-14;

/** P(T > t) for t ≥ 0 with 1 - x passed separately to avoid cancellation near t = 0. */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  const denom = df + t2;
  return 0.5 * regularizedIncompleteBeta(df / denom, df / 2, 0.5, t2 / denom);
}

/** ln of the t density at t. */
function logDensity(t: number, df: number): number {
  return (
    logGamma((df + 1) / 2) -
    logGamma(df / 2) -
    0.5 * Math.log(df * Math.PI) -
    ((df + 1) / 2) * Math.log1p((t * t) / df)
  );
}

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
}

/**
 * P(T ≤ t) for Student's t with `df` > 0 (finite, possibly fractional) degrees of freedom.
 * Accuracy degrades slowly beyond df ≈ 10^6 (log-gamma cancellation); t is dimensionless.
 */
export function tCdf(t: number, df: number): number {
  checkDf(df);
  if (!Number.isFinite(df)) throw new RangeError('tCdf needs finite df');
  if (Number.isNaN(t)) throw new RangeError('t must not be NaN');
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (t === 0) return 0.5;
  const a = Math.abs(t);
  // The tail is accurate as a small number, the central mass as an offset from 0.5.
  if (a <= 1) {
    const c = centralMass(a, df);
    return t > 0 ? 0.5 + c : 0.5 - c;
  }
  const upper = upperTail(a, df);
  return t > 0 ? 1 - upper : upper;
}

/**
 * Cornish–Fisher expansion of the t quantile around the normal one (Abramowitz & Stegun
 * 26.7.5), error O(df^-5): the starting point of the iteration and, for huge df, the answer.
 */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/** P(0 < T < t) for t ≥ 0: keeps full relative precision for p close to 0.5. */
function centralMass(t: number, df: number): number {
  const t2 = t * t;
  const denom = df + t2;
  return 0.5 * regularizedIncompleteBeta(t2 / denom, 0.5, df / 2, df / denom);
}

/**
 * t > 0 with P(T > t) = target (`central` false, target < 0.5) or P(0 < T < t) = target
 * (`central` true). Newton on g(u) = ln F(e^u) - ln target: in u = ln t the heavy tail is
 * nearly linear (P ~ C·t^-df) and so is the centre (P ~ c·t), so few steps are needed even
 * at q = 1e-12, df = 1; a bisection bracket catches any step that would leave it.
 */
function solve(target: number, df: number, central: boolean): number {
  let guess: number;
  if (central) {
    // The density peaks at 0, so this linear guess is a lower bound of the root.
    guess = target / Math.exp(logDensity(0, df));
  } else {
    guess = cornishFisher(-normalQuantile(target), df);
    if (df < 3) {
      // Tail asymptote P(T > t) ≈ K·t^-df/df with K = c·df^((df+1)/2), better for few df.
      const logK = logDensity(0, df) + ((df + 1) / 2) * Math.log(df);
      const tail = Math.exp((logK - Math.log(df * target)) / df);
      if (target < 0.1 || !(guess > 0)) guess = tail;
    }
  }
  if (!(guess > 0) || !Number.isFinite(guess)) guess = 1;
  const logTarget = Math.log(target);
  const direction = central ? 1 : -1; // sign of dF/dt
  let u = Math.log(guess);
  let lo = -Infinity; // t known to be too small
  let hi = Infinity; // t known to be too large
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const t = Math.exp(u);
    const f = central ? centralMass(t, df) : upperTail(t, df);
    const g = Math.log(f) - logTarget;
    if (g === 0) return t;
    if (g * direction > 0) hi = u;
    else lo = u;
    const slope = (direction * t * Math.exp(logDensity(t, df))) / f;
    let next = u - g / slope;
    if (!Number.isFinite(next) || next <= lo || next >= hi) {
      if (Number.isFinite(lo) && Number.isFinite(hi)) next = (lo + hi) / 2;
      else next = Number.isFinite(lo) ? u + 2 : u - 2;
    }
    if (Math.abs(next - u) < U_TOLERANCE || hi - lo < U_TOLERANCE) return Math.exp(next);
    u = next;
  }
  return Math.exp(u);
}

/**
 * The p-quantile of Student's t with `df` > 0 degrees of freedom (fractional allowed,
 * Infinity gives the normal quantile). p in [0, 1]; p = 0 / 1 give ∓Infinity.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  checkDf(df);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const sign = p < 0.5 ? -1 : 1;
  const q = p < 0.5 ? p : 1 - p;
  if (df === Infinity) return normalQuantile(p);
  // Closed forms: exact and cheaper than iterating. 1 - p and (for p ≥ 0.25) p - 0.5 are
  // exact by Sterbenz's lemma, so neither the tails nor the centre lose precision.
  if (df === 1) return q < 0.25 ? sign / Math.tan(Math.PI * q) : Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (sign * (1 - 2 * q)) / Math.sqrt(2 * q * (1 - q));
  if (df > LARGE_DF) return sign * cornishFisher(-normalQuantile(q), df);
  return q < 0.25 ? sign * solve(q, df, false) : sign * solve(Math.abs(p - 0.5), df, true);
}
