/**
 * The task sizes Fargate accepts: for each vCPU value, the memory sizes in GB (a range and its step).
 * Amazon ECS Developer Guide, "Task CPU and memory" for Fargate (not in data/reference/).
 */
export const FARGATE_SIZES: ReadonlyArray<{ vcpu: number; minGB: number; maxGB: number; stepGB: number; extraGB?: number }> = [
  { vcpu: 0.25, minGB: 1, maxGB: 2, stepGB: 1, extraGB: 0.5 },
  { vcpu: 0.5, minGB: 1, maxGB: 4, stepGB: 1 },
  { vcpu: 1, minGB: 2, maxGB: 8, stepGB: 1 },
  { vcpu: 2, minGB: 4, maxGB: 16, stepGB: 1 },
  { vcpu: 4, minGB: 8, maxGB: 30, stepGB: 1 },
  { vcpu: 8, minGB: 16, maxGB: 60, stepGB: 4 },
  { vcpu: 16, minGB: 32, maxGB: 120, stepGB: 8 },
];

/** Whether Fargate offers a task of `vcpu` vCPU with `memoryGB` GB. */
export function isFargateSize(vcpu: number, memoryGB: number): boolean {
  const s = FARGATE_SIZES.find((x) => x.vcpu === vcpu);
  if (s === undefined) return false;
  if (s.extraGB === memoryGB) return true;
  return memoryGB >= s.minGB && memoryGB <= s.maxGB && (memoryGB - s.minGB) % s.stepGB === 0;
}

/** The memory sizes of `vcpu` as text, e.g. "2..8 GB in steps of 1"; "" for a vCPU value Fargate lacks. */
export function fargateMemoryText(vcpu: number): string {
  const s = FARGATE_SIZES.find((x) => x.vcpu === vcpu);
  if (s === undefined) return "";
  return `${s.extraGB !== undefined ? `${s.extraGB}, ` : ""}${s.minGB}..${s.maxGB} GB in steps of ${s.stepGB}`;
}
