import { statSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import type { Result } from "../platform/result.js";
import { headlineOf } from "../report/headline.js";
import { readWhatIfBundles } from "../report/what-if-bundles.js";
import { shownBaseTables } from "../report/what-if-view.js";
import type { WhatIfPage } from "../report/what-if-panel.js";
import type { ResolvedScenario } from "../scenario/index.js";
import { valueAt } from "../scenario/issues.js";
import { VERSION } from "../version.js";
import { whatIfKnobs } from "../whatif/knobs.js";
import type { WhatIfPageData } from "../whatif/page-data.js";
import { WHATIF_TRACE_BYTES, type WhatIfScenario } from "../whatif/what-if-scenario.js";

/** What `run` knows that the What if panel needs. */
export interface WhatIfSource {
  /** The scenario file as named on the command line, and its parsed value (before any --set). */
  file: string;
  raw: unknown;
  /** The run's flags as typed. */
  seed?: string;
  horizon?: string;
  sets: string[];
  /** The scenario as run (after --set) and its raw value after --set. */
  scenario: ResolvedScenario;
  changedRaw: unknown;
  result: Result;
}

/**
 * The What if panel of a run's page: its inputs, the data its worker needs and the bundles; undefined
 * when the bundles were not built (the page is then written without the panel).
 */
export function whatIfPage(src: WhatIfSource): WhatIfPage | undefined {
  const bundles = readWhatIfBundles();
  return bundles === null ? undefined : { ...whatIfPanelData(src), ...bundles };
}

/**
 * The panel's inputs and the data its worker needs: the scenario file's value, the run's flags, the
 * price file as checked and the trace files' text, up to WHATIF_TRACE_BYTES in all (reads the traces).
 */
export function whatIfPanelData(src: WhatIfSource): Omit<WhatIfPage, "workerSource" | "panelSource"> & { data: WhatIfPageData } {
  const traces: Record<string, string> = {};
  const tracesLeftOut: string[] = [];
  let bytes = 0;
  src.scenario.sim.functions.forEach((f, i) => {
    if (f.arrivals.kind !== "trace") return;
    const written = valueAt(src.changedRaw, ["functions", i, "arrivals", "file"]);
    if (typeof written !== "string" || Object.hasOwn(traces, written)) return;
    // Resolved against the scenario's folder and checked by the run, which just read it.
    const size = statSync(f.arrivals.file).size;
    if (bytes + size > WHATIF_TRACE_BYTES) tracesLeftOut.push(written);
    else {
      traces[written] = readFileSync(f.arrivals.file, "utf8");
      bytes += size;
    }
  });
  const scenario: WhatIfScenario = {
    raw: src.raw,
    file: src.file,
    baseName: basename(src.file, extname(src.file)),
    catalogOverlay: src.scenario.catalogOverlay,
    overrides: { ...(src.seed === undefined ? {} : { seed: src.seed }), ...(src.horizon === undefined ? {} : { horizon: src.horizon }) },
    baseSets: src.sets,
    traces,
    tracesLeftOut,
  };
  const s = src.scenario;
  const baseTables = shownBaseTables({ result: src.result, config: s.sim, slo: s.slo, description: s.description });
  const data: WhatIfPageData = { scenario, base: headlineOf(src.result), baseTables, version: VERSION };
  const note =
    tracesLeftOut.length > 0
      ? `The trace ${tracesLeftOut.join(", ")} is larger than the page embeds (${WHATIF_TRACE_BYTES / 1024 / 1024} MB in all), so trace-driven functions cannot be changed in the page: run the command below instead.`
      : null;
  return { knobs: whatIfKnobs(src.changedRaw, src.scenario), data, note };
}
