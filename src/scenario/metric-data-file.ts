import { readAllText } from "../workload/cloudwatch-trace.js";
import { parseMetricData, type MetricData } from "../workload/cloudwatch-metrics.js";
import { TraceError } from "../workload/trace-source.js";
import { FileLineSource } from "./trace-file.js";

/**
 * Reads and parses a get-metric-data JSON file (workload/cloudwatch-metrics.ts): every result by Id.
 * Returns the TraceError (unreadable file, not get-metric-data output) instead of throwing. O(file size).
 */
export function readMetricDataFile(path: string): { ok: true; data: MetricData } | { ok: false; error: TraceError } {
  let source: FileLineSource | undefined;
  try {
    source = new FileLineSource(path);
    return { ok: true, data: parseMetricData(readAllText(source), path) };
  } catch (err) {
    if (err instanceof TraceError) return { ok: false, error: err };
    throw err;
  } finally {
    source?.close();
  }
}
