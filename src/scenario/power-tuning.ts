import type { Checked, Issue } from "./issues.js";
import { printableExcerpt } from "./issues.js";
import type { MemoryPoint } from "../plan/amdahl-fit.js";

/*
 * AWS Lambda Power Tuning's output (alexcasalboni/aws-lambda-power-tuning): the state machine's
 * result JSON (`{ power, cost, duration, stateMachine: { visualization }, stats?: [{ value,
 * averagePrice, averageDuration }] }`, possibly under `results`) and its visualization URL, whose hash
 * is `<sizes>;<durations>;<costs>`, each base64 of a little-endian typed array: Int16 memory sizes (MB),
 * Float32 average durations (ms), Float32 average costs (USD), sorted by memory (lambda/utils.js
 * buildVisualizationURL).
 */

/** What a Power Tuning URL is expected to look like, for messages. */
const URL_SHAPE = "a Power Tuning visualization URL like https://lambda-power-tuning.show/#gAAAAQACAAQABsAL;<durations>;<costs> (base64 of Int16 memory sizes; Float32 durations, ms; Float32 costs)";

/** One power value as Power Tuning measured it. */
export interface PowerTuningPoint extends MemoryPoint {
  /** Average cost of one invocation, USD (NaN when not given). */
  costUsd: number;
}

/** Decodes the hash of a Power Tuning visualization URL; issues at `flag` say what was expected. */
export function decodePowerTuningUrl(url: string, flag = "--power-tuning"): Checked<PowerTuningPoint[]> {
  const bad = (why: string): Checked<PowerTuningPoint[]> => ({ ok: false, issues: [{ path: flag, value: printableExcerpt(url, 80), allowed: `${URL_SHAPE}; ${why}` }] });
  const hash = url.includes("#") ? url.slice(url.indexOf("#") + 1) : url;
  let text: string;
  try {
    text = decodeURIComponent(hash);
  } catch {
    return bad("the hash is not URL-encoded text");
  }
  const parts = text.split(";");
  if (parts.length !== 3) return bad(`the hash has ${parts.length} part${parts.length === 1 ? "" : "s"} separated by ';', not 3`);
  const bytes: Uint8Array[] = [];
  for (const [i, part] of parts.entries()) {
    if (part.length === 0 || part.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(part)) return bad(`part ${i + 1} is not base64`);
    bytes.push(Uint8Array.from(Buffer.from(part, "base64")));
  }
  const [sizeBytes, timeBytes, costBytes] = bytes as [Uint8Array, Uint8Array, Uint8Array];
  if (sizeBytes.length % 2 !== 0 || timeBytes.length % 4 !== 0 || costBytes.length % 4 !== 0) return bad("a part's length is not whole Int16 or Float32 values");
  const n = sizeBytes.length / 2;
  if (timeBytes.length / 4 !== n || costBytes.length / 4 !== n) return bad(`${n} sizes but ${timeBytes.length / 4} durations and ${costBytes.length / 4} costs`);
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const sizes = view(sizeBytes);
  const times = view(timeBytes);
  const costs = view(costBytes);
  const points: PowerTuningPoint[] = [];
  for (let i = 0; i < n; i++) {
    const memoryMB = sizes.getInt16(2 * i, true);
    const durationMs = times.getFloat32(4 * i, true);
    if (!(memoryMB >= 128 && memoryMB <= 10240)) return bad(`size ${i + 1} decodes to ${memoryMB} MB, not 128..10240`);
    if (!(durationMs > 0 && Number.isFinite(durationMs))) return bad(`duration ${i + 1} decodes to ${durationMs}, not a time > 0`);
    points.push({ memoryMB, durationMs, costUsd: costs.getFloat32(4 * i, true) });
  }
  return { ok: true, value: points };
}

/**
 * The points of a Power Tuning result JSON: its `stats` (with includeOutputResults), else its
 * `stateMachine.visualization` URL decoded; the result may sit under `results`. Issues at `flag`.
 */
export function powerTuningFromJson(data: unknown, flag = "--power-tuning"): Checked<PowerTuningPoint[]> {
  const root = isObject(data) && isObject(data.results) ? data.results : data;
  const stats = Array.isArray(root) ? root : isObject(root) ? root.stats : undefined;
  if (Array.isArray(stats) && stats.length > 0) {
    const points: PowerTuningPoint[] = [];
    const issues: Issue[] = [];
    stats.forEach((s, i) => {
      const memoryMB = isObject(s) ? Number(s.value ?? s.power) : NaN;
      const durationMs = isObject(s) ? Number(s.averageDuration ?? s.duration) : NaN;
      if (!(memoryMB >= 128 && memoryMB <= 10240) || !(durationMs > 0)) {
        issues.push({ path: `${flag} stats[${i}]`, value: s, allowed: "{ value: <memory MB 128..10240>, averageDuration: <ms > 0>, averagePrice }" });
      } else points.push({ memoryMB, durationMs, costUsd: isObject(s) ? Number(s.averagePrice ?? NaN) : NaN });
    });
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value: points.sort((a, b) => a.memoryMB - b.memoryMB) };
  }
  const url = isObject(root) && isObject(root.stateMachine) ? root.stateMachine.visualization : undefined;
  if (typeof url === "string") return decodePowerTuningUrl(url, flag);
  return { ok: false, issues: [{ path: flag, value: "a JSON document without stats or stateMachine.visualization", allowed: "the output of the Power Tuning state machine (its stats with includeOutputResults, or its stateMachine.visualization URL), or that URL" }] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
