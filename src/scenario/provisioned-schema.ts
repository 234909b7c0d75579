import { z } from "zod";
import type { ProvisionedPlan } from "../platform/provisioned/provisioned-concurrency.js";
import { durationWithUnit, integer, matching, numberIn, strictObject } from "./leaves.js";
import { ALLOWED } from "./messages.js";
import { jsonHint } from "./json-hints.js";

/*
 * `functions[].provisionedConcurrency`: an integer (fixed), `{ schedule: [{ at: "08:00", value: 50 }, ...] }`
 * (daily, by time of day) or `{ targetTracking: { target: 0.7, min: 1, max: 100 } }`.
 */

/** "HH:MM" → ms since midnight. */
function timeOfDayMs(text: string): number {
  const [h, m] = text.split(":").map(Number);
  return (h! * 60 + m!) * 60_000;
}

const step = strictObject(
  {
    at: matching(ALLOWED.timeOfDay, /^([01]\d|2[0-3]):[0-5]\d$/),
    value: integer(ALLOWED.provisionedCount, 0),
  },
  ALLOWED.scheduleStep,
);

const schedule = strictObject(
  { schedule: z.array(step, { error: ALLOWED.schedule }).min(1, { error: ALLOWED.schedule }) },
  ALLOWED.provisionedConcurrency,
)
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.schedule.forEach((s, i) => {
      if (seen.has(s.at)) ctx.addIssue({ code: "custom", path: ["schedule", i, "at"], message: `${ALLOWED.timeOfDay}, each used once` });
      seen.add(s.at);
    });
  })
  .transform(
    (o): ProvisionedPlan => ({
      kind: "schedule",
      steps: o.schedule.map((s) => ({ atMsOfDay: timeOfDayMs(s.at), count: s.value })).sort((a, b) => a.atMsOfDay - b.atMsOfDay),
    }),
  );

/** Whole minutes, as the 1-minute alarm data points count them. */
const minutes = (allowed: string) => durationWithUnit(allowed, (ms) => ms >= 60_000 && ms <= 86_400_000 && ms % 60_000 === 0);

const targetTracking = strictObject(
  {
    targetTracking: strictObject(
      {
        target: numberIn(ALLOWED.utilizationTarget, 0.01, 1).optional(),
        min: integer(ALLOWED.trackingMin, 1),
        max: integer(ALLOWED.trackingMax, 1),
        scaleOutAfter: minutes(ALLOWED.alarmMinutes).optional(),
        scaleInAfter: minutes(ALLOWED.alarmMinutes).optional(),
      },
      ALLOWED.targetTracking,
    ).superRefine((o, ctx) => {
      if (o.max < o.min) ctx.addIssue({ code: "custom", path: ["max"], message: `${ALLOWED.trackingMax}, at least min (${o.min})` });
    }),
  },
  ALLOWED.provisionedConcurrency,
).transform(
  ({ targetTracking: t }): ProvisionedPlan => ({
    kind: "targetTracking",
    // AWS's documented example target (Lambda "Configuring provisioned concurrency", TargetValue 0.7).
    target: t.target ?? 0.7,
    min: t.min,
    max: t.max,
    // Application Auto Scaling's alarms: 3 one-minute points above target to scale out, 15 below to
    // scale in (G. Mao, "Understanding Lambda Provisioned Concurrency AutoScaling", 2020).
    scaleOutPoints: (t.scaleOutAfter ?? 180_000) / 60_000,
    scaleInPoints: (t.scaleInAfter ?? 900_000) / 60_000,
  }),
);

const fixed = integer(ALLOWED.provisionedConcurrency, 0).transform((count): ProvisionedPlan => ({ kind: "fixed", count }));

/**
 * The `provisionedConcurrency` field, parsed to a ProvisionedPlan. The form is chosen by the value's
 * shape first (a number, `schedule`, `targetTracking`), so that an error inside a schedule keeps its
 * own path instead of collapsing into "none of the forms matched".
 */
const provisionedInput = jsonHint(z.unknown(), { json: (render) => render(z.union([fixed, schedule, targetTracking])) });
export const provisionedSchema = provisionedInput.transform((value, ctx): ProvisionedPlan => {
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  const form =
    typeof value === "number" ? fixed : isObject && "schedule" in value ? schedule : isObject && "targetTracking" in value ? targetTracking : null;
  if (form === null) {
    ctx.addIssue({ code: "custom", message: ALLOWED.provisionedConcurrency, input: value });
    return z.NEVER;
  }
  const parsed = form.safeParse(value);
  if (parsed.success) return parsed.data;
  // Forward the form's own issues unchanged (paths are relative to this field).
  for (const issue of parsed.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
});

/** The most environments a plan can ask for (what reserved concurrency and the account must allow). */
export function provisionedMax(plan: ProvisionedPlan): number {
  switch (plan.kind) {
    case "fixed":
      return plan.count;
    case "schedule":
      return Math.max(...plan.steps.map((s) => s.count));
    case "targetTracking":
      return plan.max;
  }
}
