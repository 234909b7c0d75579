import type { TopLevelSpec } from "vega-lite";
import type { QueueResult, Result } from "../../platform/result.js";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";
import { assertSeriesBound, bucketSubtitle, timeEncoding, timeAxis, type TimeAxis } from "./time-axis.js";

/** Height of each of the queue chart's three panels, px (three stacked make about two ordinary charts). */
const PANEL_HEIGHT = 140;

/**
 * One queue chart per `sqs` or `stream` function, in scenario order: named `queue` when there is one
 * such function, `queue-1`, `queue-2`, ... when there are several (file-safe whatever the function's
 * name). Three panels over time: messages waiting and in flight; the age of the oldest waiting
 * message; the SQS pollers and the throttled batches. O(buckets · functions).
 */
export function queueCharts(result: Result): ChartSpec[] {
  const queues = Object.entries(result.functions).filter(([, r]) => r.queue?.series !== undefined);
  if (queues.length === 0) return [];
  assertSeriesBound(result.series);
  const axis = timeAxis(result.horizonSeconds, result.warmupSeconds);
  return queues.map(([name, r], k) => queueChart(result, axis, name, r.queue!, queues.length === 1 ? "queue" : `queue-${k + 1}`));
}

function queueChart(result: Result, axis: TimeAxis, fn: string, queue: QueueResult, chartName: string): ChartSpec {
  const s = result.series;
  const q = queue.series;
  const n = s.t.length;
  for (const key of ["waiting", "inFlight", "oldestAgeMs", "throttledBatches"] as const) {
    if (q[key].length !== n) throw new RangeError(`queue series '${key}' of ${fn} has ${q[key].length} points, t has ${n}`);
  }
  const pollers = q.pollers;
  const values = s.t.map((t, i) => ({
    t,
    waiting: q.waiting[i]!,
    "in flight": q.inFlight[i]!,
    oldestSeconds: round6(q.oldestAgeMs[i]! / 1000),
    ...(pollers === null ? {} : { pollers: pollers[i]! }),
    "throttled batches": q.throttledBatches[i]!,
  }));
  const x = timeEncoding(axis);
  const line = { type: "line", interpolate: "step-after", invalid: "break-paths-filter-domains" } as const;
  const batchKeys = pollers === null ? ["throttled batches"] : ["pollers", "throttled batches"];
  const title = `Queue of ${fn}`;
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle: bucketSubtitle(s, "maximum (throttles: count)") },
    data: { values },
    transform: [{ calculate: axis.expr, as: "time" }],
    vconcat: [
      {
        width: CHART_SIZE.width,
        height: PANEL_HEIGHT,
        transform: [{ fold: ["waiting", "in flight"], as: ["series", "messages"] }],
        mark: line,
        encoding: {
          x: { ...x, title: null },
          y: { field: "messages", type: "quantitative", title: "messages" },
          color: { field: "series", type: "nominal", title: null, scale: { domain: ["waiting", "in flight"], range: ["#4c78a8", "#f58518"] } },
          tooltip: [
            { field: "time", type: "quantitative", title: axis.title, format: ".2f" },
            { field: "series", type: "nominal" },
            { field: "messages", type: "quantitative", format: ",.0f" },
          ],
        },
      },
      {
        width: CHART_SIZE.width,
        height: PANEL_HEIGHT,
        mark: { ...line, color: "#e45756" },
        encoding: {
          x: { ...x, title: null },
          y: { field: "oldestSeconds", type: "quantitative", title: "oldest message (s)" },
          tooltip: [
            { field: "time", type: "quantitative", title: axis.title, format: ".2f" },
            { field: "oldestSeconds", type: "quantitative", title: "oldest message (s)", format: ",.1f" },
          ],
        },
      },
      {
        width: CHART_SIZE.width,
        height: PANEL_HEIGHT,
        transform: [{ fold: batchKeys, as: ["series", "batches"] }],
        mark: line,
        encoding: {
          x,
          y: { field: "batches", type: "quantitative", title: "batches" },
          color: { field: "series", type: "nominal", title: null, scale: { domain: batchKeys, range: pollers === null ? ["#e45756"] : ["#54a24b", "#e45756"] } },
          tooltip: [
            { field: "time", type: "quantitative", title: axis.title, format: ".2f" },
            { field: "series", type: "nominal" },
            { field: "batches", type: "quantitative", format: ",.0f" },
          ],
        },
      },
    ],
    resolve: { scale: { color: "independent" } },
  };
  return { name: chartName, title, spec };
}
