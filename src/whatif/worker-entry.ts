/**
 * The What if panel's Web Worker (bundled by bench/whatif-bundle.ts into dist/whatif/whatif-worker.js):
 * checks and runs what-if scenarios with the CLI's own code (planWhatIf, runWhatIf, whatIfView) and
 * posts the results. No DOM, no Node built-in: only the global `postMessage`/`onmessage` of a worker.
 */
import { whatIfView } from "../report/what-if-view.js";
import type { FromWorker, ToWorker, WhatIfPageData } from "./page-data.js";
import { planWhatIf, runWhatIf } from "./what-if-run.js";

/** The part of a DedicatedWorkerGlobalScope this file uses (the project's TypeScript lib has no DOM). */
interface WorkerScope {
  onmessage: ((e: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;
let data: WhatIfPageData | null = null;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.kind === "init") {
    data = msg.data;
    return;
  }
  if (data === null) return scope.postMessage({ kind: "error", id: msg.id, message: "the worker has no scenario (init first)" });
  try {
    const plan = planWhatIf(data.scenario, msg.sets);
    if (!plan.ok) return scope.postMessage({ kind: "issues", id: msg.id, issues: plan.issues });
    if (msg.kind === "check") return scope.postMessage({ kind: "checked", id: msg.id, command: plan.value.command });
    const id = msg.id;
    const run = runWhatIf(data.scenario, plan.value, {
      clockMs: () => performance.now(),
      onProgress: (fraction) => scope.postMessage({ kind: "progress", id, fraction }),
    });
    if (!run.ok) return scope.postMessage({ kind: "issues", id, issues: run.issues });
    const s = plan.value.scenario;
    const view = whatIfView({ result: run.value, config: s.sim, slo: s.slo, description: s.description }, data.base, data.baseTables);
    scope.postMessage({
      kind: "done",
      id,
      command: plan.value.command,
      yaml: plan.value.yaml,
      html: view.html,
      charts: view.charts,
      events: run.value.engine.events,
      wallSeconds: run.value.engine.wallSeconds,
    });
  } catch (err) {
    scope.postMessage({ kind: "error", id: msg.id, message: err instanceof Error ? err.message : String(err) });
  }
};
