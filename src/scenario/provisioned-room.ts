import type { SimConfig } from "../platform/config.js";
import { LIMITS } from "./defaults.js";
import type { Checked } from "./issues.js";
import { ALLOWED } from "./messages.js";
import { provisionedMax } from "./provisioned-schema.js";

/**
 * The most provisioned concurrency function `index` of a resolved scenario may be given without
 * `run` refusing the scenario (the rules of resolve.ts's provisionedIssues): none with SnapStart, at
 * most its reserved concurrency, and what all functions set aside (the larger of reserved and
 * provisioned, each) must leave 100 unreserved (lambda-limits.json concurrency.unreservedMinimum).
 * An issue (with the field path) when there is nothing to tune: SnapStart, or no room at all.
 */
export function provisionedRoom(sim: SimConfig, index: number): Checked<number> {
  const f = sim.functions[index]!;
  const path = `functions[${index}]`;
  if (f.snapStart) {
    return { ok: false, issues: [{ path: `${path}.snapStart`, value: true, allowed: `false to tune provisioned concurrency: ${ALLOWED.snapStartProvisioned.replace(/^0 or nothing with snapStart: true /, "")}` }] };
  }
  const reservable = Math.max(0, sim.account.concurrencyLimit - LIMITS.unreservedMinimum);
  const others = sim.functions.reduce((sum, g, i) => (i === index ? sum : sum + Math.max(g.reservedConcurrency ?? 0, provisionedMax(g.provisioned))), 0);
  // With reserved concurrency the function's share is already set aside, and PC may fill it; without, PC takes from the unreserved room.
  const room = f.reservedConcurrency !== null ? f.reservedConcurrency : reservable - others;
  if (room >= 1) return { ok: true, value: room };
  const why =
    f.reservedConcurrency === 0
      ? "a reserved concurrency of at least 1: provisioned concurrency cannot exceed the function's reserved concurrency (0)"
      : `room for at least 1 provisioned environment: the account's concurrencyLimit ${sim.account.concurrencyLimit} minus the ${LIMITS.unreservedMinimum} that must stay unreserved is all set aside by the other functions (${others})`;
  return { ok: false, issues: [{ path: f.reservedConcurrency === 0 ? `${path}.reservedConcurrency` : "account.concurrencyLimit", value: f.reservedConcurrency === 0 ? 0 : sim.account.concurrencyLimit, allowed: why }] };
}
