/*
 * Which measured lambda-perf runtime stands for each runtime identifier a scenario may name, and
 * which runtimes AWS lets use SnapStart. Kept apart from the fitted data so that the generator
 * (bench/cold-start-fits.ts) and the model share one mapping.
 */

/** A measured runtime standing for a user runtime, and why when it is a proxy (null when direct). */
export interface MeasuredRuntime {
  /** Runtime name as lambda-perf-coldstarts.json spells it (`window30d.rows[].runtime`). */
  readonly perf: string;
  /** Why another runtime's measurement is used, or null when the runtime was measured itself. */
  readonly proxyNote: string | null;
}

const direct = (perf: string): MeasuredRuntime => ({ perf, proxyNote: null });

/**
 * User runtime id → lambda-perf runtime measured for it (lambda-perf-coldstarts.json `window30d`).
 * `provided.*` (OS-only runtimes) map onto lambda-perf's Go hello-world on the same OS, the most common
 * custom-runtime language; nodejs18.x (deprecated, no longer benchmarked) onto nodejs20.x.
 */
export const MEASURED_RUNTIME: Readonly<Record<string, MeasuredRuntime>> = {
  "nodejs18.x": { perf: "nodejs20.x", proxyNote: "nodejs18.x is not measured in the window (deprecated); nodejs20.x used as a proxy" },
  "nodejs20.x": direct("nodejs20.x"),
  "nodejs22.x": direct("nodejs22.x"),
  "nodejs24.x": direct("nodejs24.x"),
  "python3.9": direct("python3.9"),
  "python3.10": direct("python3.10"),
  "python3.11": direct("python3.11"),
  "python3.12": direct("python3.12"),
  "python3.13": direct("python3.13"),
  "python3.14": direct("python3.14"),
  "java8.al2": direct("java8.al2"),
  java11: direct("java11"),
  java17: direct("java17"),
  java21: direct("java21"),
  java25: direct("java25"),
  dotnet8: direct("dotnet8"),
  dotnet10: direct("dotnet10"),
  "ruby3.2": direct("ruby3.2"),
  "ruby3.3": direct("ruby3.3"),
  "ruby3.4": direct("ruby3.4"),
  "provided.al2": { perf: "go (prov.al2)", proxyNote: "provided.al2 is an OS-only runtime; lambda-perf's Go hello-world on it stands for the function" },
  "provided.al2023": {
    perf: "go (prov.al2023)",
    proxyNote: "provided.al2023 is an OS-only runtime; lambda-perf's Go hello-world on it stands for the function",
  },
};

/**
 * Runtimes that may turn SnapStart on: Java 11 and later, Python 3.12 and later, .NET 8 and later
 * (AWS Lambda Developer Guide, "Improving startup performance with Lambda SnapStart", section
 * "Supported features and limitations": https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html#snapstart-runtimes).
 * The same page excludes OS-only (custom) runtimes and container images.
 */
export const SNAPSTART_RUNTIMES: readonly string[] = [
  "java11",
  "java17",
  "java21",
  "java25",
  "python3.12",
  "python3.13",
  "python3.14",
  "dotnet8",
  "dotnet10",
];

/** The restore measurement nearest to each SnapStart runtime's own (lambda-perf measured Java 11/17/21 only). */
const SNAPSTART_PROXY = "java21 snapstart";

/**
 * SnapStart runtime → lambda-perf restore series (lambda-perf-coldstarts.json `snapstartWindow`). Only
 * java11/17/21 were measured (zip, x86_64); the others use java21's restore as a proxy.
 */
export const MEASURED_SNAPSTART: Readonly<Record<string, MeasuredRuntime>> = Object.fromEntries(
  SNAPSTART_RUNTIMES.map((r) => {
    const own = `${r} snapstart`;
    const measured = r === "java11" || r === "java17" || r === "java21";
    return [r, measured ? direct(own) : { perf: SNAPSTART_PROXY, proxyNote: `no SnapStart restore measured for ${r}; ${SNAPSTART_PROXY} used as a proxy` }];
  }),
);
