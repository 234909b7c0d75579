// Direct modules, not scenario/index.js: the what-if page's worker bundles this file, and the index reaches file I/O.
import { applyOverrides, type ResolvedScenario } from "../scenario/resolve.js";
import { isUnknownField, type Checked, type Issue } from "../scenario/issues.js";
import { setAtPath } from "./apply-path.js";
import { parseSetFlag, SET_ALLOWED, type AxisValue } from "./axes.js";

/** One `run --set PATH=VALUE`: a scenario field and the one value written there (`functions.api.memoryMB`, 2048). */
export interface FieldSet {
  path: string;
  value: AxisValue["value"];
}

/**
 * Parses one `run --set PATH=VALUE` with sweep's parser (`parseSetFlag`: numbers become numbers,
 * true/false booleans, anything else stays text such as `10s` or `50/s`), refusing a list or a range:
 * a run takes one value per field. Issues have the path `--set`.
 * @example parseFieldSet("functions.api.memoryMB=2048") // { ok: true, value: { path: "functions.api.memoryMB", value: 2048 } }
 */
export function parseFieldSet(text: string): Checked<FieldSet> {
  const axis = parseSetFlag(text);
  // Sweep's issue, with the syntax of one value in place of the syntax of an axis (the reason after it kept).
  if (!axis.ok) return { ok: false, issues: axis.issues.map((i) => ({ ...i, allowed: ONE_VALUE + i.allowed.slice(SET_ALLOWED.length) })) };
  if (axis.value.values.length !== 1) return { ok: false, issues: [{ path: "--set", value: text, allowed: `${ONE_VALUE} (one value: lists and ranges are for \`lambdasim sweep\`)` }] };
  return { ok: true, value: { path: axis.value.path, value: axis.value.values[0]!.value } };
}

const ONE_VALUE = "path=value, e.g. functions.checkout.memoryMB=2048 or arrivals.rate=100/s (a path not under functions. or another top-level field applies to every function)";

/** The outcome of `resolveWithSets`: the scenario, or its issues and whether they condemn every variant (a bad path) or only this one (a bad value). */
export type SetsResolution = { ok: true; value: ResolvedScenario; raw: unknown } | { ok: false; issues: Issue[]; badPath: boolean };

/**
 * Writes each set into a copy of the RAW scenario, resolves it with `resolve` (as a scenario file is:
 * every issue with its field path), then applies the `--seed`/`--horizon` overrides. A path that names
 * no function, or leads to a field the format does not have, is reported on `--set` with `badPath`
 * (a typo every sweep point would repeat); a value the field refuses keeps the field's own issue.
 * `resolve` does any I/O (price and trace files): `resolveScenarioData` in the CLI, embedded data in the page.
 * On success `raw` is the changed copy (the what-if page offers it as a scenario file).
 * Cost: one structuredClone and one resolve.
 */
export function resolveWithSets(
  raw: unknown,
  sets: readonly FieldSet[],
  resolve: (raw: unknown) => Checked<ResolvedScenario>,
  overrides: { seed?: string; horizon?: string } = {},
): SetsResolution {
  const copy = structuredClone(raw);
  for (const s of sets) {
    const issue = setAtPath(copy, s.path, s.value);
    if (issue !== null) return { ok: false, issues: [issue], badPath: true };
  }
  const resolved = resolve(copy);
  const out = resolved.ok ? applyOverrides(resolved.value, overrides) : resolved;
  if (out.ok) return { ...out, raw: copy };
  // A field that does not exist, on a set's path: a typo in --set, not in the file.
  const unknown = out.issues.find(isUnknownField);
  // The set whose path passes through the unknown key (`functions.f.nope.x` for `functions[0].nope`).
  const key = unknown?.path.split(".").pop();
  const set = key === undefined ? undefined : sets.find((s) => s.path.split(".").includes(key));
  if (unknown !== undefined && set !== undefined) {
    return { ok: false, issues: [{ path: "--set", value: set.path, allowed: `a path to a field of the scenario (${unknown.path}: ${unknown.allowed})` }], badPath: true };
  }
  return { ok: false, issues: out.issues, badPath: false };
}
