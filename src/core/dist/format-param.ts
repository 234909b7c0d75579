/**
 * A parameter as `describe()` prints it: integers as is, other numbers to 6 significant digits
 * (so 119.99999999999997 prints as 120).
 * @example formatParam(0.8660254037844386) // "0.866025"
 */
export function formatParam(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}
