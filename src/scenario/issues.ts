import { printable, printableExcerpt } from "../core/printable.js";

export { printable, printableExcerpt };

/**
 * One problem found in user input: where it is, what was there, and what would have been accepted.
 * `path` is a field path such as `functions[0].arrivals.rate`, `horizon` or `--seed`; it is "" for a
 * problem with the file itself (then `value` is a short description of what was found, such as
 * "no such file"). `value` is the input at `path`, `undefined` when the field is missing.
 * @example
 * { path: "functions[0].memoryMB", value: 20000, allowed: "an integer 128..10240 (MB)" }
 */
export interface Issue {
  path: string;
  value: unknown;
  allowed: string;
}

/** Either a value or every issue that prevented it (never an empty list). */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/**
 * `allowed` texts starting with one of these describe the field itself, not its value,
 * so `formatIssue` does not print the value (`functions[0].memroyMB: no such field ...`).
 */
export const FIELD_LEVEL_PREFIXES = ["no such field", "not modelled yet"] as const;

/** Whether `issue` says its field does not exist there (a misspelt or misplaced key), whatever its value. */
export function isUnknownField(issue: Issue): boolean {
  return issue.allowed.startsWith(FIELD_LEVEL_PREFIXES[0]);
}

/** The longest rendering of a value in a message, in characters. */
const MAX_VALUE_CHARS = 60;

/**
 * One line for a person: `file: path: value is not allowed; expected allowed`.
 * @example
 * formatIssue({ path: "functions[0].memoryMB", value: 20000, allowed: "an integer 128..10240 (MB)" }, "x.yaml")
 * // "x.yaml: functions[0].memoryMB: 20000 is not allowed; expected an integer 128..10240 (MB)"
 */
export function formatIssue(issue: Issue, file?: string): string {
  const where = [file, issue.path].filter((s) => s !== undefined && s !== "").join(": ");
  const prefix = where === "" ? "" : `${where}: `;
  // Whatever a field or file held, the line printed never carries a control character.
  if (FIELD_LEVEL_PREFIXES.some((p) => issue.allowed.startsWith(p))) return printable(prefix + issue.allowed);
  if (issue.value === undefined) return printable(`${prefix}missing; expected ${issue.allowed}`);
  if (issue.path === "" && typeof issue.value === "string") return printable(`${prefix}${printableExcerpt(issue.value, MAX_FILE_PROBLEM_CHARS)}; expected ${issue.allowed}`);
  return printable(`${prefix}${renderValue(issue.value)} is not allowed; expected ${issue.allowed}`);
}

/** The longest description of a file problem (path "") in a message, in characters. */
const MAX_FILE_PROBLEM_CHARS = 200;

/** A value as JSON on one line, escaped (printable) and cut to about 60 characters (`"fast"`, `20000`, `{"dist":"x"}`). */
export function renderValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return printableExcerpt(text, MAX_VALUE_CHARS);
}

/** `["functions", 0, "arrivals", "rate"]` → `functions[0].arrivals.rate`; `[]` → "". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${printableExcerpt(JSON.stringify(String(key)), MAX_VALUE_CHARS)}]`;
  }
  return out;
}

/** The value at `path` inside `root`, or undefined where the path leads nowhere. */
export function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
