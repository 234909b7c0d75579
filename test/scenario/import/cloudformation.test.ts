import { describe, expect, it } from "vitest";
import { importConfigText, unresolvedOf } from "../../../src/scenario/import/index.js";
import { fn, importFixture, sourcesOf, valuesOf } from "./support.js";

/*
 * The SAM fixture (test/fixtures/import/sam-template.yaml) and its plain CloudFormation twin
 * (cloudformation.json) describe one system; the expected values below are read off the templates
 * by hand: parameter defaults, the StageConfig mapping under Stage=prod, Globals.Function.
 */

/** What both templates say about the two functions (the CloudFormation one has no Globals, so fields are its own). */
const ORDER_WORKER = {
  runtime: "nodejs22.x", architecture: "arm64", memoryMB: 1024, timeout: "30s", layers: 1, reservedConcurrency: 50,
  provisionedConcurrency: 5, invocation: "sqs", "sqs.batchSize": 25, "sqs.batchingWindow": "2s", "sqs.maximumConcurrency": 40,
  "sqs.reportBatchItemFailures": true, "sqs.visibilityTimeout": "180s", "sqs.maxReceiveCount": 5,
};
const REPORTS = {
  runtime: "java21", memoryMB: 2048, snapStart: true, vpc: true, ephemeralStorageMB: 512, reservedConcurrency: 20, layers: 2, invocation: "sync",
};

describe("import of a SAM template", () => {
  const config = importFixture("sam-template.yaml");

  it("yields the two functions with the values the template gives, Globals and parameter defaults applied", () => {
    expect(config.functions.map((f) => f.name)).toEqual(["OrderWorker", "ReportsFunction"]);
    expect(valuesOf(config, "OrderWorker")).toEqual(ORDER_WORKER);
    expect(valuesOf(config, "ReportsFunction")).toMatchObject(REPORTS);
    expect(config.scenario.get("pricing.frontDoor")?.value).toBe("rest");
  });

  it("cites the Globals section for a property the function leaves out, and the function for its own", () => {
    const sources = sourcesOf(config, "OrderWorker");
    expect(sources.timeout).toBe("sam-template.yaml#Globals.Function.Timeout");
    expect(sources.memoryMB).toBe("sam-template.yaml#Resources.OrderWorker.Properties.MemorySize");
    expect(sources["sqs.visibilityTimeout"]).toBe("sam-template.yaml#Resources.OrdersQueue.Properties.VisibilityTimeout");
    expect(sourcesOf(config, "ReportsFunction").layers).toBe("sam-template.yaml#Globals.Function.Layers + sam-template.yaml#Resources.ReportsFunction.Properties.Layers");
  });

  it("makes a !Ref to a parameter without Default a placeholder that names the parameter", () => {
    const timeout = fn(config, "ReportsFunction").fields.get("timeout");
    expect(timeout).toEqual({ value: "3s", source: "sam-template.yaml#Resources.ReportsFunction.Properties.Timeout", placeholder: "!Ref ReportsTimeout: a parameter without Default" });
    expect(unresolvedOf(config).map((u) => u.field)).toEqual(["functions.ReportsFunction.timeout"]);
  });
});

describe("import of a CloudFormation JSON template", () => {
  const config = importFixture("cloudformation.json");

  it("yields the same system as its SAM twin, through the alias, the event source mapping and the permission", () => {
    expect(config.functions.map((f) => f.name)).toEqual(["OrderWorker", "ReportsFunction"]);
    expect(valuesOf(config, "OrderWorker")).toEqual(ORDER_WORKER);
    expect(valuesOf(config, "ReportsFunction")).toMatchObject(REPORTS);
    expect(sourcesOf(config, "OrderWorker").provisionedConcurrency).toBe(
      "cloudformation.json#Resources.OrderWorkerLive.Properties.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions",
    );
    expect(config.scenario.get("pricing.frontDoor")).toEqual({ value: "rest", source: "cloudformation.json#Resources.ReportsApiPermission.Properties" });
  });
});

/** A one-function template around `props` (YAML). */
const template = (props: string, extra = "") => `Transform: AWS::Serverless-2016-10-31
${extra}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
${props}
`;

describe("CloudFormation intrinsics in an import", () => {
  it("reads every short tag without choking, and evaluates what the template determines", () => {
    const yaml = template(
      `      MemorySize: !Select [1, !Split [",", "128,1536,3008"]]
      Timeout: !FindInMap [Sizes, !Ref Size, timeout]
      Description: !Join ["-", [!Sub "\${AWS::StackName}", !GetAtt X.Arn, !ImportValue shared, !Base64 abc]]
      Tags: { a: !GetAZs "", b: !Cidr [10.0.0.0/16, 2, 8], c: !If [Big, yes, no], d: !Condition Big }
      ReservedConcurrentExecutions: !If [Big, 10, !Ref AWS::NoValue]`,
      `Parameters: { Size: { Type: String, Default: large } }
Mappings: { Sizes: { large: { timeout: 45 } } }
Conditions: { Big: !And [!Equals [!Ref Size, large], !Not [!Equals [a, b]], !Or [!Condition Other, !Equals [1, 1]]], Other: !Equals [x, y] }`,
    );
    const r = importConfigText(yaml, "t.yaml");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(valuesOf(r.value, "Fn")).toEqual({ runtime: "python3.12", memoryMB: 1536, timeout: "45s", reservedConcurrency: 10 });
  });

  it("leaves !GetAtt, !ImportValue, a pseudo parameter and an SSM dynamic reference as placeholders with their reasons", () => {
    const yaml = template(`      MemorySize: "{{resolve:ssm:/fn/memory}}"
      Timeout: !ImportValue shared-timeout
      ReservedConcurrentExecutions: !GetAtt Limits.Reserved
      EphemeralStorage: { Size: !Sub "\${AWS::Region}" }`);
    const r = importConfigText(yaml, "t.yaml");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const why = Object.fromEntries(unresolvedOf(r.value).map((u) => [u.field.replace("functions.Fn.", ""), u.why]));
    expect(why.memoryMB).toMatch(/\{\{resolve:ssm:\/fn\/memory\}\}: a dynamic reference/);
    expect(why.timeout).toMatch(/!ImportValue: another stack's export/);
    expect(why.reservedConcurrency).toMatch(/!GetAtt Limits\.Reserved: a resource attribute/);
    expect(why.ephemeralStorageMB).toMatch(/AWS::Region: a pseudo parameter/);
    // Placeholders are lambdasim's defaults (reservedConcurrency has none: not written).
    expect(valuesOf(r.value, "Fn")).toMatchObject({ memoryMB: 128, timeout: "3s", reservedConcurrency: undefined, ephemeralStorageMB: 512 });
  });

  it("leaves out a function whose condition is false with the parameters' defaults, and says so", () => {
    const yaml = `Parameters: { Env: { Type: String, Default: dev } }
Conditions: { IsProd: !Equals [!Ref Env, prod] }
Resources:
  A: { Type: AWS::Lambda::Function, Properties: { Runtime: nodejs20.x } }
  B: { Type: AWS::Lambda::Function, Condition: IsProd, Properties: { Runtime: nodejs20.x } }
`;
    const r = importConfigText(yaml, "t.yaml");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.functions.map((f) => f.name)).toEqual(["A"]);
    expect(r.value.notes[0]).toMatch(/Resources\.B: left out, its condition IsProd is false/);
  });
});

describe("stream and asynchronous event sources of a SAM template", () => {
  const yaml = `Transform: AWS::Serverless-2016-10-31
Resources:
  Clicks: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 4 } }
  Table: { Type: AWS::DynamoDB::Table, Properties: { BillingMode: PAY_PER_REQUEST } }
  Reader:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Events:
        S: { Type: Kinesis, Properties: { Stream: !GetAtt Clicks.Arn, BatchSize: 500, ParallelizationFactor: 2, MaximumBatchingWindowInSeconds: 1, MaximumRecordAgeInSeconds: -1, StartingPosition: LATEST } }
  Changes:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Events:
        D: { Type: DynamoDB, Properties: { Stream: !GetAtt Table.StreamArn, ParallelizationFactor: 10, StartingPosition: TRIM_HORIZON } }
  Notifier:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      EventInvokeConfig: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 600 }
      Events:
        T: { Type: SNS, Properties: { Topic: !Ref Topic } }
  Topic: { Type: AWS::SNS::Topic }
`;
  const r = importConfigText(yaml, "t.yaml");
  if (!r.ok) throw new Error(JSON.stringify(r.issues));

  it("reads a Kinesis event's batch settings and parallelization factor, and the stream's shard count", () => {
    expect(valuesOf(r.value, "Reader")).toEqual({
      runtime: "python3.13", invocation: "stream", "stream.batchSize": 500, "stream.batchingWindow": "1s", "stream.parallelizationFactor": 2,
      "stream.maximumRecordAge": -1, "stream.shards": 4,
    });
    expect(sourcesOf(r.value, "Reader")["stream.shards"]).toBe("t.yaml#Resources.Clicks.Properties.ShardCount");
  });

  it("leaves a DynamoDB stream's shard count a placeholder: the table does not state it", () => {
    expect(fn(r.value, "Changes").fields.get("stream.shards")).toMatchObject({ value: undefined, placeholder: "the stream's shard count is not in this template" });
    expect(valuesOf(r.value, "Changes")["stream.parallelizationFactor"]).toBe(10);
  });

  it("makes an SNS-triggered function async with its EventInvokeConfig retries and event age", () => {
    expect(valuesOf(r.value, "Notifier")).toEqual({ runtime: "python3.13", invocation: "async", maximumRetryAttempts: 0, maximumEventAge: "600s" });
  });
});

describe("SAM Globals beyond function properties", () => {
  it("takes provisioned concurrency and the function URL from Globals.Function, citing Globals", () => {
    const yaml = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    AutoPublishAlias: live
    ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 3 }
    FunctionUrlConfig: { AuthType: NONE }
Resources:
  Fn: { Type: AWS::Serverless::Function, Properties: { Runtime: nodejs24.x } }
`;
    const r = importConfigText(yaml, "t.yaml");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(valuesOf(r.value, "Fn")).toEqual({ runtime: "nodejs24.x", invocation: "sync", provisionedConcurrency: 3 });
    expect(sourcesOf(r.value, "Fn").provisionedConcurrency).toBe("t.yaml#Globals.Function.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions");
    expect(r.value.scenario.get("pricing.frontDoor")).toEqual({ value: "url", source: "t.yaml#Globals.Function.FunctionUrlConfig" });
  });

  it("gives an Image function a runtime placeholder that says to set the image's language", () => {
    const r = importConfigText("Resources:\n  Fn: { Type: AWS::Lambda::Function, Properties: { PackageType: Image, Code: { ImageUri: x } } }\n", "t.yaml");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(fn(r.value, "Fn").fields.get("runtime")).toEqual({
      value: "provided.al2023", source: "t.yaml#Resources.Fn.Properties.Runtime", placeholder: "an Image function names no runtime: set the language of its image",
    });
  });

  it("reads a YAML template written as a flow mapping", () => {
    const r = importConfigText("{ Resources: { Fn: { Type: AWS::Lambda::Function, Properties: { Runtime: !Ref Rt } } }, Parameters: { Rt: { Type: String, Default: ruby3.4 } } }\n", "t.yaml");
    expect(r.ok && valuesOf(r.value, "Fn")).toEqual({ runtime: "ruby3.4" });
  });
});
