/** Streams already guarded, so that calling `quietOnClosedPipes` again (tests run `main` many times) adds nothing. */
const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * Makes a closed output pipe end the output quietly: `lambdasim run --json | head -n 2` closes stdout
 * early, and Node reports the next write as an EPIPE 'error' event, which without a listener is an
 * uncaught exception (a stack trace, exit 1). With this listener the rest of the output is dropped and
 * the command finishes with its own exit code. Any other stream error is rethrown: a bug to see.
 */
export function quietOnClosedPipes(streams: readonly NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED") return;
      throw err;
    });
  }
}
