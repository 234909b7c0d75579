import { basename, dirname, extname } from "node:path";
import type { Checked, Issue } from "./issues.js";
import { readRegularTextFile } from "./regular-file.js";
import { ALLOWED } from "./messages.js";
import { parseJson, parseYaml } from "./parse-document.js";
import { resolveScenario, type ResolvedScenario } from "./resolve.js";
import { checkTraceFiles } from "./trace-check.js";
import { readDurationLogs } from "./duration-logs.js";
import { readCatalogFile } from "./catalog-file.js";
import { valueAt } from "./issues.js";

/** File extensions read as scenarios, and how each is parsed. */
const FORMATS: Readonly<Record<string, "yaml" | "json">> = { ".yaml": "yaml", ".yml": "yaml", ".json": "json" };

/**
 * Reads, parses and resolves a scenario file: `.json` with JSON.parse, `.yaml`/`.yml` with the `yaml`
 * package. The scenario's `name` defaults to the file's base name. Problems with the file itself (missing,
 * unreadable, empty, not valid YAML/JSON) come back as one Issue with path "", whose `value` describes
 * what was found (e.g. "invalid YAML at line 3, column 9: ..."). This is the only module of `scenario/`
 * that does I/O, with `trace-file.ts` (trace files, read in chunks) and `trace-check.ts`.
 * @example
 * const s = loadScenarioFile("scenarios/api-backend.yaml");
 * if (s.ok) simulate(s.value.sim);
 */
export function loadScenarioFile(path: string): Checked<ResolvedScenario> {
  const read = readScenarioFile(path);
  if (!read.ok) return read;
  return resolveScenarioData(read.value.data, path);
}

/**
 * Resolves a parsed scenario value as `loadScenarioFile` does for the file at `path` (its base name is
 * the default `name`, trace files resolve against its folder). `plan/` calls it once per sweep point,
 * after changing the raw value, so every point is checked with the same issues.
 */
export function resolveScenarioData(data: unknown, path: string): Checked<ResolvedScenario> {
  // A price file (pricing.catalog) resolves against the scenario's folder, like trace files.
  const catalogFile = valueAt(data, ["pricing", "catalog"]);
  const prices = typeof catalogFile === "string" && /\S/.test(catalogFile) ? readCatalogFile(catalogFile, dirname(path), "pricing.catalog") : undefined;
  const catalogOverlay = prices === undefined ? undefined : prices.ok ? prices.value : ("invalid" as const);
  const resolved = resolveScenario(data, { baseName: basename(path, extname(path)), ...(catalogOverlay === undefined ? {} : { catalogOverlay }) });
  if (prices !== undefined && !prices.ok) return { ok: false, issues: [...prices.issues, ...(resolved.ok ? [] : resolved.issues)] };
  // Trace files resolve against the scenario's folder; their header and first rows are checked now.
  if (!resolved.ok) return resolved;
  // Durations from REPORT logs (`{ dist: empirical, file }`) are read now, beside the trace checks.
  const logs = readDurationLogs(resolved.value, dirname(path));
  const traced = checkTraceFiles(logs.ok ? logs.value : resolved.value, dirname(path));
  if (!logs.ok) return { ok: false, issues: [...logs.issues, ...(traced.ok ? [] : traced.issues)] };
  return traced;
}

/**
 * Reads and parses a scenario file (YAML or JSON) without resolving it: the raw value, for callers
 * that change fields before `resolveScenarioData` (sweeps). File problems come back as in `loadScenarioFile`.
 */
export function readScenarioFile(path: string): Checked<{ data: unknown }> {
  const ext = extname(path);
  const format = FORMATS[ext.toLowerCase()];
  if (format === undefined) {
    return fileIssue(ext === "" ? "no file extension" : `a ${ext} file`, ALLOWED.fileExtension);
  }

  // Only a regular file (a FIFO or a device would block or never end), as strict UTF-8 text.
  const read = readRegularTextFile(path);
  if (!read.ok) return fileIssue(read.problem, read.reason === "not-utf8" ? (format === "json" ? ALLOWED.json : ALLOWED.yaml) : ALLOWED.file);
  const text = read.text;
  if (text.trim() === "") return fileIssue("empty file", ALLOWED.nonEmptyFile);

  const parsed = format === "json" ? parseJson(text) : parseYaml(text);
  if (!parsed.ok) return fileIssue(parsed.problem, format === "json" ? ALLOWED.json : ALLOWED.yaml);
  if (parsed.data === null || parsed.data === undefined) return fileIssue("no content (only comments or null)", ALLOWED.nonEmptyFile);
  return { ok: true, value: { data: parsed.data } };
}


function fileIssue(found: string, allowed: string): { ok: false; issues: Issue[] } {
  return { ok: false, issues: [{ path: "", value: found, allowed }] };
}
