import { formatCount } from "../report/format.js";
import type { WorkEstimate } from "./work-estimate.js";
import { WORK_COSTS, WORK_LIMITS } from "./work-limits.js";

/** One limit an estimate goes past: what, by how much, why, and what to change. */
export interface WorkRefusal {
  /** The scenario field or flag that drives it, e.g. `functions`, `--set`, `functions[0].provisionedConcurrency`. */
  path: string;
  /** The estimate in words, e.g. "10,000 functions". */
  estimate: string;
  /** The limit in words, with its reason or source. */
  limit: string;
  /** What the user can change. */
  change: string;
  /** A hard limit: `--force` does not go past it. */
  hard: boolean;
}

/** Options of checkWork: `--force`, and the machine's memory (os.totalmem()), the hard memory limit. */
export interface WorkCheckOptions {
  force: boolean;
  machineMemoryBytes: number;
}

/**
 * The limits `estimate` goes past (WORK_LIMITS), hard ones always, soft ones unless `force`; empty
 * when the work fits. Pure. O(1).
 * @example
 * checkWork(estimateSimulation(sim), { force: false, machineMemoryBytes: os.totalmem() })
 */
export function checkWork(estimate: WorkEstimate, options: WorkCheckOptions): WorkRefusal[] {
  const out: WorkRefusal[] = [];
  const soft = (r: Omit<WorkRefusal, "hard">) => {
    if (!options.force) out.push({ ...r, hard: false });
  };
  for (const c of estimate.concurrency) {
    if (c.value <= WORK_LIMITS.awsConcurrency) continue;
    soft({
      path: c.path,
      estimate: `${formatCount(c.value)} concurrent executions`,
      limit:
        `${formatCount(WORK_LIMITS.awsConcurrency)}: AWS raises an account's concurrency from 1,000 to "tens of thousands" ` +
        `(lambda-limits.json concurrency.accountDefault, source L1)`,
      change: "ask for what an AWS account can have",
    });
  }
  const softBefore = out.length;
  if (estimate.simulations > WORK_LIMITS.simulationsHard) {
    out.push({
      path: "--set",
      estimate: `${formatCount(estimate.simulations)} simulations`,
      limit: `${formatCount(WORK_LIMITS.simulationsHard)} (their plan would not fit in memory)`,
      change: "use fewer values per axis, fewer axes or fewer --replications",
      hard: true,
    });
    return out; // the other figures of so large a plan are not worth adding
  }
  if (estimate.simulations > WORK_LIMITS.simulations) {
    soft({
      path: "--set",
      estimate: `${formatCount(estimate.simulations)} simulations`,
      limit: `${formatCount(WORK_LIMITS.simulations)}`,
      change: "use fewer values per axis, fewer axes or fewer --replications",
    });
  }
  if (estimate.functions > WORK_LIMITS.functions) {
    soft({
      path: "functions",
      estimate: `${formatCount(estimate.functions)} functions`,
      limit: `${formatCount(WORK_LIMITS.functions)} (1,000 take ~12 s of CPU and 0.7 GB end to end)`,
      change: "simulate the functions in groups, or merge those that share a configuration",
    });
  }
  if (estimate.events > WORK_LIMITS.events) {
    soft({
      path: "horizon",
      estimate: `~${sci(estimate.events)} events (${sci(estimate.arrivals)} arrivals)`,
      limit: `${sci(WORK_LIMITS.events)} events (about an hour of one core at ~5 M events/s)`,
      change: "shorten the horizon (-H), lower the rates or run fewer simulations",
    });
  }
  const memory = estimate.memoryBytes;
  if (memory > options.machineMemoryBytes) {
    out.push({
      path: memoryDriver(estimate),
      estimate: `~${gib(memory)} of memory (${formatCount(estimate.environments)} execution environments, ${formatCount(estimate.functions)} function${estimate.functions === 1 ? "" : "s"})`,
      limit: `this machine's ${gib(options.machineMemoryBytes)}`,
      change: "lower the concurrency, provisioned concurrency or number of functions",
      hard: true,
    });
  } else if (memory > WORK_LIMITS.memoryBytes && out.length === softBefore) {
    // Only when no other limit spoke: too many functions or simulations already explain the memory.
    soft({
      path: memoryDriver(estimate),
      estimate: `~${gib(memory)} of memory (${formatCount(estimate.environments)} execution environments, ${formatCount(estimate.functions)} function${estimate.functions === 1 ? "" : "s"})`,
      limit: `${gib(WORK_LIMITS.memoryBytes)} (V8's default heap limit)`,
      change: "lower the concurrency, provisioned concurrency, number of functions or --workers",
    });
  }
  return out;
}

/**
 * The field that drives the memory estimate: `functions` when functions cost more than environments,
 * else the largest provisioned concurrency when it is most of the environments, else the account limit.
 */
function memoryDriver(estimate: WorkEstimate): string {
  if (estimate.environments * WORK_COSTS.perEnvironmentBytes <= estimate.functions * WORK_COSTS.perFunctionBytes) return "functions";
  const pcs = estimate.concurrency.filter((c) => c.path !== "account.concurrencyLimit");
  const top = pcs.reduce<(typeof pcs)[number] | null>((a, c) => (a === null || c.value > a.value ? c : a), null);
  return top !== null && top.value * 2 >= estimate.environments ? top.path : "account.concurrencyLimit";
}

/** One line for a person: `too much work: <path>: <estimate> is over the limit of <limit>; <change> (or --force)`. */
export function formatRefusal(r: WorkRefusal): string {
  const past = r.hard ? " (a hard limit: --force does not go past it)" : ", or pass --force to run it anyway";
  return `too much work: ${r.path}: ${r.estimate} is over the limit of ${r.limit}; ${r.change}${past}`;
}

function sci(n: number): string {
  return n < 1e6 ? formatCount(n) : n.toExponential(1).replace("e+", "e");
}

function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}
