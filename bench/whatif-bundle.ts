/*
 * Bundles the What if panel's browser code with esbuild, as part of `npm run build`: the worker
 * (src/whatif/worker-entry.ts: scenario validation and resolution, the engine, pricing, the report's
 * result view) and the panel script (src/whatif/page/panel.ts), each one minified IIFE under
 * dist/whatif/, where `lambdasim run` reads them (src/report/what-if-bundles.ts) to inline them into
 * index.html. platform "browser": a Node built-in reached from either entry fails the build.
 */
import { build } from "esbuild";
import { join, resolve } from "node:path";
import { WHATIF_BUNDLES } from "../src/report/what-if-bundles.js";

/** Bundles both entries into `root`/dist/whatif/ and returns each output's size in bytes. */
export async function bundleWhatIf(root: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const [entry, out] of [
    ["src/whatif/worker-entry.ts", WHATIF_BUNDLES.worker],
    ["src/whatif/page/panel.ts", WHATIF_BUNDLES.panel],
  ] as const) {
    const r = await build({
      entryPoints: [join(root, entry)],
      outfile: join(root, out),
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "none",
      metafile: true,
      logLevel: "warning",
    });
    sizes[out] = Object.values(r.metafile.outputs).reduce((a, o) => a + o.bytes, 0);
  }
  return sizes;
}

// `node dist/bench/whatif-bundle.js` (npm run build) bundles from the repository root.
if (process.argv[1] !== undefined && resolve(process.argv[1]).endsWith(join("bench", "whatif-bundle.js"))) {
  const sizes = await bundleWhatIf(resolve(import.meta.dirname, "../.."));
  for (const [file, bytes] of Object.entries(sizes)) process.stdout.write(`wrote ${file} (${(bytes / 1024).toFixed(0)} KiB)\n`);
}
