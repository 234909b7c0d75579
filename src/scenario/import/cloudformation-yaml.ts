import type { Tags } from "yaml";
import { parseYaml, type Parsed } from "../parse-document.js";

/*
 * CloudFormation's YAML short forms (`!Ref X`, `!GetAtt A.B`, `!If [c, a, b]`, ...) read as the long
 * forms the JSON syntax writes (`{ Ref: X }`, `{ "Fn::GetAtt": "A.B" }`), so that one evaluator
 * (intrinsics.ts) serves YAML and JSON templates (AWS CloudFormation User Guide, "Intrinsic function
 * reference": each function's YAML short form).
 */

/** Intrinsic functions with a YAML short tag `!Name`, read as `{ "Fn::Name": ... }`. */
const FUNCTIONS = [
  "Sub", "GetAtt", "If", "Join", "Select", "FindInMap", "GetAZs", "ImportValue", "Equals", "Not", "And", "Or",
  "Base64", "Cidr", "Split", "Length", "ToJsonString", "Transform",
] as const;

/** A tagged collection's plain value (nested tags already read). */
const plain = (node: unknown): unknown => (node !== null && typeof node === "object" && "toJSON" in node ? (node as { toJSON(): unknown }).toJSON() : node);

/** One tag per node kind: a scalar, a sequence and a mapping may each carry the same tag. */
function tagsFor(tag: string, wrap: (v: unknown) => unknown): Tags {
  return [
    { tag, resolve: (s: string) => wrap(s) },
    { tag, collection: "seq", resolve: (n: unknown) => wrap(plain(n)) },
    { tag, collection: "map", resolve: (n: unknown) => wrap(plain(n)) },
  ] as Tags;
}

/** The `yaml` package's custom tags for every CloudFormation short form. */
export const CLOUDFORMATION_TAGS: Tags = [
  ...tagsFor("!Ref", (v) => ({ Ref: v })),
  ...tagsFor("!Condition", (v) => ({ Condition: v })),
  ...FUNCTIONS.flatMap((name) => tagsFor(`!${name}`, (v) => ({ [`Fn::${name}`]: v }))),
];

/** Parses a CloudFormation / SAM YAML template, short tags read as their long forms. */
export function parseCloudFormationYaml(text: string): Parsed {
  return parseYaml(text, CLOUDFORMATION_TAGS);
}
