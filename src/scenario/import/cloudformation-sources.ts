import { as, child, field, referencedId, take, type Located, type TemplateScope } from "./template-fields.js";
import { resolve } from "./intrinsics.js";
import {
  asNumber, asSeconds, setFrontDoor, setInvocation, setKnown, visibilityPlaceholder,
  type ImportedConfig, type ImportedFunction,
} from "./imported-config.js";

/*
 * What invokes a template's functions and how much is kept warm: SAM `Events` (Api, HttpApi, SQS,
 * Kinesis, DynamoDB, and the asynchronous ones), `FunctionUrlConfig`, `AutoPublishAlias` with
 * `ProvisionedConcurrencyConfig`, `EventInvokeConfig`; and the plain CloudFormation resources
 * `AWS::Lambda::EventSourceMapping`, `AWS::Lambda::Alias` / `Version` (ProvisionedConcurrencyConfig) and
 * `AWS::Lambda::EventInvokeConfig`, matched to their function by `FunctionName: !Ref Fn` or `!GetAtt Fn.Arn`.
 */

/** SAM event types whose service invokes the function asynchronously (AWS Lambda Developer Guide, "Invoking Lambda functions"). */
const ASYNC_EVENTS = new Set(["S3", "SNS", "EventBridgeRule", "CloudWatchEvent", "Schedule", "ScheduleV2", "CloudWatchLogs", "IoTRule", "SES"]);

/** Attaches event sources, provisioned concurrency and async settings to the functions they name; `globals` is SAM's Globals.Function. */
export function attachCloudFormationSources(
  scope: TemplateScope,
  resources: Record<string, unknown>,
  byLogicalId: Map<string, ImportedFunction>,
  config: ImportedConfig,
  globals: unknown,
): void {
  for (const [id, f] of byLogicalId) {
    const base = `${scope.file}#Resources.${id}.Properties`;
    const props = field(resources[id], "Properties");
    // SAM's Globals.Function also holds these (a plain Lambda function has no Globals).
    const sam = field(resources[id], "Type") === "AWS::Serverless::Function";
    const at = (key: string): Located | undefined => {
      if (field(props, key) !== undefined) return { raw: field(props, key), source: `${base}.${key}` };
      if (sam && field(globals, key) !== undefined) return { raw: field(globals, key), source: `${scope.file}#Globals.Function.${key}` };
      return undefined;
    };
    const events = field(props, "Events");
    if (events !== null && typeof events === "object" && !Array.isArray(events)) {
      for (const [name, event] of Object.entries(events)) samEvent(scope, resources, f, event, `${base}.Events.${name}`, config);
    }
    const url = at("FunctionUrlConfig");
    if (url !== undefined && setInvocation(f, "sync", url.source)) setFrontDoor(config, "url", url.source);
    const pc = at("ProvisionedConcurrencyConfig");
    if (pc !== undefined) {
      take(scope, f, "provisionedConcurrency", child(pc, "ProvisionedConcurrentExecutions"), as(asNumber));
      if (at("AutoPublishAlias") === undefined) f.notes.push(`${pc.source}: SAM applies it only with AutoPublishAlias, which the template does not set`);
    }
    const invokeConfig = at("EventInvokeConfig");
    if (invokeConfig !== undefined) asyncSettings(scope, f, invokeConfig);
  }
  for (const [id, resource] of Object.entries(resources)) {
    const type = field(resource, "Type");
    const props = field(resource, "Properties");
    const base = `${scope.file}#Resources.${id}.Properties`;
    if (typeof type !== "string" || !ATTACHED.has(type)) continue;
    const f = functionNamed(field(props, "FunctionName"), resources, byLogicalId);
    if (f === undefined) {
      config.notes.push(`${base}: not imported, its FunctionName names no function of the template`);
      continue;
    }
    if (type === "AWS::Lambda::EventSourceMapping") {
      mapping(scope, resources, f, { raw: props, source: base });
    } else if (type === "AWS::Lambda::Permission") {
      permission(scope, resources, f, props, base, config);
    } else if (type === "AWS::Lambda::EventInvokeConfig") {
      asyncSettings(scope, f, { raw: props, source: base });
    } else {
      const pc = child({ raw: props, source: base }, "ProvisionedConcurrencyConfig");
      take(scope, f, "provisionedConcurrency", child(pc, "ProvisionedConcurrentExecutions"), as(asNumber));
    }
  }
  for (const f of byLogicalId.values()) {
    if (f.fields.get("invocation")?.value === "sqs") visibilityPlaceholder(f, `${f.origin} (its SQS event source's queue)`);
  }
}

/** Resources attached to the function their FunctionName names. */
const ATTACHED = new Set(["AWS::Lambda::EventSourceMapping", "AWS::Lambda::Alias", "AWS::Lambda::Version", "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::Permission"]);

/** Principals that invoke asynchronously (AWS Lambda Developer Guide, "Invoking Lambda functions"). */
const ASYNC_PRINCIPALS = new Set(["sns.amazonaws.com", "s3.amazonaws.com", "events.amazonaws.com", "logs.amazonaws.com", "iot.amazonaws.com", "ses.amazonaws.com"]);

/** AWS::Lambda::Permission: API Gateway → sync behind the template's REST or HTTP API; an asynchronous service → async. */
function permission(scope: TemplateScope, resources: Record<string, unknown>, f: ImportedFunction, props: unknown, source: string, config: ImportedConfig): void {
  const principal = resolve(field(props, "Principal"), scope.ctx);
  if (!principal.ok || typeof principal.value !== "string") return;
  if (principal.value === "apigateway.amazonaws.com") {
    if (!setInvocation(f, "sync", source)) return;
    const types = new Set(Object.values(resources).map((r) => field(r, "Type")));
    if (types.has("AWS::ApiGateway::RestApi")) setFrontDoor(config, "rest", source);
    else if (types.has("AWS::ApiGatewayV2::Api")) setFrontDoor(config, "http", source);
  } else if (ASYNC_PRINCIPALS.has(principal.value)) setInvocation(f, "async", source);
}

/** One entry of a SAM function's `Events`. */
function samEvent(scope: TemplateScope, resources: Record<string, unknown>, f: ImportedFunction, event: unknown, source: string, config: ImportedConfig): void {
  const type = field(event, "Type");
  const props: Located = { raw: field(event, "Properties") ?? {}, source: `${source}.Properties` };
  if (type === "Api" || type === "HttpApi") {
    if (setInvocation(f, "sync", source)) setFrontDoor(config, type === "Api" ? "rest" : "http", source);
  } else if (type === "SQS" || type === "Kinesis" || type === "DynamoDB") {
    mapping(scope, resources, f, props, type === "SQS" ? "sqs" : "stream");
  } else if (typeof type === "string" && ASYNC_EVENTS.has(type)) {
    setInvocation(f, "async", source);
  } else {
    f.notes.push(`${source}: event type ${String(type)} not imported (lambdasim models API, queue, stream and asynchronous sources)`);
  }
}

/** An event source mapping (SAM SQS / Kinesis / DynamoDB event, or AWS::Lambda::EventSourceMapping). */
function mapping(scope: TemplateScope, resources: Record<string, unknown>, f: ImportedFunction, props: Located, known?: "sqs" | "stream"): void {
  const arn = field(props.raw, "EventSourceArn") ?? field(props.raw, "Queue") ?? field(props.raw, "Stream");
  const sourceId = referencedId(arn);
  const sourceResource = sourceId === undefined ? undefined : resources[sourceId];
  const kind = known ?? kindOf(field(sourceResource, "Type"), resolve(arn, scope.ctx));
  if (kind === undefined) {
    f.notes.push(`${props.source}: not imported, its event source is neither an SQS queue nor a Kinesis or DynamoDB stream`);
    return;
  }
  if (!setInvocation(f, kind, props.source)) return;
  const at = (key: string) => child(props, key);
  take(scope, f, `${kind}.batchSize`, at("BatchSize"), as(asNumber));
  take(scope, f, `${kind}.batchingWindow`, at("MaximumBatchingWindowInSeconds"), as(asSeconds));
  const queueProps: Located | undefined = sourceResource === undefined ? undefined : { raw: field(sourceResource, "Properties") ?? {}, source: `${scope.file}#Resources.${sourceId}.Properties` };
  if (kind === "sqs") {
    take(scope, f, "sqs.maximumConcurrency", child(at("ScalingConfig"), "MaximumConcurrency"), as(asNumber));
    const types = resolve(field(props.raw, "FunctionResponseTypes"), scope.ctx);
    if (types.ok && Array.isArray(types.value) && types.value.includes("ReportBatchItemFailures")) {
      setKnown(f, "sqs.reportBatchItemFailures", true, `${props.source}.FunctionResponseTypes`);
    }
    if (queueProps !== undefined) {
      // A queue of the template without VisibilityTimeout has SQS's default, which lambdasim's default is.
      take(scope, f, "sqs.visibilityTimeout", child(queueProps, "VisibilityTimeout"), as(asSeconds));
      take(scope, f, "sqs.maxReceiveCount", child(child(queueProps, "RedrivePolicy"), "maxReceiveCount"), as(asNumber));
    }
    return;
  }
  take(scope, f, "stream.parallelizationFactor", at("ParallelizationFactor"), as(asNumber));
  take(scope, f, "stream.maximumRecordAge", at("MaximumRecordAgeInSeconds"), as((v) => (asNumber(v) === -1 ? -1 : asSeconds(v))));
  take(scope, f, "stream.maximumRetryAttempts", at("MaximumRetryAttempts"), as(asNumber));
  if (queueProps !== undefined && field(sourceResource, "Type") === "AWS::Kinesis::Stream") {
    take(scope, f, "stream.shards", child(queueProps, "ShardCount"), as(asNumber));
  } else {
    f.fields.set("stream.shards", { value: undefined, source: props.source, placeholder: "the stream's shard count is not in this template" });
  }
}

/** Async retry settings (EventInvokeConfig): only for a function invoked asynchronously. */
function asyncSettings(scope: TemplateScope, f: ImportedFunction, props: Located): void {
  if (f.fields.get("invocation")?.value !== "async") {
    f.notes.push(`${props.source}: MaximumRetryAttempts / MaximumEventAgeInSeconds not imported, the function has no asynchronous event source`);
    return;
  }
  take(scope, f, "maximumRetryAttempts", child(props, "MaximumRetryAttempts"), as(asNumber));
  take(scope, f, "maximumEventAge", child(props, "MaximumEventAgeInSeconds"), as(asSeconds));
}

/** sqs or stream, from the source's resource type or its ARN (`arn:aws:sqs:...`). */
function kindOf(type: unknown, arn: { ok: boolean; value?: unknown }): "sqs" | "stream" | undefined {
  if (type === "AWS::SQS::Queue") return "sqs";
  if (type === "AWS::Kinesis::Stream" || type === "AWS::DynamoDB::Table") return "stream";
  const text = arn.ok && typeof arn.value === "string" ? arn.value : "";
  if (/^arn:[^:]+:sqs:/.test(text)) return "sqs";
  if (/^arn:[^:]+:(kinesis|dynamodb):/.test(text)) return "stream";
  return undefined;
}

/** The function a `FunctionName` refers to, through an alias or version of it (`!Ref OrderWorkerLive`). */
function functionNamed(name: unknown, resources: Record<string, unknown>, byLogicalId: Map<string, ImportedFunction>): ImportedFunction | undefined {
  let id = referencedId(name);
  for (let hops = 0; id !== undefined && hops < 3; hops++) {
    const f = byLogicalId.get(id);
    if (f !== undefined) return f;
    const type = field(resources[id], "Type");
    if (type !== "AWS::Lambda::Alias" && type !== "AWS::Lambda::Version") return undefined;
    id = referencedId(field(field(resources[id], "Properties"), "FunctionName"));
  }
  return undefined;
}
