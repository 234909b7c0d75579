/** Process exit codes of the CLI (DESIGN.md "CLI"). */
export const ExitCode = { Ok: 0, Internal: 1, BadInput: 2, SweepPointsFailed: 3, SloMissed: 4, Interrupted: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
