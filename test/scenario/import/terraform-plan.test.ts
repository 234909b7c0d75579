import { describe, expect, it } from "vitest";
import { importConfigText, unresolvedOf } from "../../../src/scenario/import/index.js";
import { fn, importFixture, sourcesOf, valuesOf } from "./support.js";

/* test/fixtures/import/terraform-plan.json: `terraform show -json` of the orders service, the reports function in a child module. */

describe("import of a terraform show -json plan", () => {
  const config = importFixture("terraform-plan.json");

  it("yields every aws_lambda_function, child modules included, with its planned values", () => {
    expect(config.functions.map((f) => f.name)).toEqual(["orders-worker", "orders-reports"]);
    expect(valuesOf(config, "orders-worker")).toEqual({
      packageType: "zip", runtime: "nodejs22.x", architecture: "arm64", memoryMB: 1024, timeout: "30s", reservedConcurrency: 50,
      ephemeralStorageMB: 512, layers: 1, provisionedConcurrency: 5, invocation: "sqs", "sqs.batchSize": 25, "sqs.batchingWindow": "2s",
      "sqs.maximumConcurrency": 40, "sqs.reportBatchItemFailures": true, "sqs.visibilityTimeout": "180s", "sqs.maxReceiveCount": undefined,
    });
    expect(valuesOf(config, "orders-reports")).toMatchObject({ runtime: "java21", architecture: "x86_64", memoryMB: 2048, timeout: "60s", snapStart: true, vpc: true, reservedConcurrency: 20, invocation: "sync" });
    expect(config.scenario.get("pricing.frontDoor")?.value).toBe("rest");
    expect(config.scenario.get("region")?.value).toBe("us-east-1");
  });

  it("cites each value by resource address and attribute", () => {
    expect(sourcesOf(config, "orders-reports").memoryMB).toBe("terraform-plan.json#module.reports.aws_lambda_function.this.memory_size");
    expect(sourcesOf(config, "orders-worker").provisionedConcurrency).toBe("terraform-plan.json#aws_lambda_provisioned_concurrency_config.worker_live.provisioned_concurrent_executions");
    // The mapping's event_source_arn is known only after apply: the configuration's reference tells it is the SQS queue.
    expect(sourcesOf(config, "orders-worker")["sqs.visibilityTimeout"]).toBe("terraform-plan.json#aws_sqs_queue.orders.visibility_timeout_seconds");
  });

  it("makes a value known only after apply a placeholder and lists it", () => {
    expect(unresolvedOf(config)).toEqual([
      { field: "functions.orders-worker.sqs.maxReceiveCount", source: "terraform-plan.json#aws_sqs_queue.orders.redrive_policy", why: "redrive_policy is known only after apply" },
    ]);
  });

  it("reads no reserved concurrency from the provider's -1 (unreserved)", () => {
    const plan = { format_version: "1.2", planned_values: { root_module: { resources: [
      { address: "aws_lambda_function.a", mode: "managed", type: "aws_lambda_function", name: "a", values: { function_name: "a", runtime: "python3.13", reserved_concurrent_executions: -1, architectures: ["x86_64"] } },
    ] } } };
    const r = importConfigText(JSON.stringify(plan), "plan.json");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(fn(r.value, "a").fields.has("reservedConcurrency")).toBe(false);
  });
});
