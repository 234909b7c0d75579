/**
 * Process exit codes of the CLI (DESIGN.md "CLI"). SloMissed: `run` missed an objective of the
 * scenario's slo, or a planner found no option meeting every objective (`--no-slo-exit` keeps 0).
 * 130 and 143 are 128 + the number of SIGINT and SIGTERM, as a shell reports them.
 */
export const ExitCode = { Ok: 0, Internal: 1, BadInput: 2, SweepPointsFailed: 3, SloMissed: 4, Interrupted: 130, Terminated: 143 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
