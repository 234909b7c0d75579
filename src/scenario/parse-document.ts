import YAML from "yaml";
import { firstDuplicateKey } from "./duplicate-keys.js";
import { printableExcerpt } from "./issues.js";
import { locateJsonError } from "./json-error.js";

/** A parsed document, or what is wrong with it in words ("invalid YAML at line 3, column 9: ..."). */
export type Parsed = { ok: true; data: unknown } | { ok: false; problem: string };

/** The longest excerpt of a parser's message quoted in an issue, in characters. */
const MAX_REASON_CHARS = 120;

/**
 * Parses YAML text; a syntax error or a duplicate key comes back with its line and column. O(keys).
 * `customTags` reads local tags such as CloudFormation's `!Ref` (scenario/import/cloudformation-yaml.ts).
 */
export function parseYaml(text: string, customTags?: YAML.Tags): Parsed {
  try {
    // The package's own unique-key check scans the map's keys for each key (quadratic: minutes for
    // 20,000 keys); firstDuplicateKey does it with one Set per map.
    const lineCounter = new YAML.LineCounter();
    const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: false, lineCounter, ...(customTags ? { customTags } : {}) });
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

/** Parses JSON text; a syntax error comes back with its line and column. */
export function parseJson(text: string): Parsed {
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (err) {
    const at = locateJsonError(text);
    if (at !== undefined) return { ok: false, problem: `invalid JSON at line ${at.line}, column ${at.column}: ${printableExcerpt(at.reason, MAX_REASON_CHARS)}` };
    return { ok: false, problem: `invalid JSON: ${printableExcerpt(err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err), MAX_REASON_CHARS)}` };
  }
}
