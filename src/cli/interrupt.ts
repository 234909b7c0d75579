/** A signal that Ctrl-C aborts, and the call that stops listening for it. */
export interface Interrupt {
  signal: AbortSignal;
  /** Stops listening: Ctrl-C ends the process again as Node does by default. */
  release(): void;
}

/** Listens for Ctrl-C (SIGINT) until released: it aborts `signal` instead of ending the process, so a command can stop its workers and say so. */
export function listenForInterrupt(): Interrupt {
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.on("SIGINT", onSigint);
  return { signal: stop.signal, release: () => process.off("SIGINT", onSigint) };
}
