export type { Distribution, DistSpec, DistName } from "./distribution.js";
export { DIST_NAMES } from "./distribution.js";
export { makeDistribution } from "./make-distribution.js";
export { distQuantile } from "./quantile.js";
export { ConstantDistribution } from "./constant.js";
export { ExponentialDistribution } from "./exponential.js";
export { UniformDistribution } from "./uniform.js";
export { NormalDistribution } from "./normal.js";
export { LognormalDistribution } from "./lognormal.js";
export { GammaDistribution } from "./gamma.js";
export { WeibullDistribution } from "./weibull.js";
export { ParetoDistribution } from "./pareto.js";
export { EmpiricalSamplesDistribution, EmpiricalHistogramDistribution } from "./empirical.js";
export {
  erfc,
  normalCdf,
  normalPdf,
  inverseNormalCdf,
  acklamInverseNormalCdf,
  gammaFunction,
  logGamma,
} from "./special-functions.js";
export { standardNormal, sampleStandardNormal } from "./standard-normal.js";
