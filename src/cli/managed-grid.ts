import type { ManagedGrid } from "../plan/managed-options.js";
import type { PriceCatalog } from "../pricing/index.js";
import { CONCURRENCY_PER_VCPU, MANAGED, runtimeFamily, type Issue } from "../scenario/index.js";

/*
 * The grid flags of `tune managed` (--max-concurrency, --ratio, --instance-types): their defaults,
 * sized from the function, and their checks against the function and the price catalog.
 */

/** Ratios tried by default: the GiB per vCPU of EC2's compute (c), general-purpose (m) and memory-optimised (r) families (a lambdasim choice within lambda-managed-instances.json function.memoryGiBPerVCpu 2..8). */
export const DEFAULT_RATIOS = [2, 4, 8] as const;

/** Multiples of the function's default maxConcurrency tried by default (lambdasim choice: an eighth to twice it, by doubling). */
export const DEFAULT_CONCURRENCY_FACTORS = [1 / 8, 1 / 4, 1 / 2, 1, 2] as const;

/** The function as the grid needs it. */
export interface GridFunction {
  runtime: string;
  architecture: "x86_64" | "arm64";
  memoryMB: number;
  /** Its maxConcurrency on its capacity provider (given or defaulted), or null when it is on demand. */
  maxConcurrency: number | null;
  /** The first instance type of its capacity provider, or null when it is on demand. */
  instanceType: string | null;
}

/** Whether `memoryMB` at `ratio` GiB per vCPU is a whole number (≥ 1) of vCPUs. */
function wholeVCpus(memoryMB: number, ratio: number): boolean {
  const v = memoryMB / 1024 / ratio;
  return v >= 1 && Math.abs(v - Math.round(v)) < 1e-9;
}

/** The c, m and r siblings (same generation and size) of `type` in the catalog, e.g. m7g.xlarge → c7g.xlarge, m7g.xlarge, r7g.xlarge. */
function siblings(type: string, catalog: PriceCatalog): string[] {
  const m = /^[cmr](\d+[a-z]*)\.(.+)$/.exec(type);
  if (m === null) return [type];
  return ["c", "m", "r"].map((family) => `${family}${m[1]}.${m[2]}`).filter((t) => t === type || catalog.ec2.instances[t] !== undefined);
}

/** The default grid of `f`, each part with the words that say how it was sized (for --help, the report and the README). */
export function defaultGrid(f: GridFunction, catalog: PriceCatalog): { grid: ManagedGrid; words: string } {
  const ratios = DEFAULT_RATIOS.filter((r) => wholeVCpus(f.memoryMB, r));
  const vcpus = f.memoryMB / 1024 / (ratios[0] ?? MANAGED.ratio.min);
  const family = runtimeFamily(f.runtime);
  const base = f.maxConcurrency ?? (family === null ? 1 : CONCURRENCY_PER_VCPU[family]!.value * vcpus);
  const maxConcurrency = [...new Set(DEFAULT_CONCURRENCY_FACTORS.map((k) => Math.min(MANAGED.maxConcurrency.max, Math.max(1, Math.round(base * k)))))].sort((a, b) => a - b);
  const types = f.instanceType !== null ? siblings(f.instanceType, catalog) : f.architecture === "arm64" ? ["c7g.xlarge", "m7g.xlarge", "r7g.xlarge"] : ["c7i.xlarge", "m7i.xlarge", "r7i.xlarge"];
  const words =
    `maxConcurrency ${maxConcurrency.join(",")} (an eighth to twice ${base}, ${f.maxConcurrency !== null ? "the function's maxConcurrency" : `the runtime's default per vCPU × ${vcpus} vCPUs`}); ` +
    `memoryGiBPerVCpu ${ratios.join(",")} (of 2, 4, 8: those giving whole vCPUs at ${f.memoryMB} MB); ` +
    `instance types ${types.join(",")} (${f.instanceType !== null ? `the c, m and r siblings of ${f.instanceType}` : `the ${f.architecture} xlarge of the c, m and r families`})`;
  return { grid: { maxConcurrency, memoryGiBPerVCpu: [...ratios], instanceTypes: types }, words };
}

/** A comma-separated list of numbers, or null when it is not one. */
function numberList(text: string, integers: boolean): number[] | null {
  const re = integers ? /^\s*\d+(\s*,\s*\d+)*\s*$/ : /^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/;
  return re.test(text) ? [...new Set(text.split(",").map(Number))].sort((a, b) => a - b) : null;
}

/**
 * The grid from the flags (absent: the default), checked: maxConcurrency integers 1..1600, ratios 2..8
 * giving whole vCPUs at the function's memory, instance types of the catalog with the function's
 * architecture on which an environment fits at one of the ratios at least. Every issue names its flag.
 */
export function checkGrid(
  flags: { maxConcurrency?: string; ratio?: string; instanceTypes?: string },
  f: GridFunction,
  catalog: PriceCatalog,
): { ok: true; grid: ManagedGrid } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const d = defaultGrid(f, catalog).grid;
  const mc = MANAGED.maxConcurrency;
  const conc = flags.maxConcurrency === undefined ? d.maxConcurrency : numberList(flags.maxConcurrency, true);
  if (conc === null || conc.some((c) => c < mc.min || c > mc.max)) {
    issues.push({ path: "--max-concurrency", value: flags.maxConcurrency, allowed: `integers ${mc.min}..${mc.max} separated by commas (lambda-managed-instances.json function.maxConcurrencyPerEnvironment), e.g. 16,32,64` });
  }
  const rr = MANAGED.ratio;
  const ratios = flags.ratio === undefined ? d.memoryGiBPerVCpu : numberList(flags.ratio, false);
  const whole = [2, 3, 4, 5, 6, 7, 8].filter((r) => wholeVCpus(f.memoryMB, r));
  if (ratios === null || ratios.length === 0 || ratios.some((r) => r < rr.min || r > rr.max || !wholeVCpus(f.memoryMB, r))) {
    issues.push({
      path: "--ratio",
      value: flags.ratio ?? ratios?.join(","),
      allowed: `GiB per vCPU ${rr.min}..${rr.max} (lambda-managed-instances.json function.memoryGiBPerVCpu) giving a whole number of vCPUs at the function's ${f.memoryMB} MB${whole.length > 0 ? `: ${whole.join(", ")}` : " (none does: give the function a memoryMB that is a multiple of 2048)"}`,
    });
  }
  const types = flags.instanceTypes === undefined ? d.instanceTypes : flags.instanceTypes.split(",").map((t) => t.trim());
  const known = Object.entries(catalog.ec2.instances).filter(([, it]) => it.architecture === f.architecture).map(([t]) => t);
  for (const t of [...new Set(types)]) {
    const it = catalog.ec2.instances[t];
    const fits = it !== undefined && (ratios ?? []).some((r) => f.memoryMB / 1024 / r <= it.vcpu && f.memoryMB / 1024 <= it.memoryGiB);
    if (it === undefined || it.architecture !== f.architecture || (ratios !== null && !fits)) {
      const why = it === undefined ? "" : it.architecture !== f.architecture ? ` (${t} is ${it.architecture})` : ` (${t}: ${it.vcpu} vCPUs, ${it.memoryGiB} GiB)`;
      issues.push({
        path: "--instance-types",
        value: t,
        allowed: `an ${f.architecture} EC2 instance type of the price catalog holding one environment of ${f.memoryMB / 1024} GiB${why}, e.g. ${known.filter((k) => /^[cmr]7[gi]?\.(x?large)$/.test(k)).slice(0, 6).join(", ")}`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, grid: { maxConcurrency: conc!, memoryGiBPerVCpu: ratios!, instanceTypes: [...new Set(types)] } };
}
