import type { CostBreakdown } from "../platform/result.js";
import type { LambdaBill } from "./lambda-bill.js";
import { sumCents } from "./money.js";

/** A bill grouped as result.json's `cost.window` / `cost.monthly` (DESIGN.md "Result format"), in dollars. */
export type CostSummary = CostBreakdown;

/** The result.json grouping of a bill's rounded line items; `total` is the bill's total (other lines included). */
export function costSummary(bill: LambdaBill): CostSummary {
  const l = (k: string) => bill.lineItems[k] ?? 0;
  return {
    requests: l("requests"),
    compute: sumCents([l("compute"), l("provisionedDuration")]),
    init: l("init"),
    provisioned: l("provisioned"),
    ephemeralStorage: l("ephemeralStorage"),
    snapStart: sumCents([l("snapStartCache"), l("snapStartRestore")]),
    frontDoor: l("frontDoor"),
    total: bill.total,
  };
}
