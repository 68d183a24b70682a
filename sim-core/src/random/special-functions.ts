/**
 * The few special functions the distributions need for truncation masses (log-gamma is in
 * stats/special-functions.ts).
 * Plain double arithmetic only, so the results are identical on every engine.
 */

const INV_SQRT_2 = 0.7071067811865476;
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * Complementary error function erfc(x), Chebyshev-fitted form from Numerical Recipes
 * ("erfcc"): fractional error below 1.2e-7 everywhere, including far tails, which is what
 * truncation masses need.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** Standard normal CDF Φ(z) (relative error below about 1.2e-7 in both tails). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z * INV_SQRT_2);
}

/**
 * P(a < Z < b) for a standard normal Z, a ≤ b (infinite bounds allowed). Computed from the
 * tail nearer to the interval so that far-tail intervals keep their relative precision
 * instead of cancelling to zero.
 */
export function normalMassBetween(a: number, b: number): number {
  if (!(a < b)) return 0;
  if (a >= 0) return 0.5 * (erfc(a * INV_SQRT_2) - erfc(b * INV_SQRT_2));
  return 0.5 * (erfc(-b * INV_SQRT_2) - erfc(-a * INV_SQRT_2));
}
