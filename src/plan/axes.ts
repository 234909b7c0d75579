// Direct modules, not scenario/index.js: the what-if page bundles this file, and the index reaches file I/O.
import type { Checked } from "../scenario/issues.js";
import { parseDurationMs, parseRatePerSec } from "../scenario/units.js";

/** One value of a sweep axis: how it is shown (table, CSV) and what is written into the scenario. */
export interface AxisValue {
  label: string;
  value: string | number | boolean;
}

/** A swept scenario field: its path as written (`functions.checkout.memoryMB`) and its values, in order. */
export interface Axis {
  path: string;
  values: AxisValue[];
}

/** Most values one range may generate. */
export const MAX_RANGE_POINTS = 10_000;
/** Significant digits kept in generated range values (10/s..1000/s:log:8 → 19.3070/s, written 19.307/s). */
const RANGE_DIGITS = 6;

/** What a sweep's `--set` accepts (the start of its issues' `allowed`). */
export const SET_ALLOWED =
  "path=v1,v2,... or path=FROM..TO:lin:N or path=FROM..TO:log:N (N ≥ 2; FROM and TO both plain numbers, both rates like 10/s, or both durations like 250ms)";

/**
 * Parses one `--set` flag into an axis. Lists are `path=v1,v2,v3` (numbers become numbers,
 * true/false booleans, anything else stays text, such as `250ms` or `10/s`); ranges are
 * `path=FROM..TO:lin:N` (N evenly spaced values) or `:log:N` (N values evenly spaced in log, FROM and
 * TO > 0), where FROM and TO are plain numbers, rates (`10/s`) or durations (`250ms`), of one kind;
 * generated values keep 6 significant digits and the unit (per second, or ms). Issues have the path `--set`.
 * @example
 * parseSetFlag("arrivals.rate=10/s..1000/s:log:3") // values 10/s, 100/s, 1000/s
 */
export function parseSetFlag(text: string): Checked<Axis> {
  const eq = text.indexOf("=");
  const bad = (why: string): Checked<Axis> => ({ ok: false, issues: [{ path: "--set", value: text, allowed: `${SET_ALLOWED}${why}` }] });
  if (eq <= 0) return bad("");
  const path = text.slice(0, eq).trim();
  if (!/^[A-Za-z_][\w-]*(\.[\w-]+|\[\d+\])*$/.test(path)) return bad("; the path is dot-separated field names, like functions.checkout.memoryMB");
  const spec = text.slice(eq + 1).trim();
  if (spec === "") return bad("; no value after '='");

  const range = /^(.+?)\.\.(.+?):(lin|log):(\d+)$/.exec(spec);
  if (range !== null) {
    const from = quantity(range[1]!.trim());
    const to = quantity(range[2]!.trim());
    const n = Number(range[4]);
    if (from === undefined || to === undefined) return bad("; FROM or TO is not a number, a rate or a duration");
    if (from.unit !== to.unit) return bad("; FROM and TO must be of one kind");
    if (!(n >= 2 && n <= MAX_RANGE_POINTS)) return bad(`; N must be 2..${MAX_RANGE_POINTS}`);
    if (range[3] === "log" && !(from.amount > 0 && to.amount > 0)) return bad("; a log range needs FROM and TO > 0");
    return { ok: true, value: { path, values: rangeValues(from.amount, to.amount, n, range[3] as "lin" | "log", from.unit) } };
  }
  if (spec.includes("..")) return bad("; a range needs :lin:N or :log:N after FROM..TO");

  const parts = spec.split(",").map((s) => s.trim());
  if (parts.some((p) => p === "")) return bad("; an empty value in the list");
  return { ok: true, value: { path, values: parts.map(listValue) } };
}

/** The cartesian product of the axes' values, the last axis varying fastest; [[]] for no axes. */
export function cartesian(axes: readonly Axis[]): AxisValue[][] {
  let points: AxisValue[][] = [[]];
  for (const axis of axes) points = points.flatMap((p) => axis.values.map((v) => [...p, v]));
  return points;
}

type Unit = "" | "/s" | "ms";

/** A plain number, a rate (in per second) or a duration (in ms). */
function quantity(text: string): { amount: number; unit: Unit } | undefined {
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { amount: Number(text), unit: "" };
  const rate = parseRatePerSec(text);
  if (rate !== undefined) return { amount: rate, unit: "/s" };
  const ms = parseDurationMs(text);
  if (ms !== undefined) return { amount: ms, unit: "ms" };
  return undefined;
}

function rangeValues(from: number, to: number, n: number, scale: "lin" | "log", unit: Unit): AxisValue[] {
  const out: AxisValue[] = [];
  for (let i = 0; i < n; i++) {
    const f = i / (n - 1);
    const raw = i === 0 ? from : i === n - 1 ? to : scale === "lin" ? from + (to - from) * f : from * Math.pow(to / from, f);
    const amount = Number(raw.toPrecision(RANGE_DIGITS));
    const label = `${amount}${unit}`;
    out.push({ label, value: unit === "" ? amount : label });
  }
  return out;
}

function listValue(text: string): AxisValue {
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { label: text, value: Number(text) };
  if (text === "true" || text === "false") return { label: text, value: text === "true" };
  return { label: text, value: text };
}
