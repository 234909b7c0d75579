import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The What if panel's browser bundles, relative to the package root (written by `npm run build`, bench/whatif-bundle.ts). */
export const WHATIF_BUNDLES = { worker: "dist/whatif/whatif-worker.js", panel: "dist/whatif/whatif-panel.js" } as const;

/**
 * Reads the worker and panel bundles from the package's dist/whatif/ (the package root is the first
 * folder above this module holding package.json); null when they were not built, so a page is then written without the panel.
 */
export function readWhatIfBundles(): { workerSource: string; panelSource: string } | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  const worker = join(dir, WHATIF_BUNDLES.worker);
  const panel = join(dir, WHATIF_BUNDLES.panel);
  if (!existsSync(worker) || !existsSync(panel)) return null;
  return { workerSource: readFileSync(worker, "utf8"), panelSource: readFileSync(panel, "utf8") };
}
