/**
 * Plain-data description of an arrival process, as resolved from a scenario.
 * Rates are per second. More kinds (diurnal, profile, bursts, mmpp, trace) extend this union.
 */
export type ArrivalSpec =
  | { kind: "poisson"; ratePerSec: number }
  | { kind: "constant"; ratePerSec: number };
