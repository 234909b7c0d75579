/** Event kinds of the Lambda model, stored in the event queue's Int32Array. */
export const EventKind = {
  /** A request for function `target` arrives. */
  Arrival: 0,
  /** Environment `target` finishes the request it is serving (init included on a cold start). */
  Finish: 1,
  /** Environment `target` (incarnation `aux`) may have reached the end of its idle lifetime. */
  IdleExpiry: 2,
  /** Async event `target` is attempted again (after a throttle or a function error). */
  AsyncRetry: 3,
  /** Function `target`'s provisioned-concurrency schedule reaches a step. */
  ProvisionedStep: 4,
  /** Function `target`'s target-tracking policy takes a 1-minute utilization data point. */
  ProvisionedTick: 5,
  /** Provisioned environment `target` (incarnation `aux`) finishes its init and can serve. */
  ProvisionedReady: 6,
  /** The client of pending sync request `target` tries again after a throttle. */
  SyncRetry: 7,
  /** SQS function `target`'s pollers take their 1-second scaling step. */
  SqsTick: 8,
  /** SQS function `target`'s batching window (generation `aux`) closes. */
  SqsWindow: 9,
  /** SQS function `target`'s failed or throttled batch in slot `aux` becomes visible again. */
  SqsReappear: 10,
  /** Stream lane `target` (across all stream functions) closes its batching window (generation `aux`). */
  StreamWindow: 11,
  /** Stream lane `target` retries its batch (after a failure or a throttle). */
  StreamRetry: 12,
  /** Managed environment `target` (generation `aux`) finishes the CPU part of its earliest request. */
  ManagedCpuDone: 13,
  /** Managed request `target` (generation `aux`) finishes the I/O part of its duration. */
  ManagedIoDone: 14,
  /** Capacity provider `target` takes a utilisation reading and decides its scaling. */
  ManagedTick: 15,
  /** Managed instance `target` is running after its launch delay: environments are placed on it. */
  ManagedLaunch: 16,
  /** Managed request `target` (generation `aux`) reaches its function's timeout, stretched past it by processor sharing. */
  ManagedTimeout: 17,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** Bits of `EnvironmentPool.requestFlags`. */
export const RequestFlag = { Cold: 1, Measured: 2, TimedOut: 4 } as const;
