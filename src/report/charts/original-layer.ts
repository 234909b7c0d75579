/**
 * A what-if time-series chart with the original run's lines drawn under it, faded and dashed (pure, on
 * plain Vega-Lite JSON: the panel runs it in the page on the two specs it has).
 */

/** The charts whose what-if version gains the original's lines: the time series of a run's page (and `originalLayered`'s). */
export const ORIGINAL_LAYER_CHARTS: ReadonlySet<string> = new Set(["arrivals", "concurrency", "latency"]);

/** Whether chart `name` gains the original's lines: ORIGINAL_LAYER_CHARTS and each capacity provider's chart (`capacity-provider`, `capacity-provider-2`). */
export function originalLayered(name: string): boolean {
  return ORIGINAL_LAYER_CHARTS.has(name) || /^capacity-provider(-\d+)?$/.test(name);
}

type Spec = Record<string, unknown>;

/** The keys of a top-level spec that belong to its data and marks (moved into a layer), not to the chart as a whole. */
const VIEW_KEYS = ["data", "transform", "encoding", "layer", "mark"] as const;

function isObject(x: unknown): x is Spec {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function markType(mark: unknown): string | undefined {
  return typeof mark === "string" ? mark : isObject(mark) && typeof mark.type === "string" ? mark.type : undefined;
}

/** A line mark faded and dashed (no points), for the original run's series. */
function faded(mark: unknown): Spec {
  return { ...(isObject(mark) ? mark : { type: mark }), opacity: 0.45, strokeDash: [4, 3], point: false };
}

/** The view part of a top-level spec as one layer, with `run` = `label` in its data. */
function viewLayer(spec: Spec, label: string, units: (unit: Spec) => Spec | null): Spec | null {
  const transform = [...(Array.isArray(spec.transform) ? spec.transform : []), { calculate: JSON.stringify(label), as: "run" }];
  const base: Spec = { data: spec.data, transform, ...(spec.encoding === undefined ? {} : { encoding: spec.encoding }) };
  if (Array.isArray(spec.layer)) {
    const layer = spec.layer.flatMap((l: unknown) => {
      const u = isObject(l) ? units(l) : null;
      return u === null ? [] : [u];
    });
    return layer.length === 0 ? null : { ...base, layer };
  }
  const u = units({ mark: spec.mark });
  return u === null ? null : { ...base, layer: [u] };
}

/**
 * `now` with the line marks of `original` layered under it, faded and dashed, each side's data carrying
 * a `run` field ("original", "what if"); null when the two cannot share axes (their top-level
 * transforms differ, e.g. a changed horizon put the time axis in other units) or either is not a
 * single or layered view with inline data.
 */
export function withOriginalLayer(now: unknown, original: unknown): Spec | null {
  if (!isObject(now) || !isObject(original)) return null;
  if (Array.isArray(now.vconcat) || Array.isArray(original.vconcat)) return withOriginalPanels(now, original);
  for (const s of [now, original]) {
    if (!isObject(s.data) || !Array.isArray(s.data.values) || s.resolve !== undefined) return null;
    if (s.layer === undefined && s.mark === undefined) return null;
  }
  if (JSON.stringify(now.transform ?? []) !== JSON.stringify(original.transform ?? [])) return null;
  // Only the original's direct line marks: its areas, points and nested layers would hide the what-if run.
  const before = viewLayer(original, "original", (u) => (markType(u.mark) === "line" ? { ...u, mark: faded(u.mark) } : null));
  const after = viewLayer(now, "what if", (u) => u);
  if (before === null || after === null) return null;
  const chart: Spec = {};
  for (const [k, v] of Object.entries(now)) if (!(VIEW_KEYS as readonly string[]).includes(k)) chart[k] = v;
  return { ...chart, layer: [before, after] };
}

/**
 * A vertical concatenation of panels sharing the top-level data (the capacity-provider chart), each
 * panel layered as withOriginalLayer layers a single view; a panel without a line of the original's
 * keeps the what-if side alone. Null when the two differ in panels, data or top-level transform.
 */
function withOriginalPanels(now: Spec, original: Spec): Spec | null {
  const a = now.vconcat;
  const b = original.vconcat;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length || a.length === 0) return null;
  for (const s of [now, original]) if (!isObject(s.data) || !Array.isArray(s.data.values)) return null;
  if (JSON.stringify(now.transform ?? []) !== JSON.stringify(original.transform ?? [])) return null;
  const panels: Spec[] = [];
  for (let i = 0; i < a.length; i++) {
    const pa: unknown = a[i];
    const pb: unknown = b[i];
    if (!isObject(pa) || !isObject(pb) || (pa.layer === undefined && pa.mark === undefined)) return null;
    const before = viewLayer(asView(original, pb), "original", (u) => (markType(u.mark) === "line" ? { ...u, mark: faded(u.mark) } : null));
    const after = viewLayer(asView(now, pa), "what if", (u) => u);
    if (after === null) return null;
    const panel: Spec = {};
    for (const [k, v] of Object.entries(pa)) if (!(VIEW_KEYS as readonly string[]).includes(k)) panel[k] = v;
    panels.push({ ...panel, layer: before === null ? [after] : [before, after] });
  }
  const chart: Spec = {};
  for (const [k, v] of Object.entries(now)) if (k !== "vconcat" && !(VIEW_KEYS as readonly string[]).includes(k)) chart[k] = v;
  return { ...chart, vconcat: panels };
}

/** Panel `panel` of a concatenation as a view of its own: the top level's data, its transforms then the panel's. */
function asView(top: Spec, panel: Spec): Spec {
  const transform = [...(Array.isArray(top.transform) ? top.transform : []), ...(Array.isArray(panel.transform) ? panel.transform : [])];
  return { ...panel, data: top.data, transform };
}
