import { closeSync, readFileSync } from "node:fs";
import { describeFsError } from "./fs-errors.js";
import { basename, dirname, extname } from "node:path";
import YAML from "yaml";
import { firstDuplicateKey } from "./duplicate-keys.js";
import { printableExcerpt, type Checked, type Issue } from "./issues.js";
import { openRegularFile } from "./regular-file.js";
import { locateJsonError } from "./json-error.js";
import { ALLOWED } from "./messages.js";
import { resolveScenario, type ResolvedScenario } from "./resolve.js";
import { checkTraceFiles } from "./trace-check.js";

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
  const resolved = resolveScenario(data, { baseName: basename(path, extname(path)) });
  // Trace files resolve against the scenario's folder; their header and first rows are checked now.
  return resolved.ok ? checkTraceFiles(resolved.value, dirname(path)) : resolved;
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

  // Only a regular file: a FIFO or a device would block or never end.
  const opened = openRegularFile(path);
  if (!opened.ok) return fileIssue(opened.problem, ALLOWED.file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(opened.fd);
  } catch (err) {
    return fileIssue(describeFsError(err), ALLOWED.file);
  } finally {
    closeSync(opened.fd);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // Binary content would otherwise come back, raw, inside the parser's message.
    return fileIssue("not UTF-8 text (a binary file?)", format === "json" ? ALLOWED.json : ALLOWED.yaml);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark is not content
  if (text.trim() === "") return fileIssue("empty file", ALLOWED.nonEmptyFile);

  const parsed = format === "json" ? parseJson(text) : parseYaml(text);
  if (!parsed.ok) return fileIssue(parsed.problem, format === "json" ? ALLOWED.json : ALLOWED.yaml);
  if (parsed.data === null || parsed.data === undefined) return fileIssue("no content (only comments or null)", ALLOWED.nonEmptyFile);
  return { ok: true, value: { data: parsed.data } };
}

type Parsed = { ok: true; data: unknown } | { ok: false; problem: string };

/** Strict UTF-8: invalid bytes throw instead of becoming U+FFFD. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The longest excerpt of a parser's message quoted in an issue, in characters. */
const MAX_REASON_CHARS = 120;

function parseYaml(text: string): Parsed {
  try {
    // The package's own unique-key check scans the map's keys for each key (quadratic: minutes for
    // 20,000 keys); firstDuplicateKey does it with one Set per map.
    const lineCounter = new YAML.LineCounter();
    const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: false, lineCounter });
    const error = doc.errors[0];
    if (error !== undefined) {
      const pos = error.linePos?.[0];
      // With prettyErrors the message is "<reason> at line L, column C:" followed by a code excerpt.
      const reason = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?\s*$/, "");
      const where = pos === undefined ? "" : ` at line ${pos.line}, column ${pos.col}`;
      return { ok: false, problem: `invalid YAML${where}: ${printableExcerpt(reason, MAX_REASON_CHARS)}` };
    }
    const duplicate = firstDuplicateKey(doc);
    if (duplicate !== null) {
      const pos = lineCounter.linePos(duplicate);
      return { ok: false, problem: `invalid YAML at line ${pos.line}, column ${pos.col}: Map keys must be unique` };
    }
    return { ok: true, data: doc.toJS() };
  } catch (err) {
    // toJS throws on, e.g., an alias expansion beyond the package's limit.
    return { ok: false, problem: `invalid YAML: ${printableExcerpt(err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err), MAX_REASON_CHARS)}` };
  }
}

function parseJson(text: string): Parsed {
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (err) {
    const at = locateJsonError(text);
    if (at !== undefined) return { ok: false, problem: `invalid JSON at line ${at.line}, column ${at.column}: ${printableExcerpt(at.reason, MAX_REASON_CHARS)}` };
    return { ok: false, problem: `invalid JSON: ${printableExcerpt(err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err), MAX_REASON_CHARS)}` };
  }
}


function fileIssue(found: string, allowed: string): { ok: false; issues: Issue[] } {
  return { ok: false, issues: [{ path: "", value: found, allowed }] };
}
