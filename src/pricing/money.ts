/** Dollar amounts: AWS rounds each line item to the cent and sums the rounded lines (aws-pricing.json `conventions.rounding`). */

/**
 * Whole cents in a dollar amount, rounded half up. The product is first cut to 12 significant digits so
 * that binary noise (1.005 × 100 = 100.4999…) rounds as the decimal amount would.
 * @example
 * cents(0.729165) // 73
 */
export function cents(dollars: number): number {
  return Math.round(Number((dollars * 100).toPrecision(12)));
}

/** A dollar amount rounded to the cent (half up), as AWS's worked examples round each line item. */
export function roundCents(dollars: number): number {
  return cents(dollars) / 100;
}

/** The sum of amounts already rounded to the cent, added in whole cents so that no binary noise appears. */
export function sumCents(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) total += cents(a);
  return total / 100;
}
