/*
 * The Serverless Framework's variables (`${self:custom.memory}`, `${opt:stage, 'dev'}`, `${ssm:/x}`),
 * evaluated as far as the file alone allows: `self:` references into the file itself, and a fallback
 * after a comma when the source is known only at deployment (Serverless Framework docs, "Variables").
 * `${ssm:...}`, `${env:...}`, `${opt:...}`, `${cf:...}`, `${file(...)}` and the like come back unknown, with
 * the fallback if one is written.
 */

/** A value the file determines; or why not, with the fallback it gives, if any. */
export type VariableResolution = { ok: true; value: unknown } | { ok: false; why: string; fallback?: unknown };

/** The deepest nesting of variables evaluated (a self-reference loop ends here). */
const MAX_DEPTH = 16;

/** One variable, innermost: `${...}` with no `${` inside. */
const INNERMOST = /\$\{([^${}]*)\}/;

/** Resolves every variable in `value` (strings inside lists and mappings too) against the file `root`. */
export function resolveVariables(value: unknown, root: unknown, depth = 0): VariableResolution {
  if (depth > MAX_DEPTH) return { ok: false, why: "variables nested too deeply (a self-reference?)" };
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) {
      const r = resolveVariables(v, root, depth + 1);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = resolveVariables(v, root, depth + 1);
      if (!r.ok) return r;
      out[k] = r.value;
    }
    return { ok: true, value: out };
  }
  if (typeof value !== "string" || !value.includes("${")) return { ok: true, value };
  let text = value;
  let fallbackUsed: { why: string } | null = null;
  for (let i = 0; i < MAX_DEPTH * 4; i++) {
    const m = INNERMOST.exec(text);
    if (m === null) break;
    const r = variable(m[1]!, root, depth);
    let replacement: unknown;
    if (r.ok) replacement = r.value;
    else if (r.fallback !== undefined) {
      fallbackUsed ??= { why: r.why };
      replacement = r.fallback;
    } else return { ok: false, why: r.why.startsWith(`${value}:`) ? r.why : `${value}: ${r.why}` };
    // A variable that is the whole string keeps its type (a number stays a number).
    if (m[0] === text) {
      text = "";
      if (typeof replacement !== "string") return done(replacement, value, fallbackUsed);
      text = replacement;
      if (!text.includes("${")) return done(text, value, fallbackUsed);
      continue;
    }
    text = text.replace(m[0], String(replacement));
  }
  return done(text, value, fallbackUsed);
}

function done(v: unknown, written: string, fallback: { why: string } | null): VariableResolution {
  if (fallback === null) return { ok: true, value: v };
  return { ok: false, why: `${written}: ${fallback.why}; its fallback ${JSON.stringify(v)} written meanwhile`, fallback: v };
}

/** One variable's body (`self:custom.x`, `opt:stage, 'dev'`). */
function variable(body: string, root: unknown, depth: number): VariableResolution {
  const comma = splitFallback(body);
  const ref = comma.ref.trim();
  const fallback = comma.fallback === undefined ? undefined : literal(comma.fallback.trim());
  if (ref.startsWith("self:")) {
    let node: unknown = root;
    for (const key of ref.slice(5).split(".").filter((k) => k !== "")) {
      node = node !== null && typeof node === "object" && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }
    if (node !== undefined) return resolveVariables(node, root, depth + 1);
    return fallback === undefined ? { ok: false, why: `\${${ref}} is not in the file` } : { ok: true, value: fallback };
  }
  if (ref === "sls:stage") {
    // The stage deployed without --stage: provider.stage, else "dev" (Serverless Framework docs, "Deploying": default stage).
    const stage = (root as { provider?: { stage?: unknown } } | null)?.provider?.stage;
    if (stage === undefined) return { ok: true, value: "dev" };
    const r = resolveVariables(stage, root, depth + 1);
    return r.ok ? r : r.fallback !== undefined ? { ok: true, value: r.fallback } : r;
  }
  const kind = /^([a-z]+)[:(]/.exec(ref)?.[1] ?? ref;
  const why = `\${${ref}}: ${SOURCES[kind] ?? "a variable source"} known only at deployment`;
  return fallback === undefined ? { ok: false, why } : { ok: false, why, fallback };
}

/** What each variable source is, in words. */
const SOURCES: Readonly<Record<string, string>> = {
  ssm: "an SSM parameter,",
  env: "an environment variable,",
  opt: "a command-line option,",
  sls: "a Serverless Framework value,",
  cf: "another stack's output,",
  file: "another file's content,",
  s3: "an S3 object,",
  aws: "the AWS account or region,",
  param: "a Serverless Dashboard parameter,",
};

/** `ref, fallback`: the first comma outside quotes and parentheses. */
function splitFallback(body: string): { ref: string; fallback?: string } {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) return { ref: body.slice(0, i), fallback: body.slice(i + 1) };
  }
  return { ref: body };
}

/** A fallback as written: quoted text, a number, true/false, or the bare text. */
function literal(text: string): unknown {
  if (/^(['"]).*\1$/.test(text)) return text.slice(1, -1);
  if (text !== "" && Number.isFinite(Number(text))) return Number(text);
  if (text === "true" || text === "false") return text === "true";
  return text;
}
