import type { Issue } from "../issues.js";
import { resolve, type Resolution, type TemplateContext } from "./intrinsics.js";
import { setKnown, setPlaceholder, type ImportedFunction } from "./imported-config.js";
import type { Mapped } from "./lambda-names.js";

/*
 * Reading a template's properties with the place each came from, evaluated by intrinsics.ts: the
 * helpers cloudformation.ts and cloudformation-sources.ts share.
 */

/** A template value with the place it was read from (`template.yaml#Resources.Orders.Properties.MemorySize`). */
export interface Located {
  raw: unknown;
  source: string;
}

/** A template being imported: its evaluation context, file name and the issues found so far. */
export interface TemplateScope {
  ctx: TemplateContext;
  file: string;
  issues: Issue[];
}

/** A mapping's own value at `key`, or undefined. */
export function field(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === "object" && !Array.isArray(obj) && Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** A list's first item (a Terraform nested block's one instance), or undefined. */
export function first(v: unknown): unknown {
  return Array.isArray(v) && v.length > 0 ? v[0] : undefined;
}

/** A conversion that accepts every value (the scenario validator names what it refuses). */
export const as = (convert: (v: unknown) => unknown) => (v: unknown): Mapped<unknown> => ({ ok: true, value: convert(v) });

/** `at`'s value at `key`, located one level deeper. */
export function child(at: Located | undefined, key: string): Located | undefined {
  const raw = field(at?.raw, key);
  return at === undefined || raw === undefined ? undefined : { raw, source: `${at.source}.${key}` };
}

/**
 * Imports one property into `field` of `f`: resolved by intrinsics (a placeholder with the reason when
 * the template alone cannot tell), then converted; a conversion that refuses the value is an issue.
 */
export function take(scope: TemplateScope, f: ImportedFunction, name: string, at: Located | undefined, convert: (v: unknown) => Mapped<unknown>): void {
  if (at === undefined) return;
  const r: Resolution = resolve(at.raw, scope.ctx);
  if (!r.ok) return setPlaceholder(f, name, at.source, r.why);
  if (r.value === undefined) return; // AWS::NoValue: as if not written
  const converted = convert(r.value);
  if (converted.ok) return setKnown(f, name, converted.value, at.source);
  scope.issues.push({ path: at.source.slice(at.source.indexOf("#") + 1), value: r.value, allowed: converted.allowed });
}

/** The logical id a value refers to: `!Ref X`, `!Ref X.Alias`, `!GetAtt X.Arn` (also `X.StreamArn`). */
export function referencedId(v: unknown): string | undefined {
  const ref = field(v, "Ref");
  if (typeof ref === "string") return ref.split(".")[0];
  const att = field(v, "Fn::GetAtt");
  if (typeof att === "string") return att.split(".")[0];
  if (Array.isArray(att) && typeof att[0] === "string") return att[0];
  return undefined;
}
