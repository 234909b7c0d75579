import { applyOverrides, resolveScenarioData, type Checked, type Issue, type ResolvedScenario } from "../scenario/index.js";
import type { SweepTask } from "../parallel/index.js";
import { cartesian, type Axis, type AxisValue } from "./axes.js";
import { resolveWithSets } from "./field-sets.js";
import { replicationSeed } from "./seeds.js";

/** One combination of axis values, and why it cannot run (its scenario issues), if it cannot. */
export interface PlannedPoint {
  index: number;
  values: AxisValue[];
  /** Issues of this point's scenario (e.g. memoryMB 99999), formatted for a person; null when it is valid. */
  issues: Issue[] | null;
}

/** A sweep ready to run: its points, and one task per valid point and replication. */
export interface SweepPlan {
  /** The scenario without any axis applied (its name, seed and horizon after --seed/--horizon). */
  base: ResolvedScenario;
  axes: Axis[];
  replications: number;
  points: PlannedPoint[];
  tasks: SweepTask[];
}

/** Inputs of `planSweep`: the raw scenario of `file` (read by `readScenarioFile`), axes, replications, flag overrides. */
export interface SweepPlanInput {
  file: string;
  raw: unknown;
  axes: Axis[];
  replications: number;
  seed?: string;
  horizon?: string;
  /** Summarise this function instead of the account total (see SweepTask.focus). */
  focus?: string;
}

/**
 * Expands the axes' cartesian product into points and tasks. Each point's values are written into a
 * copy of the RAW scenario, which is then resolved like a scenario file, so an invalid value fails
 * that point with the usual issues while the others run. Replication r of every point runs with
 * `replicationSeed(seed, r)`: common random numbers across points. Fails as a whole (bad input)
 * when the scenario without axes is invalid, a flag is, or a path names no function.
 * Cost: O(points × resolve).
 */
export function planSweep(input: SweepPlanInput): Checked<SweepPlan> {
  const baseResolved = resolveScenarioData(input.raw, input.file);
  if (!baseResolved.ok) return baseResolved;
  const overrides = { seed: input.seed, horizon: input.horizon };
  const base = applyOverrides(baseResolved.value, overrides);
  if (!base.ok) return base;

  const points: PlannedPoint[] = [];
  const tasks: SweepTask[] = [];
  for (const [index, values] of cartesian(input.axes).entries()) {
    const sets = input.axes.map((axis, a) => ({ path: axis.path, value: values[a]!.value }));
    const point = resolveWithSets(input.raw, sets, (raw) => resolveScenarioData(raw, input.file), overrides);
    // A bad path is bad input (every point would repeat it); a bad value fails this point while the others run.
    if (!point.ok && point.badPath) return { ok: false, issues: point.issues };
    if (!point.ok) {
      points.push({ index, values, issues: point.issues });
      continue;
    }
    points.push({ index, values, issues: null });
    const s = point.value;
    for (let r = 0; r < input.replications; r++) {
      tasks.push({
        id: tasks.length,
        point: index,
        replication: r,
        sim: { ...s.sim, seed: replicationSeed(s.sim.seed, r) },
        region: s.region,
        catalogOverlay: s.catalogOverlay,
        pricing: s.pricing,
        ...(input.focus === undefined ? {} : { focus: input.focus }),
      });
    }
  }
  return { ok: true, value: { base: base.value, axes: input.axes, replications: input.replications, points, tasks } };
}
