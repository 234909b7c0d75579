/**
 * `amount` rounded up to a whole number of `step`s, as AWS meters a billed quantity (duration to 1 ms,
 * provisioned concurrency to 5 minutes). The quotient is first cut to 12 significant digits, so that binary
 * noise (120.00000000001 ms, 28,800.000000001 s) does not add a step.
 * @example
 * ceilToStep(301, 300) // 600
 */
export function ceilToStep(amount: number, step: number): number {
  return Math.ceil(Number((amount / step).toPrecision(12))) * step;
}
