/**
 * Where a JSON text first breaks the grammar, for a message with line and column: JSON.parse's own
 * messages carry a position only on some Node versions. `locateJsonError` is a small recursive-descent
 * scan (RFC 8259) run only after JSON.parse has failed. O(length of the text).
 */
export interface JsonErrorLocation {
  /** 1-based line and column of the offending character (or of the end of the text). */
  line: number;
  column: number;
  /** What was found and what was expected, e.g. "unexpected ',' (expected a value)". */
  reason: string;
}

class JsonSyntax {
  constructor(
    readonly index: number,
    readonly expected: string,
  ) {}
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const fail = (expected: string): never => {
    throw new JsonSyntax(i, expected);
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail("a value");
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail("a closing '\"' (control characters must be escaped)");
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("4 hex digits after \\u");
          i += 5;
        } else if (i < text.length && '"\\/bfnrt'.includes(text[i]!)) i++;
        else fail("an escape such as \\n or \\\"");
      } else i++;
    }
    if (i >= text.length) fail("a closing '\"'");
    i++;
  };
  const numberToken = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m === null || m[0] === "" || m[0] === "-") fail("a value");
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") fail("':'");
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail("',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail("',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    return numberToken();
  };
  try {
    value();
    ws();
    if (i < text.length) fail("the end of the text");
    return undefined;
  } catch (err) {
    if (!(err instanceof JsonSyntax)) throw err;
    const before = text.slice(0, err.index);
    const line = before.split("\n").length;
    const column = err.index - before.lastIndexOf("\n");
    const found = err.index >= text.length ? "end of text" : JSON.stringify(text[err.index]).replace(/^"|"$/g, "'");
    return { line, column, reason: `unexpected ${found} (expected ${err.expected})` };
  }
}
