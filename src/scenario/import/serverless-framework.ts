import type { Issue } from "../issues.js";
import {
  asBoolean, asNumber, asSeconds, newFunction, scenarioFunctionName, setFrontDoor, setInvocation, setKnown, setPlaceholder, visibilityPlaceholder,
  type ImportChecked, type ImportedConfig, type ImportedFunction,
} from "./imported-config.js";
import { mapArchitecture, mapRuntime, type Mapped } from "./lambda-names.js";
import { attachServerlessCapacity, type Take } from "./serverless-capacity.js";
import { resolveVariables } from "./serverless-variables.js";
import { field, referencedId, type Located } from "./template-fields.js";

/*
 * The Serverless Framework's `serverless.yml` (Serverless Framework docs, "serverless.yml reference",
 * AWS provider): `provider` defaults (runtime, memorySize, timeout, architecture, vpc, ...) and each
 * entry of `functions` with its `events` (http → REST API, httpApi → HTTP API, sqs, stream, and the
 * asynchronous sns, s3, schedule, eventBridge, cloudwatchEvent). Variables are evaluated by
 * serverless-variables.ts; CloudFormation tags in the file (`!GetAtt Queue.Arn`) are read as in templates.
 */

/** Events whose service invokes the function asynchronously (AWS Lambda Developer Guide, "Invoking Lambda functions"). */
const ASYNC_EVENTS = new Set(["sns", "s3", "schedule", "eventBridge", "cloudwatchEvent", "cloudwatchLog", "iot"]);

/** Whether `data` is a serverless.yml: a `service` and a `provider` whose name is aws (or a `functions` mapping). */
export function isServerlessFramework(data: unknown): boolean {
  const provider = field(data, "provider");
  return field(data, "service") !== undefined && (field(provider, "name") === "aws" || isMapping(field(data, "functions")));
}

/** The functions of a serverless.yml (`data`, parsed), sources citing `file`. */
export function importServerlessFramework(data: unknown, file: string): ImportChecked {
  const functions = field(data, "functions");
  if (!isMapping(functions) || Object.keys(functions).length === 0) {
    return { ok: false, issues: [{ path: "", value: "a serverless.yml without functions", allowed: "a serverless.yml with at least one entry under functions" }] };
  }
  const provider = field(data, "provider");
  const config: ImportedConfig = { files: [file], functions: [], scenario: new Map(), notes: [] };
  const issues: Issue[] = [];
  const region = resolveVariables(field(provider, "region"), data);
  if (field(provider, "region") !== undefined) {
    const source = `${file}#provider.region`;
    config.scenario.set("region", region.ok ? { value: region.value, source } : { value: region.fallback, source, placeholder: region.why });
  }
  for (const [key, def] of Object.entries(functions)) {
    const f = newFunction(scenarioFunctionName(key), `${file}#functions.${key}`);
    const at = (name: string, providerName = name): Located | undefined => {
      if (field(def, name) !== undefined) return { raw: field(def, name), source: `${file}#functions.${key}.${name}` };
      if (field(provider, providerName) !== undefined) return { raw: field(provider, providerName), source: `${file}#provider.${providerName}` };
      return undefined;
    };
    const take: Take = (name, from, convert) => {
      if (from === undefined) return;
      const r = resolveVariables(from.raw, data);
      if (r.ok) {
        const m = convert(r.value);
        if (m.ok) setKnown(f, name, m.value, from.source);
        else issues.push({ path: from.source.slice(from.source.indexOf("#") + 1), value: r.value, allowed: m.allowed });
        return;
      }
      // Known only at deployment: the variable's fallback meanwhile, else the field's placeholder.
      const fallback = r.fallback === undefined ? undefined : convert(r.fallback);
      if (fallback?.ok) f.fields.set(name, { value: fallback.value, source: from.source, placeholder: r.why });
      else setPlaceholder(f, name, from.source, r.why);
    };
    const plain = (convert: (v: unknown) => unknown) => (v: unknown): Mapped<unknown> => ({ ok: true, value: convert(v) });
    const runtime = at("runtime");
    if (runtime === undefined) {
      const image = field(def, "image") !== undefined;
      setPlaceholder(f, "runtime", `${file}#functions.${key}.runtime`, image ? "an image function names no runtime: set the language of its image" : "no runtime in the function or provider");
    } else take("runtime", runtime, mapRuntime);
    if (field(def, "image") !== undefined) setKnown(f, "packageType", "image", `${file}#functions.${key}.image`);
    take("architecture", at("architecture"), mapArchitecture);
    take("memoryMB", at("memorySize"), plain(asNumber));
    take("timeout", at("timeout"), plain(asSeconds));
    take("reservedConcurrency", at("reservedConcurrency"), plain(asNumber));
    take("provisionedConcurrency", at("provisionedConcurrency"), plain(asNumber));
    take("snapStart", at("snapStart"), plain(asBoolean));
    take("ephemeralStorageMB", at("ephemeralStorageSize"), plain(asNumber));
    const vpc = at("vpc");
    if (vpc !== undefined) setKnown(f, "vpc", field(vpc.raw, "subnetIds") !== undefined, vpc.source);
    // A list of layer ARNs has a known length even where an ARN holds a variable (${aws:region}).
    const layers = at("layers");
    if (layers !== undefined) take("layers", { ...layers, raw: Array.isArray(layers.raw) ? layers.raw.length : layers.raw }, (v) => (typeof v === "number" ? { ok: true, value: v } : { ok: false, allowed: "a list of layer ARNs" }));
    if (field(def, "url") !== undefined && field(def, "url") !== false && setInvocation(f, "sync", `${file}#functions.${key}.url`)) {
      setFrontDoor(config, "url", `${file}#functions.${key}.url`);
    }
    const events = field(def, "events");
    const resources = field(field(data, "resources"), "Resources");
    if (Array.isArray(events)) events.forEach((e, i) => event(f, e, `${file}#functions.${key}.events[${i}]`, config, take, { file, resources }));
    // Async retry settings apply to an asynchronously invoked function only (the scenario refuses them otherwise).
    for (const [prop, convert] of [["maximumRetryAttempts", asNumber], ["maximumEventAge", asSeconds]] as const) {
      if (field(def, prop) === undefined) continue;
      const at = { raw: field(def, prop), source: `${file}#functions.${key}.${prop}` };
      if (f.fields.get("invocation")?.value === "async") take(prop, at, plain(convert));
      else f.notes.push(`${at.source}: not imported, the function has no asynchronous event`);
    }
    attachServerlessCapacity(f, def, key, data, file, config, take);
    if (f.fields.get("invocation")?.value === "sqs") visibilityPlaceholder(f, `${f.origin} (its sqs event's queue)`);
    config.functions.push(f);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: config };
}

/** One entry of a function's `events`: `{ http: ... }`, `{ sqs: { arn, batchSize, ... } }`, ... */
function event(f: ImportedFunction, e: unknown, source: string, config: ImportedConfig, take: Take, cfn: { file: string; resources: unknown }): void {
  const type = isMapping(e) ? Object.keys(e)[0] : undefined;
  if (type === undefined) return;
  const body = field(e, type);
  const at = (key: string): Located | undefined => (field(body, key) === undefined ? undefined : { raw: field(body, key), source: `${source}.${type}.${key}` });
  const num = (v: unknown): Mapped<unknown> => ({ ok: true, value: asNumber(v) });
  const secs = (v: unknown): Mapped<unknown> => ({ ok: true, value: asSeconds(v) });
  if (type === "http" || type === "httpApi" || type === "alb") {
    if (setInvocation(f, "sync", `${source}.${type}`) && type !== "alb") setFrontDoor(config, type === "http" ? "rest" : "http", `${source}.${type}`);
  } else if (type === "sqs") {
    if (!setInvocation(f, "sqs", `${source}.sqs`)) return;
    take("sqs.batchSize", at("batchSize"), num);
    take("sqs.batchingWindow", at("maximumBatchingWindow"), secs);
    take("sqs.maximumConcurrency", at("maximumConcurrency"), num);
    if (field(body, "functionResponseType") === "ReportBatchItemFailures") setKnown(f, "sqs.reportBatchItemFailures", true, `${source}.sqs.functionResponseType`);
    // A queue defined under resources.Resources (`arn: !GetAtt OrdersQueue.Arn`) gives its visibility timeout and redrive policy.
    const queueId = referencedId(field(body, "arn"));
    const queue = queueId === undefined ? undefined : field(cfn.resources, queueId);
    if (field(queue, "Type") === "AWS::SQS::Queue") {
      const props = field(queue, "Properties");
      const base = `${cfn.file}#resources.Resources.${queueId}.Properties`;
      const visibility = field(props, "VisibilityTimeout");
      if (visibility !== undefined) take("sqs.visibilityTimeout", { raw: visibility, source: `${base}.VisibilityTimeout` }, secs);
      const count = field(field(props, "RedrivePolicy"), "maxReceiveCount");
      if (count !== undefined) take("sqs.maxReceiveCount", { raw: count, source: `${base}.RedrivePolicy.maxReceiveCount` }, num);
    }
  } else if (type === "stream") {
    // `stream: arn` or `stream: { arn, type: kinesis | dynamodb, ... }`; the kind of stream is not modelled apart.
    if (!setInvocation(f, "stream", `${source}.stream`)) return;
    take("stream.batchSize", at("batchSize"), num);
    take("stream.batchingWindow", at("batchWindow"), secs);
    take("stream.parallelizationFactor", at("parallelizationFactor"), num);
    take("stream.maximumRetryAttempts", at("maximumRetryAttempts"), num);
    take("stream.maximumRecordAge", at("maximumRecordAgeInSeconds"), (v) => ({ ok: true, value: asNumber(v) === -1 ? -1 : asSeconds(v) }));
    f.fields.set("stream.shards", { value: undefined, source: `${source}.stream`, placeholder: "the stream's shard count is not in serverless.yml" });
  } else if (ASYNC_EVENTS.has(type)) {
    setInvocation(f, "async", `${source}.${type}`);
  } else {
    f.notes.push(`${source}: event ${type} not imported (lambdasim models API, queue, stream and asynchronous sources)`);
  }
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
