import type { WhatIfKnob } from "../report/what-if-panel.js";
import { valueAt } from "../scenario/issues.js";
import type { ResolvedScenario } from "../scenario/resolve.js";
import { formatDuration, formatRate } from "../scenario/units.js";

/** The field of each arrival kind that sets its traffic (the panel's "traffic" input); profile and mmpp have none. */
const TRAFFIC_FIELD: Partial<Record<string, { field: string; label: string; hint: string }>> = {
  poisson: { field: "rate", label: "traffic (rate)", hint: "e.g. 100/s, 6000/min" },
  constant: { field: "rate", label: "traffic (rate)", hint: "e.g. 100/s, 6000/min" },
  diurnal: { field: "mean", label: "traffic (mean rate)", hint: "e.g. 100/s" },
  trace: { field: "scale", label: "traffic (trace scale)", hint: "× each traced invocation, e.g. 2" },
};

/**
 * The What if panel's inputs for a run's scenario: per function its memory, architecture, provisioned
 * concurrency (when fixed), reserved concurrency, timeout and traffic; the account's concurrency limit;
 * the horizon. Each starts at the value the run had, as written in the file when it is there (`10s`,
 * `50/s`), else as resolved (`3s`). `raw` is the file's value after the run's `--set`s. Pure.
 */
export function whatIfKnobs(raw: unknown, s: ResolvedScenario): WhatIfKnob[] {
  const knobs: WhatIfKnob[] = [];
  const written = (path: PropertyKey[], fallback: string): string => {
    const v = valueAt(raw, path);
    return typeof v === "string" || typeof v === "number" ? String(v) : fallback;
  };
  s.sim.functions.forEach((f, i) => {
    // By name when the name is a plain path segment, else by index (`functions.0.memoryMB`).
    const at = `functions.${/^[\w-]+$/.test(f.name) ? f.name : i}`;
    const knob = (field: string, label: string, value: string, kind: WhatIfKnob["kind"], extra: Partial<WhatIfKnob> = {}) =>
      knobs.push({ path: `${at}.${field}`, issuePath: `functions[${i}].${field}`, group: `function ${f.name}`, label, value, kind, ...extra });
    const fn = ["functions", i];
    // A function on a capacity provider has LMI's memory range and no reserved concurrency (managed-schema.ts).
    const managed = f.managed !== undefined && f.managed !== null;
    knob("memoryMB", "memory (MB)", written([...fn, "memoryMB"], String(f.memoryMB)), "number", { hint: managed ? "2048..32768, whole vCPUs" : "128..10240" });
    knob("architecture", "architecture", f.architecture, "select", { options: ["x86_64", "arm64"] });
    if (f.provisioned.kind === "fixed") knob("provisionedConcurrency", "provisioned concurrency", written([...fn, "provisionedConcurrency"], String(f.provisioned.count)), "number");
    if (!managed) knob("reservedConcurrency", "reserved concurrency", written([...fn, "reservedConcurrency"], f.reservedConcurrency === null ? "" : String(f.reservedConcurrency)), "number", { hint: "empty: none" });
    knob("timeout", "timeout", written([...fn, "timeout"], formatDuration(f.timeoutMs)), "text", { hint: "e.g. 10s, 2m" });
    const traffic = TRAFFIC_FIELD[f.arrivals.kind];
    if (traffic !== undefined) {
      const fallback =
        f.arrivals.kind === "poisson" || f.arrivals.kind === "constant" ? formatRate(f.arrivals.ratePerSec)
        : f.arrivals.kind === "diurnal" ? formatRate(f.arrivals.meanPerSec)
        : f.arrivals.kind === "trace" ? String(f.arrivals.scale)
        : "";
      knobs.push({
        path: `${at}.arrivals.${traffic.field}`,
        issuePath: `functions[${i}].arrivals.${traffic.field}`,
        group: `function ${f.name}`,
        label: traffic.label,
        value: written([...fn, "arrivals", traffic.field], fallback),
        kind: "text",
        hint: traffic.hint,
      });
    }
  });
  knobs.push({ path: "account.concurrencyLimit", issuePath: "account.concurrencyLimit", group: "scenario", label: "account concurrency limit", value: String(s.sim.account.concurrencyLimit), kind: "number" });
  knobs.push({ path: "horizon", issuePath: "horizon", group: "scenario", label: "horizon (simulated time)", value: formatDuration(s.sim.horizonMs), kind: "text", hint: "e.g. 1h, 6h" });
  return knobs;
}
