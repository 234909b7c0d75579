import { ExitCode } from "./exit-codes.js";

/** The signals that stop a worker-pool command cleanly: Ctrl-C, and `kill`'s default (a container's or CI's stop). */
export type StopSignal = "SIGINT" | "SIGTERM";

/** A signal that Ctrl-C (SIGINT) or SIGTERM aborts, and the call that stops listening for them. */
export interface Interrupt {
  /** Aborted with the StopSignal's name as its `reason`. */
  signal: AbortSignal;
  /** Stops listening: the signals end the process again as Node does by default. */
  release(): void;
}

/**
 * Listens for SIGINT and SIGTERM until released: either aborts `signal` (reason: the signal's name)
 * instead of ending the process, so a command can stop its workers, write what finished and say so.
 */
export function listenForInterrupt(): Interrupt {
  const stop = new AbortController();
  const onSigint = () => stop.abort("SIGINT");
  const onSigterm = () => stop.abort("SIGTERM");
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigterm);
  return {
    signal: stop.signal,
    release: () => {
      process.off("SIGINT", onSigint);
      process.off("SIGTERM", onSigterm);
    },
  };
}

/** The exit code of a command stopped by `signal`'s abort: 128 + the signal's number, 143 for SIGTERM, else 130 (Ctrl-C). */
export function interruptedExitCode(signal: AbortSignal | null | undefined): number {
  return signal?.reason === "SIGTERM" ? ExitCode.Terminated : ExitCode.Interrupted;
}
