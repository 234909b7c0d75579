import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { Resvg } from "@resvg/resvg-js";

/** A Vega-Lite spec compiled to Vega, with the warnings the compiler logged (none expected). */
export interface CompiledChart {
  vega: ReturnType<typeof compile>["spec"];
  warnings: string[];
}

/** A vega-lite logger that keeps warnings and throws on errors (the compiler prints to the console otherwise). */
class CollectingLogger {
  readonly warnings: string[] = [];
  level(): this {
    return this;
  }
  warn(...args: unknown[]): this {
    this.warnings.push(args.map(String).join(" "));
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
  error(...args: unknown[]): this {
    throw new Error(`vega-lite: ${args.map(String).join(" ")}`);
  }
}

/** Compiles a Vega-Lite spec to Vega, collecting warnings instead of printing them; throws on compiler errors. */
export function compileChart(spec: TopLevelSpec): CompiledChart {
  const logger = new CollectingLogger();
  return { vega: compile(spec, { logger }).spec, warnings: logger.warnings };
}

/** Renders a Vega-Lite spec to an SVG document in Node (headless Vega view, no canvas needed). */
export async function chartToSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compileChart(spec).vega), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Font family resvg uses for Vega's generic `sans-serif` text. With `loadSystemFonts`, resvg falls
 * back to any installed font when this one is missing; with no font installed at all, text is left out.
 */
export const PNG_FONT_FAMILY = "DejaVu Sans";

/** Rasterizes an SVG document to PNG bytes at `scale` × its size (2 = sharp on high-DPI screens). */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: PNG_FONT_FAMILY, sansSerifFamily: PNG_FONT_FAMILY },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Renders a chart to SVG text and PNG bytes (no file is written). */
export async function renderChart(spec: TopLevelSpec): Promise<{ svg: string; png: Uint8Array }> {
  const svg = await chartToSvg(spec);
  return { svg, png: svgToPng(svg) };
}
