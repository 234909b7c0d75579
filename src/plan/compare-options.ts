import type { ComparePoint, FleetMonthly, FleetSide, LambdaMonthly } from "../parallel/compare-point.js";
import type { ManagedMonthly, ManagedSide } from "../parallel/managed-side.js";
import { optionName } from "../report/compare-document.js";
import { formatObjective } from "../report/slo-verdicts.js";
import { formatUsd } from "../report/format.js";
import { sloVerdicts, type Slo, type SloVerdict } from "../report/slo-verdicts.js";

/** One option of a comparison at one traffic level: what it costs a month, itemised, and whether it meets the SLO. */
export interface CompareOption {
  /** "Lambda", "EC2 m7g.large", "Fargate 1 vCPU / 2 GB", "LMI m7g.xlarge" (Lambda Managed Instances). */
  option: string;
  kind: "lambda" | "ec2" | "fargate" | "managed";
  /**
   * USD per month: Lambda's `function`, `frontDoor`, `natGateway`; a fleet's `instances`, `loadBalancer`, `natGateway`;
   * LMI's `instances`, `managementFee`, `requests`, `frontDoor`, `natGateway`; and `total`.
   */
  monthlyCost: LambdaMonthly | FleetMonthly | ManagedMonthly;
  latencyMs: { p50: number | null; p99: number | null };
  /** Every objective met: true; one missed: false; no SLO, or no data to judge one: null. */
  meetsSlo: boolean | null;
  verdicts: SloVerdict[];
}

/** The answer of `compare`: the cheapest option that meets the SLO, or none (then `option` and `monthlyCost` are null). */
export interface CompareRecommendation {
  option: string | null;
  monthlyCost: number | null;
  reason: string;
}

/** Whether verdicts meet an SLO: null without objectives or when one has no data, else every one passed. */
export function meetsAll(verdicts: readonly SloVerdict[]): boolean | null {
  if (verdicts.length === 0) return null;
  if (verdicts.some((v) => v.pass === false)) return false;
  return verdicts.every((v) => v.pass === true) ? true : null;
}

/**
 * Lambda, each fleet and LMI of a point as options judged against `slo`. A fleet is judged like a function:
 * p99 of wait plus service, its rejected requests (a full queue) as throttles, and no cold-start rate
 * (0: no request waits for an instance to start; a scale-out shows as queueing in its latency).
 */
export function compareOptions(point: ComparePoint, slo: Slo | null): CompareOption[] {
  const l = point.lambda;
  const lambdaVerdicts = sloVerdicts(slo, { latencyMs: { p99: l.latencyMs.p99 }, coldStartRate: l.coldStartRate, throttleRate: l.throttleRate });
  const options: CompareOption[] = [
    { option: "Lambda", kind: "lambda", monthlyCost: l.monthly, latencyMs: { p50: l.latencyMs.p50, p99: l.latencyMs.p99 }, meetsSlo: meetsAll(lambdaVerdicts), verdicts: lambdaVerdicts },
  ];
  for (const f of [point.ec2, point.fargate]) {
    if (f !== null) options.push(fleetOption(f, slo));
  }
  if (point.managed) options.push(managedOption(point.managed, slo));
  return options;
}

/** LMI judged like a function: its p99, its cold-start rate (none on the request path) and its throttles while every environment is saturated. */
function managedOption(m: ManagedSide, slo: Slo | null): CompareOption {
  const verdicts = sloVerdicts(slo, { latencyMs: { p99: m.latencyMs.p99 }, coldStartRate: m.coldStartRate, throttleRate: m.throttleRate });
  return { option: m.label, kind: "managed", monthlyCost: m.monthly, latencyMs: { p50: m.latencyMs.p50, p99: m.latencyMs.p99 }, meetsSlo: meetsAll(verdicts), verdicts };
}

function fleetOption(f: FleetSide, slo: Slo | null): CompareOption {
  const r = f.result;
  const verdicts = sloVerdicts(slo, { latencyMs: { p99: r.latencyMs.p99 }, coldStartRate: r.invocations > 0 ? 0 : null, throttleRate: r.invocations > 0 ? r.rejected / r.invocations : null });
  return { option: optionName(f), kind: r.kind, monthlyCost: f.monthly, latencyMs: { p50: r.latencyMs.p50, p99: r.latencyMs.p99 }, meetsSlo: meetsAll(verdicts), verdicts };
}

/**
 * The cheapest option that meets every objective (ties: the first, Lambda before the fleets); without an
 * SLO, the cheapest. When none meets it, no option, and the reason names what each one missed.
 */
export function recommendOption(options: readonly CompareOption[], slo: Slo | null): CompareRecommendation {
  const judged = slo !== null && Object.keys(slo).length > 0;
  const eligible = options.filter((o) => !judged || o.meetsSlo === true);
  if (eligible.length === 0) {
    const why = options.map((o) => `${o.option} ${missedWords(o)}`).join("; ");
    return { option: null, monthlyCost: null, reason: `no option meets the SLO: ${why}` };
  }
  const best = eligible.reduce((a, b) => (b.monthlyCost.total < a.monthlyCost.total ? b : a));
  const dearer = options.filter((o) => o !== best && o.monthlyCost.total < best.monthlyCost.total);
  let reason = judged ? "the cheapest option that meets every objective of the SLO" : "the cheapest option (the scenario has no SLO, so latency and throttling were not judged)";
  if (dearer.length > 0) reason += `; cheaper but missing it: ${dearer.map((o) => `${o.option} (${formatUsd(o.monthlyCost.total)}, ${missedWords(o)})`).join(", ")}`;
  return { option: best.option, monthlyCost: best.monthlyCost.total, reason };
}

/** "misses p99LatencyMs (838 ms against 800 ms)" or "has no data for maxColdStartRate". */
function missedWords(o: CompareOption): string {
  const missed = o.verdicts.filter((v) => v.pass === false);
  if (missed.length > 0) return `misses ${missed.map((v) => `${v.objective} (${formatObjective(v.objective, v.actual)} against ${formatObjective(v.objective, v.target)})`).join(", ")}`;
  return `has no data for ${o.verdicts.filter((v) => v.pass === null).map((v) => v.objective).join(", ")}`;
}
