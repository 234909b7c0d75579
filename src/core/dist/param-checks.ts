/**
 * Bug guards for distribution parameters. Scenario validation reports user errors as values long
 * before this point, so a failure here is a programming error and throws a `RangeError` that names
 * the distribution and the parameter, e.g. "normal: sd must be a finite number > 0, got -1".
 */

/** Throws a RangeError unless `value` is a finite number. */
export function requireFinite(dist: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${dist}: ${name} must be a finite number, got ${String(value)}`);
  }
}

/** Throws a RangeError unless `value` is a finite number greater than zero. */
export function requirePositive(dist: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || !(value > 0)) {
    throw new RangeError(`${dist}: ${name} must be a finite number > 0, got ${String(value)}`);
  }
}
