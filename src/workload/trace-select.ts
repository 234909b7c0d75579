import type { CsvCursor } from "./trace-source.js";

/**
 * Which rows of an Azure trace feed a function. Hashes match by prefix (a full hash or its first
 * characters); `trigger` (azure2019 only) matches exactly. Unset fields match every row.
 */
export interface TraceSelect {
  owner?: string;
  app?: string;
  function?: string;
  trigger?: string;
}

/** True when the cursor's current field passes `wanted` (undefined passes everything). */
export function fieldMatches(cursor: CsvCursor, wanted: string | undefined, exact: boolean): boolean {
  if (wanted === undefined) return true;
  return exact ? cursor.equals(wanted) : cursor.startsWith(wanted);
}
