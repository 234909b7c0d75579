/**
 * Memory → CPU → duration. Lambda allocates CPU in proportion to memory: one vCPU at 1,769 MB, up
 * to 6 vCPU at 10,240 MB (`lambda-limits.json` `function.vcpu`: vcpu = min(memoryMB/1769, 6)).
 * A handler that runs `threads` threads can use at most that many vCPU. Amdahl's law: of a
 * duration measured at `atMemoryMB`, the CPU-bound fraction `cpuBound` scales inversely with the
 * usable CPU and the rest (I/O, waiting on other services) does not change.
 */

/** MB of memory per vCPU (`lambda-limits.json` `function.vcpu.mbPerVcpu`). */
export const MB_PER_VCPU = 1769;
/** Most vCPU a function gets (`lambda-limits.json` `function.vcpu.maxVcpu`). */
export const MAX_VCPU = 6;

/** vCPU share of a function with `memoryMB` of memory. */
export function vcpuFor(memoryMB: number): number {
  return Math.min(memoryMB / MB_PER_VCPU, MAX_VCPU);
}

/**
 * Factor by which a duration measured at `atMemoryMB` is multiplied at `memoryMB`:
 * (1 − cpuBound) + cpuBound · cpu(at) / cpu(memory), with cpu(m) = min(vcpu(m), threads).
 * @example durationFactor(1769, { atMemoryMB: 128, cpuBound: 1, threads: 1 }) // ≈ 0.0724 (128/1769)
 */
export function durationFactor(memoryMB: number, s: { atMemoryMB: number; cpuBound: number; threads: number }): number {
  const usable = (m: number) => Math.min(vcpuFor(m), s.threads);
  return 1 - s.cpuBound + (s.cpuBound * usable(s.atMemoryMB)) / usable(memoryMB);
}
