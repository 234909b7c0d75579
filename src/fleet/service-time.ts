import { MAX_VCPU, vcpuFor } from "../platform/environments/duration-scaling.js";
import type { FleetConfig, FleetWorkload } from "./config.js";

/**
 * Factor by which the function's `duration` distribution (as written) is multiplied on one slot of a
 * fleet instance. Amdahl as in platform/environments/duration-scaling.ts: the CPU-bound fraction `cpuBound` of a
 * duration measured at `atMemoryMB` scales with the CPU a request gets; the rest does not change.
 * A request on a fleet gets vcpu / slots of the instance, of which it uses at most `threads` (no 6-vCPU
 * cap: that is Lambda's). Without `atMemoryMB`/`cpuBound` the scenario
 * says nothing about CPU, and durations are used unchanged (factor 1).
 * @example fleetDurationFactor({ memoryMB: 512, durationScaling: { atMemoryMB: 1769, cpuBound: 1, threads: 1 }, name: "f" }, { vcpu: 2, slots: 4 }) // 2: half a vCPU per slot
 */
export function fleetDurationFactor(fn: FleetWorkload, fleet: Pick<FleetConfig, "vcpu" | "slots">): number {
  const s = fn.durationScaling;
  if (s === null) return 1;
  const lambdaCpu = Math.min(vcpuFor(s.atMemoryMB), MAX_VCPU, s.threads);
  const fleetCpu = Math.min(fleet.vcpu / fleet.slots, s.threads);
  return 1 - s.cpuBound + (s.cpuBound * lambdaCpu) / fleetCpu;
}
