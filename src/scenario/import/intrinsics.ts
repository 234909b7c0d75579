/*
 * CloudFormation intrinsic functions, evaluated as far as the template alone allows: a `Ref` to a
 * parameter with a Default, `Fn::FindInMap` over the template's Mappings, `Fn::If` on a condition that
 * depends only on such values, `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`. What only a deployment
 * knows (a parameter without Default, a resource's id or attribute, `AWS::Region`, another stack's
 * export, an SSM dynamic reference) comes back as the reason it is unknown, never as a guess.
 * YAML short tags (`!Ref X`) are read as these long forms (`{ Ref: X }`) by cloudformation-yaml.ts.
 */

/** A value the template determines, or why it does not (`!Ref MemorySize: a parameter without Default`). */
export type Resolution = { ok: true; value: unknown } | { ok: false; why: string };

/** What intrinsics can see of the template: its Parameters, Mappings and Conditions sections. */
export interface TemplateContext {
  parameters: Record<string, unknown>;
  mappings: Record<string, unknown>;
  conditions: Record<string, unknown>;
  resources: Record<string, unknown>;
}

const known = (value: unknown): Resolution => ({ ok: true, value });
const unknownBecause = (why: string): Resolution => ({ ok: false, why });

/** The deepest nesting of intrinsics evaluated (a condition referring to itself ends here). */
const MAX_DEPTH = 32;

/** Resolves `value` (any JSON value, intrinsics inside evaluated); O(size of the value). */
export function resolve(value: unknown, ctx: TemplateContext, depth = 0): Resolution {
  if (depth > MAX_DEPTH) return unknownBecause("intrinsic functions nested too deeply (a circular condition?)");
  if (typeof value === "string") {
    const dynamic = /\{\{resolve:([a-z-]+):[^}]*\}\}/.exec(value);
    return dynamic ? unknownBecause(`${dynamic[0]}: a dynamic reference (${dynamic[1]}), resolved only at deployment`) : known(value);
  }
  if (value === null || typeof value !== "object") return known(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const r = resolve(item, ctx, depth + 1);
      if (!r.ok) return r;
      if (r.value !== undefined) out.push(r.value); // AWS::NoValue removes a list item
    }
    return known(out);
  }
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [key, arg] = entries[0]!;
    if (key === "Ref") return ref(arg, ctx);
    if (key === "Condition" && typeof arg === "string") return condition(arg, ctx, depth + 1);
    if (key.startsWith("Fn::")) return fn(key.slice(4), arg, ctx, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const r = resolve(v, ctx, depth + 1);
    if (!r.ok) return r;
    if (r.value !== undefined) out[k] = r.value;
  }
  return known(out);
}

/** `Ref`: a parameter's Default, AWS::NoValue (absent); everything else is known only at deployment. */
function ref(name: unknown, ctx: TemplateContext): Resolution {
  if (typeof name !== "string") return unknownBecause("!Ref of something that is not a name");
  if (name === "AWS::NoValue") return known(undefined);
  if (name.startsWith("AWS::")) return unknownBecause(`!Ref ${name}: a pseudo parameter, known only at deployment`);
  if (Object.hasOwn(ctx.parameters, name)) {
    const p = ctx.parameters[name];
    const d = p !== null && typeof p === "object" ? (p as Record<string, unknown>).Default : undefined;
    return d === undefined ? unknownBecause(`!Ref ${name}: a parameter without Default`) : known(d);
  }
  if (Object.hasOwn(ctx.resources, name)) return unknownBecause(`!Ref ${name}: a resource's id, known only after deployment`);
  return unknownBecause(`!Ref ${name}: not a parameter or resource of the template`);
}

/** A named condition of the Conditions section, evaluated. */
function condition(name: string, ctx: TemplateContext, depth: number): Resolution {
  if (!Object.hasOwn(ctx.conditions, name)) return unknownBecause(`condition ${name} is not in the template's Conditions`);
  const r = resolve(ctx.conditions[name], ctx, depth + 1);
  if (!r.ok) return unknownBecause(`condition ${name}: ${r.why}`);
  return typeof r.value === "boolean" ? r : unknownBecause(`condition ${name} is not true or false`);
}

/** `Fn::<name>` applied to `arg`. */
function fn(name: string, arg: unknown, ctx: TemplateContext, depth: number): Resolution {
  const args = Array.isArray(arg) ? arg : [arg];
  switch (name) {
    case "GetAtt":
      return unknownBecause(`!GetAtt ${Array.isArray(arg) ? arg.join(".") : String(arg)}: a resource attribute, known only after deployment`);
    case "ImportValue":
      return unknownBecause("!ImportValue: another stack's export, known only at deployment");
    case "GetAZs":
      return unknownBecause("!GetAZs: the region's availability zones, known only at deployment");
    case "Base64": {
      const r = resolve(arg, ctx, depth);
      return r.ok ? known(Buffer.from(String(r.value)).toString("base64")) : r;
    }
    case "Cidr":
      return unknownBecause("!Cidr: address blocks, not evaluated by lambdasim");
    case "If": {
      if (args.length !== 3 || typeof args[0] !== "string") return unknownBecause("!If needs [condition, then, else]");
      const c = condition(args[0], ctx, depth);
      if (!c.ok) return unknownBecause(`!If ${args[0]}: ${c.why}`);
      return resolve(c.value === true ? args[1] : args[2], ctx, depth);
    }
    case "Equals":
    case "And":
    case "Or":
    case "Not": {
      const r = resolve(args, ctx, depth);
      if (!r.ok) return r;
      const v = r.value as unknown[];
      if (name === "Equals") return known(v.length === 2 && String(v[0]) === String(v[1]));
      if (!v.every((b) => typeof b === "boolean")) return unknownBecause(`!${name} of values that are not true or false`);
      if (name === "Not") return known(!v[0]);
      return known(name === "And" ? v.every(Boolean) : v.some(Boolean));
    }
    case "FindInMap": {
      const r = resolve(args, ctx, depth);
      if (!r.ok) return r;
      const [map, top, second] = r.value as unknown[];
      const hit = pick(pick(pick(ctx.mappings, map), top), second);
      return hit === undefined ? unknownBecause(`!FindInMap [${String(map)}, ${String(top)}, ${String(second)}]: no such entry in Mappings`) : known(hit);
    }
    case "Join": {
      const r = resolve(args, ctx, depth);
      if (!r.ok) return r;
      const [sep, list] = r.value as unknown[];
      return Array.isArray(list) ? known(list.map(String).join(String(sep ?? ""))) : unknownBecause("!Join needs [separator, list]");
    }
    case "Select": {
      const r = resolve(args, ctx, depth);
      if (!r.ok) return r;
      const [index, list] = r.value as unknown[];
      const i = Number(index);
      return Array.isArray(list) && Number.isInteger(i) && i >= 0 && i < list.length ? known(list[i]) : unknownBecause("!Select index outside its list");
    }
    case "Split": {
      const r = resolve(args, ctx, depth);
      if (!r.ok) return r;
      const [sep, text] = r.value as unknown[];
      return typeof text === "string" ? known(text.split(String(sep))) : unknownBecause("!Split needs [separator, text]");
    }
    case "Sub":
      return sub(args, ctx, depth);
    default:
      return unknownBecause(`Fn::${name}: an intrinsic function lambdasim does not evaluate`);
  }
}

/** `Fn::Sub`: `${Name}` from the variables given, then parameters; `${!Literal}` stays `${Literal}`. */
function sub(args: unknown[], ctx: TemplateContext, depth: number): Resolution {
  const [template, vars] = args;
  if (typeof template !== "string") return unknownBecause("!Sub of something that is not text");
  let why: string | null = null;
  const text = template.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name.startsWith("!")) return "${" + name.slice(1) + "}";
    const own = vars !== null && typeof vars === "object" && Object.hasOwn(vars, name) ? (vars as Record<string, unknown>)[name] : undefined;
    const r = own !== undefined ? resolve(own, ctx, depth) : name.includes(".") ? unknownBecause(`\${${name}}: a resource attribute`) : ref(name, ctx);
    if (!r.ok) {
      why ??= r.why;
      return whole;
    }
    return String(r.value);
  });
  if (why !== null) return unknownBecause(`!Sub "${template}": ${why}`);
  return resolve(text, ctx, depth);
}

/** `obj[key]` when obj is a mapping and key a string, else undefined. */
function pick(obj: unknown, key: unknown): unknown {
  if (obj === null || typeof obj !== "object" || typeof key !== "string") return undefined;
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}
