/** `stderr` without the progress lines a pool command prints off a terminal (`lambdasim: sweep: 4/40 simulations ...`). */
export function withoutProgress(stderr: string): string {
  return stderr
    .split("\n")
    .filter((line) => !/^lambdasim: (sweep|tune memory|tune provisioned|tune managed|compare): \d+(\/\d+)? simulations/.test(line))
    .join("\n");
}
