import type { Headline } from "../report/headline.js";
import type { BaseTables } from "../report/what-if-diff.js";
import type { WhatIfScenario } from "./what-if-scenario.js";

/** The JSON a run's page carries for its What if panel and worker (`#whatif-data`). */
export interface WhatIfPageData {
  scenario: WhatIfScenario;
  /** The original run's headline figures, which the what-if figures are compared with. */
  base: Headline;
  /** The original run's result, cost and SLO tables (by section), which the what-if tables are marked against. */
  baseTables: BaseTables;
  /** The lambdasim version that wrote the page (the worker is the same build). */
  version: string;
}

/** A message the panel posts to the worker. */
export type ToWorker =
  | { kind: "init"; data: WhatIfPageData }
  /** Check the sets as `run --set` would, without simulating. */
  | { kind: "check"; id: number; sets: string[] }
  | { kind: "run"; id: number; sets: string[] };

/** A message the worker posts back; `id` is the request's. */
export type FromWorker =
  | { kind: "issues"; id: number; issues: Array<{ path: string; set: string | null; message: string }> }
  | { kind: "checked"; id: number; command: string }
  | { kind: "progress"; id: number; fraction: number }
  | {
      kind: "done";
      id: number;
      command: string;
      yaml: string;
      html: string;
      /** `change`: the caption under the chart pair, the change of the headline figures it draws. */
      charts: Array<{ name: string; title: string; spec: unknown; change: string | null }>;
      events: number;
      wallSeconds: number;
    }
  | { kind: "error"; id: number; message: string };
