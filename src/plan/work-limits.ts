/**
 * How much work one command accepts, in one place (README "Limits"). A soft limit refuses work that
 * would run for a long time or use more memory than a laptop spares; `--force` goes past it. A hard
 * limit refuses work that cannot fit in this machine's memory at all; nothing goes past it.
 * The per-unit costs are measured end to end (`lambdasim run` with its report) on the development
 * machine: 2 cores, 24 GB, Node 20.20, shared with other jobs (bench/functions.ts reproduces them).
 */
export const WORK_LIMITS = {
  /**
   * Functions in one scenario (soft). A 1,000-function run takes about 21 s and 0.95 GB end to
   * end (bench/functions.ts); 2,000 take about twice that. Past it a run takes minutes and gigabytes,
   * and 10,000 functions ran out of V8's heap after 397 s (issue 12).
   */
  functions: 2_000,
  /**
   * Simulated events per command, all simulations together (soft): about an hour of one core at the
   * engine's ~5 M events/s (README "Engine and performance", bench/engine.ts). Generous, as planners
   * spread their simulations over workers: compare over 30 simulated days with two bisections to
   * 100/s is 4.5e9 and runs.
   */
  events: 20_000_000_000,
  /**
   * Simulations per command: sweep points × replications (soft). Planning resolves a copy of the
   * scenario per point and keeps one small result per simulation; 10,000 plan in seconds.
   */
  simulations: 10_000,
  /**
   * Simulations per command (hard): a plan of a million points holds a million resolved scenarios
   * (several GB); a sweep of 2 axes × 10,000 values (10⁸ points) ran out of memory at 55 s (issue 12).
   */
  simulationsHard: 1_000_000,
  /**
   * Estimated peak memory of the command (soft), bytes: 4 GiB, V8's default heap limit on this
   * machine (v8.getHeapStatistics().heap_size_limit = 4,144 MiB), a share a laptop can spare.
   */
  memoryBytes: 4 * 2 ** 30,
  /**
   * The account concurrency AWS grants (soft): the default is 1,000 per Region and "increasable to
   * tens of thousands" (lambda-limits.json `concurrency.accountDefault`, its note, source L1), so a
   * scenario beyond 100,000 concurrent executions (the account limit or provisioned concurrency)
   * describes no account AWS sells.
   */
  awsConcurrency: 100_000,
} as const;

/**
 * Measured costs that turn a scenario into an estimate (see WORK_LIMITS for the machine).
 */
export const WORK_COSTS = {
  /** Events per arrival: 8,648,291 events for 4,292,107 invocations of the bundled api-backend (README quick start), ≈ 2.01. */
  eventsPerArrival: 2,
  /** Resident memory of a one-function `run` with its report, bytes: 200 MB measured (bench/functions.ts, 1 function). */
  baseBytes: 200 * 2 ** 20,
  /**
   * Resident memory per function of a `run` with its report, bytes: (945 MB at 1,000 functions − 201 MB
   * at 1) / 999 = 0.745 MB measured by bench/functions.ts (per-function series — arrivals, throttles,
   * concurrency, cold starts, p99 — and histograms, result.json's text).
   */
  perFunctionBytes: 0.75 * 2 ** 20,
  /**
   * Memory per execution environment alive at once, bytes: 56 bytes of typed-array columns per slot
   * (platform/environments/environment-pool.ts), doubled for growth by doubling; measured 46 to 82 bytes resident
   * (RSS with 100,000 and 400,000 provisioned environments against none, 10 minutes simulated).
   */
  perEnvironmentBytes: 112,
  /** Memory per planned simulation of a sweep (a resolved scenario and its result), bytes. */
  perSimulationBytes: 20 * 2 ** 10,
} as const;

/** The limits as rows (what, value, soft or hard) for `lambdasim run --help`; README "Limits" gives the reasons. */
export function workLimitsTable(): Array<{ field: string; value: string; source: string }> {
  const n = (x: number) => x.toLocaleString("en-US");
  return [
    { field: "functions in a scenario", value: n(WORK_LIMITS.functions), source: "soft" },
    { field: "events, all simulations of a command", value: WORK_LIMITS.events.toExponential(0).replace("e+", "e"), source: "soft" },
    { field: "simulations (sweep points × replications)", value: `${n(WORK_LIMITS.simulations)} / ${n(WORK_LIMITS.simulationsHard)}`, source: "soft / hard" },
    { field: "account or provisioned concurrency", value: n(WORK_LIMITS.awsConcurrency), source: "soft (lambda-limits.json concurrency.accountDefault)" },
    { field: "estimated memory", value: `${WORK_LIMITS.memoryBytes / 2 ** 30} GiB / the machine's RAM`, source: "soft / hard" },
  ];
}
