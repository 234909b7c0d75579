import { field, first } from "./template-fields.js";
import {
  asNumber, asSeconds, newFunction, scenarioFunctionName, setFrontDoor, setInvocation, setKnown, setPlaceholder, visibilityPlaceholder,
  type ImportChecked, type ImportedConfig, type ImportedFunction,
} from "./imported-config.js";
import { attachTerraformCapacity } from "./terraform-capacity.js";
import { mapArchitecture, mapPackageType, mapRuntime, type Mapped } from "./lambda-names.js";
import type { Issue } from "../issues.js";

/*
 * The JSON that `terraform show -json PLANFILE` prints (Terraform "JSON Output Format": `planned_values`
 * with `root_module.resources[]` and nested `child_modules[]`, each resource with `address`, `type`,
 * `values`; `resource_changes[].change.after_unknown` marks values known only after apply; `configuration`
 * holds the references between resources). Attribute names are the AWS provider's (aws_lambda_function,
 * aws_lambda_provisioned_concurrency_config, aws_lambda_event_source_mapping, ...). HCL is not read.
 */

/** One planned resource, flattened out of its module. */
export interface PlannedResource {
  address: string;
  type: string;
  values: Record<string, unknown>;
  /** Attributes known only after apply (true), by name. */
  unknown: Record<string, unknown>;
  /** Addresses of the resources its attributes refer to, by attribute, nested blocks' by dotted path (from `configuration`). */
  references: Record<string, string[]>;
}

/** Whether `data` is `terraform show -json` output of a plan. */
export function isTerraformPlan(data: unknown): boolean {
  return typeof field(data, "format_version") === "string" && field(data, "planned_values") !== undefined;
}

/** The functions of a Terraform plan's JSON (`data`, parsed), sources citing `file` and each resource's address. */
export function importTerraformPlan(data: unknown, file: string): ImportChecked {
  const resources = plannedResources(data);
  const config: ImportedConfig = { files: [file], functions: [], scenario: new Map(), notes: [] };
  const issues: Issue[] = [];
  const byAddress = new Map<string, ImportedFunction>();
  const byName = new Map<string, ImportedFunction>();
  for (const r of resources) {
    if (r.type !== "aws_lambda_function") continue;
    const name = r.values.function_name;
    const f = newFunction(scenarioFunctionName(typeof name === "string" ? name : r.address.split(".").pop()!), `${file}#${r.address}`);
    importFunction(r, f, `${file}#${r.address}`, issues);
    byAddress.set(r.address, f);
    if (typeof name === "string") byName.set(name, f);
    config.functions.push(f);
  }
  if (config.functions.length === 0) {
    const found = resources.length === 0 ? "a plan without planned resources" : `a plan without functions (its ${resources.length} resources include no aws_lambda_function)`;
    return { ok: false, issues: [{ path: "", value: found, allowed: "a plan with at least one aws_lambda_function resource (planned_values.root_module or a child module)" }] };
  }
  const regionExpr = field(field(field(field(field(data, "configuration"), "provider_config"), "aws"), "expressions"), "region");
  const region = field(regionExpr, "constant_value");
  if (typeof region === "string") config.scenario.set("region", { value: region, source: `${file}#configuration.provider_config.aws.expressions.region` });
  const targetOf = (r: PlannedResource): ImportedFunction | undefined => {
    const name = r.values.function_name;
    if (typeof name === "string") {
      const hit = byName.get(name) ?? byName.get(name.split(":").pop()!) ?? [...byName].find(([n]) => name.endsWith(`:function:${n}`))?.[1];
      if (hit) return hit;
    }
    const ref = (r.references.function_name ?? []).find((a) => byAddress.has(a));
    return ref === undefined ? undefined : byAddress.get(ref);
  };
  const types = new Set(resources.map((r) => r.type));
  for (const r of resources) {
    if (!ATTACHED.has(r.type)) continue;
    const source = `${file}#${r.address}`;
    const f = targetOf(r);
    if (f === undefined) {
      config.notes.push(`${source}: not imported, its function_name names no aws_lambda_function of the plan`);
      continue;
    }
    if (r.type === "aws_lambda_provisioned_concurrency_config") value(r, f, "provisionedConcurrency", "provisioned_concurrent_executions", source, asNumber);
    else if (r.type === "aws_lambda_event_source_mapping") mapping(r, f, source, resources);
    else if (r.type === "aws_lambda_function_url") {
      if (setInvocation(f, "sync", source)) setFrontDoor(config, "url", source);
    } else if (r.type === "aws_lambda_permission") permission(r, f, source, config, types);
    else if (r.type === "aws_lambda_function_event_invoke_config") {
      if (f.fields.get("invocation")?.value !== "async") f.notes.push(`${source}: not imported, the function has no asynchronous trigger in the plan`);
      else {
        value(r, f, "maximumRetryAttempts", "maximum_retry_attempts", source, asNumber);
        value(r, f, "maximumEventAge", "maximum_event_age_in_seconds", source, asSeconds);
      }
    }
  }
  attachTerraformCapacity(resources, byAddress, config, file);
  for (const f of config.functions) if (f.fields.get("invocation")?.value === "sqs") visibilityPlaceholder(f, `${f.origin} (its SQS event source's queue)`);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: config };
}

/** Resource types attached to a function. */
const ATTACHED = new Set([
  "aws_lambda_provisioned_concurrency_config", "aws_lambda_event_source_mapping", "aws_lambda_function_url",
  "aws_lambda_permission", "aws_lambda_function_event_invoke_config",
]);

/** Principals that invoke asynchronously (AWS Lambda Developer Guide, "Invoking Lambda functions"). */
const ASYNC_PRINCIPALS = new Set(["sns.amazonaws.com", "s3.amazonaws.com", "events.amazonaws.com", "logs.amazonaws.com", "iot.amazonaws.com", "ses.amazonaws.com"]);

function importFunction(r: PlannedResource, f: ImportedFunction, source: string, issues: Issue[]): void {
  const mapped = (field: string, attr: string, map: (v: unknown) => Mapped<unknown>) => {
    if (isUnknown(r, attr)) return setPlaceholder(f, field, `${source}.${attr}`, `${attr} is known only after apply`);
    const v = r.values[attr];
    if (v === undefined || v === null) return;
    const m = map(v);
    if (m.ok) setKnown(f, field, m.value, `${source}.${attr}`);
    else issues.push({ path: `${r.address}.${attr}`, value: v, allowed: m.allowed });
  };
  mapped("packageType", "package_type", mapPackageType);
  if (r.values.runtime === undefined || r.values.runtime === null || r.values.runtime === "") {
    const image = f.fields.get("packageType")?.value === "image";
    setPlaceholder(f, "runtime", `${source}.runtime`, image ? "an Image function names no runtime: set the language of its image" : "no runtime in the plan");
  } else mapped("runtime", "runtime", mapRuntime);
  const list = r.values.architectures;
  if (!(Array.isArray(list) && list.length === 0)) mapped("architecture", "architectures", mapArchitecture);
  value(r, f, "memoryMB", "memory_size", source, asNumber);
  value(r, f, "timeout", "timeout", source, asSeconds);
  // -1: no reserved concurrency (the provider's default, "unreserved").
  if (r.values.reserved_concurrent_executions !== -1) value(r, f, "reservedConcurrency", "reserved_concurrent_executions", source, asNumber);
  const storage = first(r.values.ephemeral_storage);
  if (storage !== undefined) setKnown(f, "ephemeralStorageMB", asNumber(field(storage, "size")), `${source}.ephemeral_storage[0].size`);
  const snap = first(r.values.snap_start);
  if (snap !== undefined) setKnown(f, "snapStart", field(snap, "apply_on") === "PublishedVersions", `${source}.snap_start[0].apply_on`);
  const vpc = first(r.values.vpc_config);
  if (vpc !== undefined || isUnknown(r, "vpc_config")) {
    const subnets = field(vpc, "subnet_ids");
    setKnown(f, "vpc", !(Array.isArray(subnets) && subnets.length === 0), `${source}.vpc_config`);
  }
  // A layer ARN known only after apply still counts: after_unknown lists one entry per item.
  const layers = [r.values.layers, r.unknown.layers].filter(Array.isArray);
  if (layers.length > 0) setKnown(f, "layers", Math.max(...layers.map((l) => l.length)), `${source}.layers`);
}

/** An event source mapping: SQS or stream from the referenced resource, the ARN, or `starting_position` (streams only). */
function mapping(r: PlannedResource, f: ImportedFunction, source: string, resources: PlannedResource[]): void {
  const refs = r.references.event_source_arn ?? [];
  const arn = typeof r.values.event_source_arn === "string" ? r.values.event_source_arn : "";
  const refType = (type: string) => refs.some((a) => new RegExp(`(^|\\.)${type}\\.`).test(a));
  const kind =
    refType("aws_sqs_queue") || /^arn:[^:]+:sqs:/.test(arn) ? "sqs"
    : refType("aws_kinesis_stream") || refType("aws_dynamodb_table") || /^arn:[^:]+:(kinesis|dynamodb):/.test(arn) || typeof r.values.starting_position === "string" ? "stream"
    : undefined;
  if (kind === undefined) {
    f.notes.push(`${source}: not imported, its event source is neither an SQS queue nor a Kinesis or DynamoDB stream`);
    return;
  }
  if (!setInvocation(f, kind, source)) return;
  value(r, f, `${kind}.batchSize`, "batch_size", source, asNumber);
  value(r, f, `${kind}.batchingWindow`, "maximum_batching_window_in_seconds", source, asSeconds);
  const queue = resources.find((q) => refs.includes(q.address) && (q.type === "aws_sqs_queue" || q.type === "aws_kinesis_stream"));
  if (kind === "sqs") {
    const scaling = first(r.values.scaling_config);
    const max = field(scaling, "maximum_concurrency");
    if (max !== undefined && max !== null) setKnown(f, "sqs.maximumConcurrency", asNumber(max), `${source}.scaling_config[0].maximum_concurrency`);
    const types = r.values.function_response_types;
    if (Array.isArray(types) && types.includes("ReportBatchItemFailures")) setKnown(f, "sqs.reportBatchItemFailures", true, `${source}.function_response_types`);
    if (queue !== undefined) {
      value(queue, f, "sqs.visibilityTimeout", "visibility_timeout_seconds", `${source.split("#")[0]}#${queue.address}`, asSeconds);
      if (isUnknown(queue, "redrive_policy")) {
        f.fields.set("sqs.maxReceiveCount", { value: undefined, source: `${source.split("#")[0]}#${queue.address}.redrive_policy`, placeholder: "redrive_policy is known only after apply" });
      }
      const redrive = queue.values.redrive_policy;
      const count = typeof redrive === "string" && redrive !== "" ? field(safeJson(redrive), "maxReceiveCount") : undefined;
      if (count !== undefined) setKnown(f, "sqs.maxReceiveCount", asNumber(count), `${source.split("#")[0]}#${queue.address}.redrive_policy`);
    }
    return;
  }
  value(r, f, "stream.parallelizationFactor", "parallelization_factor", source, asNumber);
  const age = r.values.maximum_record_age_in_seconds;
  if (age !== undefined && age !== null) setKnown(f, "stream.maximumRecordAge", asNumber(age) === -1 ? -1 : asSeconds(age), `${source}.maximum_record_age_in_seconds`);
  value(r, f, "stream.maximumRetryAttempts", "maximum_retry_attempts", source, asNumber);
  if (queue !== undefined && queue.type === "aws_kinesis_stream" && queue.values.shard_count !== undefined && queue.values.shard_count !== null) {
    value(queue, f, "stream.shards", "shard_count", `${source.split("#")[0]}#${queue.address}`, asNumber);
  } else f.fields.set("stream.shards", { value: undefined, source, placeholder: "the stream's shard count is not in this plan" });
}

/** aws_lambda_permission: API Gateway → sync behind its API (REST or HTTP, from the plan's API resources); async principals → async. */
function permission(r: PlannedResource, f: ImportedFunction, source: string, config: ImportedConfig, types: Set<string>): void {
  const principal = r.values.principal;
  if (principal === "apigateway.amazonaws.com") {
    if (!setInvocation(f, "sync", source)) return;
    if (types.has("aws_api_gateway_rest_api")) setFrontDoor(config, "rest", source);
    else if (types.has("aws_apigatewayv2_api")) setFrontDoor(config, "http", source);
  } else if (typeof principal === "string" && ASYNC_PRINCIPALS.has(principal)) setInvocation(f, "async", source);
}

/** Sets `field` from the attribute `attr` of `r`: a placeholder when known only after apply, nothing when absent or null. */
function value(r: PlannedResource, f: ImportedFunction, name: string, attr: string, source: string, convert: (v: unknown) => unknown): void {
  if (isUnknown(r, attr)) return setPlaceholder(f, name, `${source}.${attr}`, `${attr} is known only after apply`);
  const v = r.values[attr];
  if (v !== undefined && v !== null) setKnown(f, name, convert(v), `${source}.${attr}`);
}

/** Whether `attr` (or an item of it) is known only after apply: after_unknown holds true for it, or inside it. */
function isUnknown(r: PlannedResource, attr: string): boolean {
  const u = r.unknown[attr];
  return u === true || (Array.isArray(u) && u.includes(true));
}


function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The references of a resource's `expressions` into `refs`, by attribute; a nested block (an object, or
 * an array of objects, of expressions) by its dotted path (`capacity_provider_config.<inner>.<attr>`).
 */
function collectReferences(exprs: unknown, path: string, prefix: string, refs: Record<string, string[]>): void {
  if (exprs === null || typeof exprs !== "object") return;
  for (const block of Array.isArray(exprs) ? exprs : [exprs]) {
    if (block === null || typeof block !== "object") continue;
    for (const [attr, e] of Object.entries(block as Record<string, unknown>)) {
      const list = field(e, "references");
      if (Array.isArray(list)) refs[path + attr] = list.filter((x): x is string => typeof x === "string").map((x) => prefix + x);
      else if (e !== null && typeof e === "object" && field(e, "constant_value") === undefined) collectReferences(e, `${path}${attr}.`, prefix, refs);
    }
  }
}

/** Every planned resource of the root module and its child modules, with after_unknown and configuration references. */
function plannedResources(data: unknown): PlannedResource[] {
  const unknownByAddress = new Map<string, Record<string, unknown>>();
  const changes = field(data, "resource_changes");
  if (Array.isArray(changes)) {
    for (const c of changes) {
      const u = field(field(c, "change"), "after_unknown");
      if (typeof field(c, "address") === "string" && u !== null && typeof u === "object") unknownByAddress.set(field(c, "address") as string, u as Record<string, unknown>);
    }
  }
  const references = new Map<string, Record<string, string[]>>();
  const walkConfig = (module: unknown, prefix: string) => {
    const rs = field(module, "resources");
    if (Array.isArray(rs)) {
      for (const res of rs) {
        const refs: Record<string, string[]> = {};
        collectReferences(field(res, "expressions"), "", prefix, refs);
        if (typeof field(res, "address") === "string") references.set(prefix + (field(res, "address") as string), refs);
      }
    }
    const calls = field(module, "module_calls");
    if (calls !== null && typeof calls === "object") {
      for (const [name, call] of Object.entries(calls)) walkConfig(field(call, "module"), `${prefix}module.${name}.`);
    }
  };
  walkConfig(field(field(data, "configuration"), "root_module"), "");
  const out: PlannedResource[] = [];
  const walk = (module: unknown) => {
    const rs = field(module, "resources");
    if (Array.isArray(rs)) {
      for (const res of rs) {
        const address = field(res, "address");
        const type = field(res, "type");
        if (typeof address !== "string" || typeof type !== "string" || field(res, "mode") === "data") continue;
        const values = field(res, "values");
        // A resource in a module with count/for_each has an index ([0], ["a"]) that configuration omits.
        const configAddress = address.replace(/\[[^\]]*\]/g, "");
        out.push({
          address,
          type,
          values: values !== null && typeof values === "object" ? (values as Record<string, unknown>) : {},
          unknown: unknownByAddress.get(address) ?? {},
          references: references.get(configAddress) ?? {},
        });
      }
    }
    const children = field(module, "child_modules");
    if (Array.isArray(children)) for (const c of children) walk(c);
  };
  walk(field(field(data, "planned_values"), "root_module"));
  return out;
}
