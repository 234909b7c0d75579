export type { ArrivalProcess } from "./arrival-process.js";
export type { ArrivalSpec } from "./arrival-spec.js";
export { PoissonArrivals } from "./poisson-arrivals.js";
export { ConstantArrivals } from "./constant-arrivals.js";
export { makeArrivals } from "./make-arrivals.js";
