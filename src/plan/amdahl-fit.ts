import { MAX_VCPU, vcpuFor } from "../platform/environments/duration-scaling.js";

/** One measured point of a duration-by-memory curve (AWS Lambda Power Tuning's average per power value). */
export interface MemoryPoint {
  memoryMB: number;
  durationMs: number;
}

/** The Amdahl model fitted to a curve, as a scenario's `duration` writes it, and how well it fits. */
export interface AmdahlFit {
  /** The memory the model's reference duration is at. */
  atMemoryMB: number;
  /** The fitted duration at atMemoryMB, ms. */
  durationAtMs: number;
  /** CPU-bound fraction at atMemoryMB, 0..1. */
  cpuBound: number;
  /** Threads the handler uses, 1..6 (more than 6 cannot be told apart: Lambda gives at most 6 vCPU). */
  threads: number;
  /** Per point: measured, fitted and (fitted − measured)/measured. */
  points: Array<{ memoryMB: number; measuredMs: number; fittedMs: number; relativeError: number }>;
  /** Root mean square and largest absolute relative error over the points. */
  rmsRelativeError: number;
  maxRelativeError: number;
}

/**
 * Fits platform/duration-scaling.ts's model, duration(m) = a + b / min(vcpu(m), threads), to a
 * measured curve by weighted least squares on relative error (each point weighted 1/duration², so a
 * 10 ms and a 1 s point count alike), for threads 1..6, keeping the best; a and b are held ≥ 0
 * (cpuBound within 0..1). Returns the parameters at `atMemoryMB` (the function's memory) and the fit
 * error per point. Needs 2 points at different memory sizes; null otherwise. O(points · 6).
 */
export function fitAmdahl(points: readonly MemoryPoint[], atMemoryMB: number): AmdahlFit | null {
  if (new Set(points.map((p) => p.memoryMB)).size < 2 || points.some((p) => !(p.durationMs > 0))) return null;
  let best: { a: number; b: number; threads: number; sse: number } | null = null;
  for (let threads = 1; threads <= MAX_VCPU; threads++) {
    const x = points.map((p) => 1 / Math.min(vcpuFor(p.memoryMB), threads));
    const { a, b } = weightedLine(x, points.map((p) => p.durationMs));
    const sse = points.reduce((s, p, i) => s + ((a + b * x[i]! - p.durationMs) / p.durationMs) ** 2, 0);
    // Ties (several thread counts fit alike, e.g. all points below 1 vCPU) keep the fewest threads.
    if (best === null || sse < best.sse - 1e-12) best = { a, b, threads, sse };
  }
  const { a, b, threads } = best!;
  const model = (m: number) => a + b / Math.min(vcpuFor(m), threads);
  const durationAtMs = model(atMemoryMB);
  const fitted = points.map((p) => {
    const f = model(p.memoryMB);
    return { memoryMB: p.memoryMB, measuredMs: p.durationMs, fittedMs: f, relativeError: (f - p.durationMs) / p.durationMs };
  });
  const errors = fitted.map((p) => p.relativeError);
  return {
    atMemoryMB,
    durationAtMs,
    cpuBound: durationAtMs > 0 ? b / Math.min(vcpuFor(atMemoryMB), threads) / durationAtMs : 0,
    threads,
    points: fitted,
    rmsRelativeError: Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length),
    maxRelativeError: Math.max(...errors.map(Math.abs)),
  };
}

/** y ≈ a + b·x minimising Σ ((a + b·xᵢ − yᵢ)/yᵢ)² with a, b ≥ 0 (a bound hit: the other refitted alone). */
function weightedLine(x: readonly number[], y: readonly number[]): { a: number; b: number } {
  let sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
  for (let i = 0; i < x.length; i++) {
    const w = 1 / (y[i]! * y[i]!);
    sw += w;
    swx += w * x[i]!;
    swy += w * y[i]!;
    swxx += w * x[i]! * x[i]!;
    swxy += w * x[i]! * y[i]!;
  }
  const det = sw * swxx - swx * swx;
  if (det > 0) {
    const a = (swxx * swy - swx * swxy) / det;
    const b = (sw * swxy - swx * swy) / det;
    if (a >= 0 && b >= 0) return { a, b };
  }
  // On a bound: all CPU (a = 0) or none (b = 0), whichever fits better.
  const onlyB = { a: 0, b: swxx > 0 ? swxy / swxx : 0 };
  const onlyA = { a: swy / sw, b: 0 };
  const err = (p: { a: number; b: number }) => x.reduce((s, xi, i) => s + ((p.a + p.b * xi - y[i]!) / y[i]!) ** 2, 0);
  return err(onlyB) <= err(onlyA) ? onlyB : onlyA;
}
