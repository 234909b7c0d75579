import YAML from "yaml";
import { locateJsonError } from "./json-error.js";

/** A parsed document, or what is wrong with it in words ("invalid YAML at line 3, column 9: ..."). */
export type Parsed = { ok: true; data: unknown } | { ok: false; problem: string };

/** Parses YAML text; a syntax error comes back with its line and column. */
export function parseYaml(text: string): Parsed {
  try {
    const doc = YAML.parseDocument(text, { prettyErrors: true });
    const error = doc.errors[0];
    if (error !== undefined) {
      const pos = error.linePos?.[0];
      // With prettyErrors the message is "<reason> at line L, column C:" followed by a code excerpt.
      const reason = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?\s*$/, "");
      const where = pos === undefined ? "" : ` at line ${pos.line}, column ${pos.col}`;
      return { ok: false, problem: `invalid YAML${where}: ${reason}` };
    }
    return { ok: true, data: doc.toJS() };
  } catch (err) {
    // toJS throws on, e.g., an alias expansion beyond the package's limit.
    return { ok: false, problem: `invalid YAML: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}` };
  }
}

/** Parses JSON text; a syntax error comes back with its line and column. */
export function parseJson(text: string): Parsed {
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (err) {
    const at = locateJsonError(text);
    if (at !== undefined) return { ok: false, problem: `invalid JSON at line ${at.line}, column ${at.column}: ${at.reason}` };
    return { ok: false, problem: `invalid JSON: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}` };
  }
}
