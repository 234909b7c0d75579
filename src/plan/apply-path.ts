import type { Issue } from "../scenario/issues.js";

/** Top-level fields of the scenario format; any other first segment is a field of every function. */
const TOP_LEVEL = new Set(["name", "description", "region", "horizon", "warmup", "seed", "account", "functions", "slo", "pricing", "compare"]);

/** Path segments: `functions.checkout.memoryMB` → ["functions", "checkout", "memoryMB"]; `[2]` → 2. */
export function pathSegments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/**
 * Writes `value` at `path` into the raw (parsed, unresolved) scenario `raw`, in place, creating
 * missing objects on the way. Under `functions` the next segment names a function (`functions.checkout`)
 * or indexes one (`functions.0`, `functions[0]`); a path whose first segment is not a top-level field
 * (`arrivals.rate`, `memoryMB`) applies to every function. Returns an Issue (path `--set`) when the
 * path names no function or goes through a value that is not an object; the value itself is checked
 * later, by `resolveScenario`.
 * @example
 * setAtPath(raw, "functions.checkout.memoryMB", 2048)
 */
export function setAtPath(raw: unknown, path: string, value: unknown): Issue | null {
  const segs = pathSegments(path);
  if (!isObject(raw)) return { path: "--set", value: path, allowed: "a scenario whose top level is a mapping" };
  const functions = raw.functions;
  if (segs[0] === "functions") {
    if (!Array.isArray(functions)) return { path: "--set", value: path, allowed: "a scenario with a functions list" };
    const key = segs[1];
    if (key === undefined || segs.length < 3) return { path: "--set", value: path, allowed: "functions.<name>.<field>" };
    const index = typeof key === "number" || /^\d+$/.test(key) ? Number(key) : functions.findIndex((f) => isObject(f) && f.name === key);
    if (index < 0 || index >= functions.length) {
      const names = functions.map((f, i) => (isObject(f) && typeof f.name === "string" ? f.name : `[${i}]`)).join(", ");
      return { path: "--set", value: path, allowed: `a function of the scenario after functions.: ${names}` };
    }
    return setIn(functions[index], segs.slice(2), value, path);
  }
  if (TOP_LEVEL.has(String(segs[0]))) return setIn(raw, segs, value, path);
  if (!Array.isArray(functions)) return { path: "--set", value: path, allowed: "a scenario with a functions list" };
  for (const f of functions) {
    const issue = setIn(f, segs, value, path);
    if (issue !== null) return issue;
  }
  return null;
}

/**
 * Writes `value` at `segs` under `target`, reading and creating own properties only: a segment such
 * as `__proto__` or `constructor` is a plain (unknown) field name, never a way into a prototype.
 */
function setIn(target: unknown, segs: ReadonlyArray<string | number>, value: unknown, path: string): Issue | null {
  let node = target;
  for (let i = 0; i < segs.length - 1; i++) {
    if (!isObject(node)) return { path: "--set", value: path, allowed: "a path through mappings only" };
    const key = String(segs[i]);
    const child = Object.hasOwn(node, key) ? node[key] : undefined;
    if (child === undefined || child === null) defineOwn(node, key, {});
    node = node[key];
  }
  if (!isObject(node)) return { path: "--set", value: path, allowed: "a path through mappings only" };
  defineOwn(node, String(segs[segs.length - 1]), value);
  return null;
}

/** Sets an own, enumerable property (an assignment to `__proto__` would change the prototype instead). */
function defineOwn(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}
