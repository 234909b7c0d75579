export { LatencyHistogram, type LatencySummary } from "./latency-histogram.js";
export { TimeWeighted } from "./time-weighted.js";
export {
  BucketAxis,
  BucketMax,
  BucketQuantile,
  BucketSum,
  DEFAULT_MAX_BUCKETS,
  NICE_BUCKET_MS,
  niceBucketMs,
} from "./time-series.js";
export { FineHistogram } from "./fine-histogram.js";
export { BucketMean } from "./bucket-mean.js";
