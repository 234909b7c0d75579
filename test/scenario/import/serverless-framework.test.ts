import { describe, expect, it } from "vitest";
import { importConfigText, unresolvedOf } from "../../../src/scenario/import/index.js";
import { resolveVariables } from "../../../src/scenario/import/serverless-variables.js";
import { importFixture, sourcesOf, valuesOf } from "./support.js";

/* test/fixtures/import/serverless.yml: the orders service as a Serverless Framework v3 project. */

describe("import of a serverless.yml", () => {
  const config = importFixture("serverless.yml");

  it("yields each function with the provider's defaults where it sets nothing", () => {
    expect(config.functions.map((f) => f.name)).toEqual(["worker", "reports"]);
    expect(valuesOf(config, "worker")).toEqual({
      runtime: "nodejs22.x", architecture: "arm64", memoryMB: 1024, timeout: "30s", reservedConcurrency: 50, provisionedConcurrency: 5,
      layers: 1, invocation: "sqs", "sqs.batchSize": 25, "sqs.batchingWindow": "2s", "sqs.maximumConcurrency": 40,
      "sqs.reportBatchItemFailures": true, "sqs.visibilityTimeout": "180s", "sqs.maxReceiveCount": 5,
    });
    expect(valuesOf(config, "reports")).toMatchObject({ runtime: "java21", architecture: "x86_64", memoryMB: 2048, snapStart: true, vpc: true, reservedConcurrency: 20, invocation: "sync" });
    expect(sourcesOf(config, "worker").runtime).toBe("serverless.yml#provider.runtime");
    expect(sourcesOf(config, "worker").memoryMB).toBe("serverless.yml#functions.worker.memorySize");
    expect(config.scenario.get("pricing.frontDoor")?.value).toBe("rest");
  });

  it("makes ${ssm:...} and ${opt:...} placeholders, the fallback written where one is given", () => {
    const list = unresolvedOf(config);
    expect(list.map((u) => u.field)).toEqual(["region", "functions.reports.timeout"]);
    expect(list[0]!.why).toMatch(/\$\{opt:region\}: a command-line option, known only at deployment; its fallback "us-east-1"/);
    expect(config.scenario.get("region")?.value).toBe("us-east-1");
    expect(list[1]!.why).toMatch(/\$\{ssm:\/orders\/prod\/reports-timeout\}: an SSM parameter/);
  });
});

describe("Serverless Framework variables", () => {
  const root = { provider: { stage: "prod" }, custom: { mem: { prod: 2048, dev: 256 }, name: "orders" } };

  it("resolves self references, nested ones and ${sls:stage}, keeping a number a number", () => {
    expect(resolveVariables("${self:custom.mem.${sls:stage}}", root)).toEqual({ ok: true, value: 2048 });
    expect(resolveVariables("${self:custom.name}-${sls:stage}", root)).toEqual({ ok: true, value: "orders-prod" });
  });

  it("gives the fallback of a source known only at deployment, and no value without one", () => {
    expect(resolveVariables("${env:MEM, 512}", root)).toMatchObject({ ok: false, fallback: 512 });
    expect(resolveVariables("${ssm:/x}", root)).toMatchObject({ ok: false, why: "${ssm:/x}: an SSM parameter, known only at deployment" });
    expect(resolveVariables("${self:custom.missing}", root)).toMatchObject({ ok: false });
  });

  it("is not mistaken for a CloudFormation template or a plan", () => {
    const r = importConfigText("service: s\nprovider: { name: aws, runtime: ruby3.3 }\nfunctions: { f: { handler: h } }\n", "serverless.yml");
    expect(r.ok && r.format).toBe("serverless");
  });
});

describe("asynchronous functions of a serverless.yml", () => {
  it("imports maximumRetryAttempts and maximumEventAge for an sns-triggered function, and not for an http one", () => {
    const yml = `service: s
provider: { name: aws, runtime: python3.13 }
functions:
  notify: { handler: h, maximumRetryAttempts: 1, maximumEventAge: 3600, events: [{ sns: orders-topic }] }
  api: { handler: h, maximumRetryAttempts: 0, events: [{ httpApi: { path: /, method: get } }] }
`;
    const r = importConfigText(yml, "serverless.yml");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(valuesOf(r.value, "notify")).toMatchObject({ invocation: "async", maximumRetryAttempts: 1, maximumEventAge: "3600s" });
    expect(valuesOf(r.value, "api")).toEqual({ runtime: "python3.13", invocation: "sync" });
    expect(r.value.functions[1]!.notes).toEqual(["serverless.yml#functions.api.maximumRetryAttempts: not imported, the function has no asynchronous event"]);
    expect(r.value.scenario.get("pricing.frontDoor")?.value).toBe("http");
  });
});
