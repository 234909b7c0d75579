import type { PriceCatalog } from "./catalog/types.js";

/** What is left of the monthly Lambda free tier for this bill (the account may have used some elsewhere). */
export interface FreeTierAllowance {
  requests: number;
  gbSeconds: number;
  streamingGB: number;
}

/**
 * The allowance a bill applies: `true` = the whole monthly free tier (`lambda.freeTier`: 1M requests,
 * 400,000 GB-s, 100 GB streamed), `false` or absent = none, an object = what remains (missing fields 0).
 */
export function freeTierAllowance(option: boolean | Partial<FreeTierAllowance> | undefined, catalog: PriceCatalog): FreeTierAllowance {
  if (option === true) {
    const f = catalog.lambda.freeTier;
    return { requests: f.requestsPerMonth.value, gbSeconds: f.gbSecondsPerMonth.value, streamingGB: f.responseStreamingGbPerMonth.value };
  }
  if (option === false || option === undefined) return { requests: 0, gbSeconds: 0, streamingGB: 0 };
  return { requests: option.requests ?? 0, gbSeconds: option.gbSeconds ?? 0, streamingGB: option.streamingGB ?? 0 };
}
