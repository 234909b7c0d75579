import type { ArrivalProcess } from "./arrival-process.js";
import type { ArrivalSpec } from "./arrival-spec.js";
import { ConstantArrivals } from "./constant-arrivals.js";
import { PoissonArrivals } from "./poisson-arrivals.js";

/** Builds the generator for a resolved arrival spec. */
export function makeArrivals(spec: ArrivalSpec): ArrivalProcess {
  switch (spec.kind) {
    case "poisson":
      return new PoissonArrivals(spec.ratePerSec);
    case "constant":
      return new ConstantArrivals(spec.ratePerSec);
  }
}
