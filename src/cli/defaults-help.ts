import { defaultsTable, limitsTable } from "../scenario/defaults.js";
import { workLimitsTable } from "../plan/work-limits.js";

/** The "Defaults" and "Limits" sections shown under `lambdasim run --help`. */
export const DEFAULTS_HELP = (() => {
  const rows = (t: Array<{ field: string; value: string; source: string }>) => {
    const w1 = Math.max(...t.map((r) => r.field.length));
    const w2 = Math.max(...t.map((r) => r.value.length));
    return t.map((r) => `  ${r.field.padEnd(w1)}  ${r.value.padEnd(w2)}  ${r.source}`).join("\n");
  };
  return (
    `\nScenario defaults (field, default, source):\n${rows(defaultsTable())}\n` +
    `\nScenario limits (field, allowed, source):\n${rows(limitsTable())}\n` +
    `\nWork limits, checked before anything runs (--force goes past the soft ones):\n${rows(workLimitsTable())}\n` +
    `\nExit codes: 0 ok, 1 internal error, 2 bad input.\n`
  );
})();
