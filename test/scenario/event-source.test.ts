import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/scenario/issues.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { issuesOf, onlyIssue, withFunction } from "./support.js";

function resolvedFunction(patch: Record<string, unknown>) {
  const r = resolveScenario(withFunction(patch));
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
  return r.value.sim.functions[0]!;
}

describe("sqs and stream settings", () => {
  it("takes duration.per and reportBatchItemFailures from the scenario", () => {
    const f = resolvedFunction({
      invocation: "sqs",
      duration: { dist: "constant", value: "10ms", per: "batch" },
      sqs: { reportBatchItemFailures: true },
    });
    expect(f.sqs!.durationPer).toBe("batch");
    expect(f.sqs!.reportBatchItemFailures).toBe(true);
    expect(f.duration).toEqual({ dist: "constant", value: 10 });
  });

  it("refuses duration.per on a function not invoked in batches, and per on another distribution", () => {
    expect(onlyIssue(withFunction({ duration: { dist: "constant", value: "10ms", per: "message" } })).path).toBe("functions[0].duration.per");
    const wrong = issuesOf(withFunction({ invocation: "sqs", duration: { dist: "constant", value: "10ms", per: "record" } }));
    expect(wrong.map((i) => i.path)).toContain("functions[0].duration.per");
    const elsewhere = issuesOf(withFunction({ invocation: "sqs", idleLifetime: { dist: "constant", value: "5m", per: "message" } }));
    expect(elsewhere.map((i) => i.path)).toContain("functions[0].idleLifetime.per");
  });

  it("fills the SQS defaults of lambda-limits.json sqsEventSource and the SQS queue", () => {
    const f = resolvedFunction({ invocation: "sqs" });
    expect(f.sqs).toEqual({
      batchSize: 10,
      batchingWindowMs: 0,
      maximumConcurrency: null,
      visibilityTimeoutMs: 30_000,
      maxReceiveCount: null,
      durationPer: "message",
      reportBatchItemFailures: false,
    });
    expect(f.stream).toBeUndefined();
  });

  it("converts the SQS settings a scenario gives", () => {
    const f = resolvedFunction({
      invocation: "sqs",
      timeout: "30s",
      sqs: { batchSize: 500, batchingWindow: "20s", maximumConcurrency: 50, visibilityTimeout: "3m", maxReceiveCount: 5 },
    });
    expect(f.sqs).toEqual({
      batchSize: 500,
      batchingWindowMs: 20_000,
      maximumConcurrency: 50,
      visibilityTimeoutMs: 180_000,
      maxReceiveCount: 5,
      durationPer: "message",
      reportBatchItemFailures: false,
    });
  });

  it("fills the stream defaults of lambda-limits.json streamEventSource", () => {
    const f = resolvedFunction({ invocation: "stream", stream: { shards: 4 } });
    expect(f.stream).toEqual({
      shards: 4,
      parallelizationFactor: 1,
      batchSize: 100,
      batchingWindowMs: 0,
      maximumRecordAgeMs: -1,
      maximumRetryAttempts: -1,
      durationPer: "message",
    });
    expect(f.sqs).toBeUndefined();
  });

  it("accepts a maximumRecordAge as a duration and -1 retries", () => {
    const f = resolvedFunction({ invocation: "stream", stream: { maximumRecordAge: "1h", maximumRetryAttempts: 3, parallelizationFactor: 10 } });
    expect(f.stream!.maximumRecordAgeMs).toBe(3_600_000);
    expect(f.stream!.maximumRetryAttempts).toBe(3);
    expect(f.stream!.parallelizationFactor).toBe(10);
  });

  it("rejects an SQS batch above 10 without a batching window", () => {
    const issue = onlyIssue(withFunction({ invocation: "sqs", sqs: { batchSize: 50 } }));
    expect(issue.path).toBe("functions[0].sqs.batchSize");
    expect(formatIssue(issue)).toContain("50 is not allowed; expected at most 10 without batchingWindow");
  });

  it("rejects a visibility timeout shorter than the function's timeout", () => {
    const issue = onlyIssue(withFunction({ invocation: "sqs", timeout: "60s" }));
    expect(issue.path).toBe("functions[0].sqs.visibilityTimeout");
    expect(issue.allowed).toContain("at least the function's timeout (1m)");
  });

  it("keeps sqs settings to sqs functions and stream settings to stream functions", () => {
    const issues = issuesOf(withFunction({ sqs: { batchSize: 5 }, stream: { shards: 2 } }));
    expect(issues.map((i) => [i.path, i.allowed])).toEqual([
      ["functions[0].sqs", "only with invocation: sqs"],
      ["functions[0].stream", "only with invocation: stream"],
    ]);
  });

  it("bounds each setting with the reference's limits", () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ invocation: "sqs", sqs: { maximumConcurrency: 1 } }, "functions[0].sqs.maximumConcurrency", "an integer 2..1000"],
      [{ invocation: "sqs", sqs: { batchSize: 20_000, batchingWindow: "1s" } }, "functions[0].sqs.batchSize", "an integer 1..10000"],
      [{ invocation: "sqs", sqs: { batchingWindow: "301s" } }, "functions[0].sqs.batchingWindow", "0s..300s"],
      [{ invocation: "stream", stream: { parallelizationFactor: 11 } }, "functions[0].stream.parallelizationFactor", "an integer 1..10"],
      [{ invocation: "stream", stream: { maximumRecordAge: "30s" } }, "functions[0].stream.maximumRecordAge", "60s..7d"],
      [{ invocation: "stream", stream: { maximumRetryAttempts: -2 } }, "functions[0].stream.maximumRetryAttempts", "-1 (retry until"],
      [{ invocation: "stream", stream: { shardz: 2 } }, "functions[0].stream.shardz", "did you mean shards?"],
    ];
    for (const [patch, path, allowed] of cases) {
      const issue = onlyIssue(withFunction(patch));
      expect(issue.path).toBe(path);
      expect(issue.allowed).toContain(allowed);
    }
  });

  it("rejects client retries on functions that pollers invoke", () => {
    const issue = onlyIssue(withFunction({ invocation: "sqs", clientRetries: { maxAttempts: 3 } }));
    expect(issue.path).toBe("functions[0].clientRetries");
    expect(issue.allowed).toContain("only with invocation: sync");
  });
});
