import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Browser builds (UMD, minified) of the libraries a report page inlines, as JavaScript source text. */
export interface VegaLibraries {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

/**
 * Reads vega, vega-lite and vega-embed's minified browser builds from node_modules. Their package
 * exports hide `build/*.min.js`, so each is found beside the package's resolved entry file.
 */
export function readVegaLibraries(): VegaLibraries {
  const require = createRequire(import.meta.url);
  const beside = (pkg: string, file: string) => readFileSync(join(dirname(require.resolve(pkg)), file), "utf8");
  return {
    vega: beside("vega", "vega.min.js"),
    vegaLite: beside("vega-lite", "vega-lite.min.js"),
    vegaEmbed: beside("vega-embed", "vega-embed.min.js"),
  };
}
