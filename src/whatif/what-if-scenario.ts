import type { CatalogOverlay } from "../pricing/catalog/overlay.js";

/**
 * What a report page carries so that its What if panel can simulate the scenario again, in a Web
 * Worker, exactly as `lambdasim run` did: the file's parsed value, the flags of that run, and the
 * files the scenario names (the price file as checked, the trace files' text). JSON; built by `cli/`.
 */
export interface WhatIfScenario {
  /** The scenario file as parsed (YAML or JSON), before any default or --set. */
  raw: unknown;
  /** The scenario file as the user named it on the command line (for the equivalent command). */
  file: string;
  /** The file's name without extension: the default `name`. */
  baseName: string;
  /** `pricing.catalog` as `resolveScenarioData` checked it, or null. */
  catalogOverlay: CatalogOverlay | null;
  /** `--seed` and `--horizon` of the run, as typed (a `set` of the same field replaces them). */
  overrides: { seed?: string; horizon?: string };
  /** The run's own `--set`s, as typed: applied before the panel's. */
  baseSets: string[];
  /** Each trace file the scenario replays: its `file` as written in the scenario → its text. */
  traces: Record<string, string>;
  /** Trace files not embedded because together they pass WHATIF_TRACE_BYTES: their names as written; the panel cannot run then. */
  tracesLeftOut: string[];
}

/** Most bytes of trace text a report page embeds (all traces together); past it, trace-driven scenarios cannot run in the page. */
export const WHATIF_TRACE_BYTES = 2 * 1024 * 1024;
