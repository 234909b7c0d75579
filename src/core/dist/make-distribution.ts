import { ConstantDistribution } from "./constant.js";
import type { Distribution, DistSpec } from "./distribution.js";
import { EmpiricalHistogramDistribution, EmpiricalSamplesDistribution } from "./empirical.js";
import { ExponentialDistribution } from "./exponential.js";
import { GammaDistribution } from "./gamma.js";
import { LognormalDistribution } from "./lognormal.js";
import { NormalDistribution } from "./normal.js";
import { ParetoDistribution } from "./pareto.js";
import { UniformDistribution } from "./uniform.js";
import { WeibullDistribution } from "./weibull.js";

/**
 * The sampler for a plain-data spec. Throws a RangeError naming the parameter when a value is out of
 * range (a bug guard: scenario validation reports user errors first). O(1), O(n) for empirical.
 * @example makeDistribution({ dist: "lognormal", median: 120, p99: 900 }).describe() // "lognormal(median 120, p99 900)"
 */
export function makeDistribution(spec: DistSpec): Distribution {
  switch (spec.dist) {
    case "constant":
      return new ConstantDistribution(spec.value);
    case "exponential":
      return new ExponentialDistribution(spec.mean);
    case "uniform":
      return new UniformDistribution(spec.min, spec.max);
    case "normal":
      return new NormalDistribution(spec.mean, spec.sd, spec.min ?? -Infinity, spec.max ?? Infinity);
    case "lognormal":
      return "median" in spec
        ? LognormalDistribution.fromMedianP99(spec.median, spec.p99)
        : new LognormalDistribution(spec.mu, spec.sigma);
    case "gamma":
      return "shape" in spec
        ? new GammaDistribution(spec.shape, spec.scale)
        : GammaDistribution.fromMeanCv(spec.mean, spec.cv);
    case "weibull":
      return new WeibullDistribution(spec.shape, spec.scale);
    case "pareto":
      return new ParetoDistribution(spec.scale, spec.alpha);
    case "empirical":
      if ("samples" in spec) {
        if (!Array.isArray(spec.samples)) throw new RangeError("empirical: samples must be an array");
        return new EmpiricalSamplesDistribution(spec.samples);
      }
      if (!Array.isArray(spec.histogram)) throw new RangeError("empirical: needs samples or histogram");
      if (spec.histogram.length === 0 && spec.file !== undefined) {
        throw new RangeError(`empirical: the log ${spec.file} is read when the scenario is loaded from a file (loadScenarioFile), not by resolveScenario`);
      }
      return new EmpiricalHistogramDistribution(spec.histogram);
    default: {
      const unknown: never = spec;
      throw new RangeError(`dist must be one of the known names, got ${JSON.stringify((unknown as { dist: unknown }).dist)}`);
    }
  }
}
