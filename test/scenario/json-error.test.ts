import { describe, expect, it } from "vitest";
import { locateJsonError } from "../../src/scenario/json-error.js";

describe("locateJsonError", () => {
  it("finds nothing wrong in valid JSON", () => {
    for (const text of ['{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}', "[]", " 3 ", '"s"']) {
      expect(JSON.parse(text)).not.toBeUndefined();
      expect(locateJsonError(text)).toBeUndefined();
    }
  });

  it("points at a missing value on its line and column", () => {
    expect(locateJsonError('{\n  "horizon": "1h",\n  "seed": ,\n}')).toEqual({
      line: 3,
      column: 11,
      reason: "unexpected ',' (expected a value)",
    });
  });

  it("points at a trailing comma, an unquoted key and an unclosed object", () => {
    expect(locateJsonError('{"a": 1,}')).toMatchObject({ line: 1, column: 9, reason: "unexpected '}' (expected a property name in double quotes)" });
    expect(locateJsonError("{a: 1}")).toMatchObject({ line: 1, column: 2 });
    expect(locateJsonError('{"a": 1')).toMatchObject({ line: 1, column: 8, reason: "unexpected end of text (expected ',' or '}')" });
  });

  it("agrees with JSON.parse on which texts are invalid", () => {
    for (const text of ["01", "1.", "-", "[1,]", '"\t"', "tru", "{} x", "", '{"a" 1}', "[1 2]"]) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(locateJsonError(text), text).not.toBeUndefined();
    }
  });
});
