import { attachCapacityProviders } from "./cloudformation-capacity.js";
import { attachCloudFormationSources } from "./cloudformation-sources.js";
import { resolve } from "./intrinsics.js";
import {
  asNumber, asSeconds, newFunction, scenarioFunctionName, setKnown, setPlaceholder,
  type ImportChecked, type ImportedConfig, type ImportedFunction,
} from "./imported-config.js";
import { mapArchitecture, mapPackageType, mapRuntime } from "./lambda-names.js";
import { as, child, field, take, type Located, type TemplateScope } from "./template-fields.js";

/*
 * AWS SAM and CloudFormation templates (YAML read by cloudformation-yaml.ts, or JSON): each
 * `AWS::Serverless::Function` (with `Globals.Function`) and `AWS::Lambda::Function` becomes a function,
 * its properties named as in the AWS CloudFormation User Guide (AWS::Lambda::Function) and the SAM
 * specification (AWS::Serverless::Function). Event sources, aliases with provisioned concurrency and
 * event invoke configs are attached by cloudformation-sources.ts, capacity providers (Lambda Managed
 * Instances) by cloudformation-capacity.ts.
 */

/** The function resource types read. */
export const FUNCTION_TYPES = ["AWS::Serverless::Function", "AWS::Lambda::Function"] as const;

/** Whether `data` looks like a CloudFormation or SAM template: a mapping of Resources whose entries have a `Type`. */
export function isCloudFormationTemplate(data: unknown): boolean {
  const resources = field(data, "Resources");
  if (resources === null || typeof resources !== "object" || Array.isArray(resources)) return false;
  const values = Object.values(resources);
  return values.length > 0 && values.every((r) => typeof field(r, "Type") === "string");
}

/**
 * The functions of a SAM or CloudFormation template (`data`, parsed), sources citing `file`. A template
 * without a function, or with a runtime or architecture lambdasim does not model, is an issue.
 */
export function importCloudFormation(data: unknown, file: string): ImportChecked {
  const section = (key: string) => {
    const v = field(data, key);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  };
  const resources = section("Resources");
  const scope: TemplateScope = {
    ctx: { parameters: section("Parameters"), mappings: section("Mappings"), conditions: section("Conditions"), resources },
    file,
    issues: [],
  };
  const config: ImportedConfig = { files: [file], functions: [], scenario: new Map(), notes: [] };
  const globals = field(field(data, "Globals"), "Function");
  const byLogicalId = new Map<string, ImportedFunction>();
  for (const [id, resource] of Object.entries(resources)) {
    const type = field(resource, "Type");
    if (type !== FUNCTION_TYPES[0] && type !== FUNCTION_TYPES[1]) continue;
    const cond = field(resource, "Condition");
    if (typeof cond === "string") {
      const r = resolve({ Condition: cond }, scope.ctx);
      if (r.ok && r.value === false) {
        config.notes.push(`${file}#Resources.${id}: left out, its condition ${cond} is false with the parameters' defaults`);
        continue;
      }
      if (!r.ok) config.notes.push(`${file}#Resources.${id}: imported, though its condition ${cond} is unknown (${r.why})`);
    }
    const f = importFunction(scope, id, resource, type === FUNCTION_TYPES[0] ? globals : undefined);
    byLogicalId.set(id, f);
    config.functions.push(f);
  }
  if (config.functions.length === 0) {
    const types = [...new Set(Object.values(resources).map((r) => String(field(r, "Type"))))].slice(0, 6).join(", ");
    const found = Object.keys(resources).length === 0 ? "a template without resources" : `a template without functions (its resources: ${types})`;
    return { ok: false, issues: [{ path: "", value: found, allowed: `a template with at least one ${FUNCTION_TYPES.join(" or ")}` }] };
  }
  attachCloudFormationSources(scope, resources, byLogicalId, config, globals);
  attachCapacityProviders(scope, resources, byLogicalId, config, globals);
  return scope.issues.length > 0 ? { ok: false, issues: scope.issues } : { ok: true, value: config };
}

/** One function resource; SAM functions take `Globals.Function` for properties they leave out. */
function importFunction(scope: TemplateScope, id: string, resource: unknown, globals: unknown): ImportedFunction {
  const props = field(resource, "Properties");
  const base = `${scope.file}#Resources.${id}.Properties`;
  const f = newFunction(scenarioFunctionName(id), `${scope.file}#Resources.${id}`);
  const at = (key: string): Located | undefined => {
    if (field(props, key) !== undefined) return { raw: field(props, key), source: `${base}.${key}` };
    if (field(globals, key) !== undefined) return { raw: field(globals, key), source: `${scope.file}#Globals.Function.${key}` };
    return undefined;
  };
  const packageType = at("PackageType");
  take(scope, f, "packageType", packageType, mapPackageType);
  const runtime = at("Runtime");
  if (runtime !== undefined) take(scope, f, "runtime", runtime, mapRuntime);
  else {
    const image = f.fields.get("packageType")?.value === "image";
    setPlaceholder(f, "runtime", `${base}.Runtime`, image ? "an Image function names no runtime: set the language of its image" : "no Runtime in the template");
  }
  take(scope, f, "architecture", at("Architectures"), mapArchitecture);
  take(scope, f, "memoryMB", at("MemorySize"), as(asNumber));
  take(scope, f, "timeout", at("Timeout"), as(asSeconds));
  take(scope, f, "reservedConcurrency", at("ReservedConcurrentExecutions"), as(asNumber));
  take(scope, f, "ephemeralStorageMB", child(at("EphemeralStorage"), "Size"), as(asNumber));
  take(scope, f, "snapStart", child(at("SnapStart"), "ApplyOn"), (v) =>
    v === "PublishedVersions" || v === "None" ? { ok: true, value: v === "PublishedVersions" } : { ok: false, allowed: "PublishedVersions or None" });
  const vpc = at("VpcConfig");
  if (vpc !== undefined) {
    // Attached when it names subnets; the ids themselves (often parameters) do not matter to the model.
    const subnets = field(vpc.raw, "SubnetIds");
    const r = resolve(subnets, scope.ctx);
    setKnown(f, "vpc", !(r.ok && Array.isArray(r.value) && r.value.length === 0) && subnets !== undefined, vpc.source);
  }
  layersOf(scope, f, field(props, "Layers"), `${base}.Layers`, field(globals, "Layers"), `${scope.file}#Globals.Function.Layers`);
  return f;
}

/** `Layers`: a count; SAM appends the function's list to Globals' (SAM "Globals section": lists are additive). */
function layersOf(scope: TemplateScope, f: ImportedFunction, own: unknown, ownSource: string, global: unknown, globalSource: string): void {
  const parts = [{ raw: global, source: globalSource }, { raw: own, source: ownSource }].filter((p) => p.raw !== undefined);
  if (parts.length === 0) return;
  let count = 0;
  for (const p of parts) {
    const r = resolve(p.raw, scope.ctx);
    // A list whose items are unknown (layer ARNs from parameters) still has a known length.
    const items = r.ok ? r.value : Array.isArray(p.raw) ? p.raw : undefined;
    if (!Array.isArray(items)) return setPlaceholder(f, "layers", p.source, r.ok ? "Layers is not a list" : r.why);
    count += items.length;
  }
  setKnown(f, "layers", count, parts.map((p) => p.source).join(" + "));
}

