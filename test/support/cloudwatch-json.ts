/*
 * Writes what `aws cloudwatch get-metric-data` prints (AWS CLI v2, JSON output): MetricDataResults
 * with Id, Label, Timestamps (ISO 8601 with +00:00, newest first: the default TimestampDescending),
 * Values and StatusCode; Messages empty. The shape follows the CloudWatch API reference
 * (GetMetricData response syntax); it is written here independently of the parser under test.
 */

/** One result to write: its Id, Label and the value of each period (null: no datapoint). */
export interface MetricToWrite {
  id: string;
  label: string;
  values: ReadonlyArray<number | null>;
  statusCode?: string;
}

/** The response object for periods of `periodSeconds` from `startIso`, newest first unless `ascending`. */
export function metricDataResponse(startIso: string, periodSeconds: number, metrics: readonly MetricToWrite[], ascending = false): object {
  const start = Date.parse(startIso);
  return {
    MetricDataResults: metrics.map((m) => {
      const pairs: Array<[string, number]> = [];
      m.values.forEach((v, i) => {
        if (v === null) return;
        pairs.push([new Date(start + i * periodSeconds * 1000).toISOString().replace(".000Z", "+00:00"), v]);
      });
      if (!ascending) pairs.reverse();
      return { Id: m.id, Label: m.label, Timestamps: pairs.map((p) => p[0]), Values: pairs.map((p) => p[1]), StatusCode: m.statusCode ?? "Complete" };
    }),
    Messages: [],
  };
}

/** The JSON text as the CLI prints it (4-space indentation). */
export function metricDataJson(startIso: string, periodSeconds: number, metrics: readonly MetricToWrite[], ascending = false): string {
  return JSON.stringify(metricDataResponse(startIso, periodSeconds, metrics, ascending), null, 4) + "\n";
}
