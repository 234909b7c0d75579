import { FRONT_DOORS, billedMsFromAverage, type BillOptions, type FrontDoor, type LambdaUsage, type PriceCatalog } from "../pricing/index.js";
import { LIMITS } from "../scenario/defaults.js";
import { parseDurationMs, type Checked, type Issue } from "../scenario/index.js";
import { parseCount } from "./count.js";

/** Flags of `lambdasim price`, as commander hands them over (strings until checked). */
export interface PriceFlags {
  requests?: string;
  duration?: string;
  memory?: string;
  arch: string;
  ephemeral?: string;
  coldStarts?: string;
  init?: string;
  freeTier: boolean;
  pc?: string;
  pcHours?: string;
  pcRequests?: string;
  pcDuration?: string;
  monthHours?: string;
  frontDoor: string;
  savingsPlan?: string;
  snapstartRestores?: string;
  snapstartHours?: string;
  /** A price file over the bundled catalog (the `pricing.catalog` format). */
  catalog?: string;
  /** Region priced: one with a bundled catalog, or any with --catalog (default us-east-1). */
  region?: string;
  json: boolean;
}

/** What a checked `lambdasim price` command line asks for: a month's usage and the bill options. */
export interface PriceRequest {
  usage: LambdaUsage;
  options: BillOptions;
}

const ARCHITECTURES = ["x86_64", "arm64"] as const;

/** Hours in the shortest and longest calendar months (28 and 31 days). */
const MONTH_HOURS_RANGE = [28 * 24, 31 * 24] as const;

/**
 * The usage and options of a `lambdasim price` command line, or every issue with it (path = the flag).
 * `--requests` counts all requests; `--pc-requests` of them ran on provisioned concurrency, the rest on
 * on-demand environments for `--duration` each (billed rounded up to 1 ms).
 */
export function priceRequest(flags: PriceFlags, catalog: PriceCatalog): Checked<PriceRequest> {
  const issues: Issue[] = [];
  const L = catalog.lambda;
  const bad = (path: string, value: unknown, allowed: string) => {
    issues.push({ path, value, allowed });
    return undefined;
  };
  const count = (path: string, text: string | undefined, required: boolean): number | undefined => {
    const allowed = "a whole number >= 0, optionally with k, M or B (500k, 3M, 1.5B)";
    if (text === undefined) return required ? bad(path, undefined, allowed) : undefined;
    const n = parseCount(text);
    if (n === undefined) return bad(path, text, allowed);
    if (!(n >= 0) || !Number.isInteger(n)) return bad(path, text, allowed);
    return n;
  };
  const duration = (path: string, text: string | undefined, required: boolean): number | undefined => {
    const allowed = `a duration 0ms..${LIMITS.timeoutMs.max / 1000}s with a unit (120ms, 1.5s)`;
    if (text === undefined) return required ? bad(path, undefined, allowed) : undefined;
    const ms = parseDurationMs(text);
    if (ms === undefined) return bad(path, text, allowed);
    if (!(ms >= 0 && ms <= LIMITS.timeoutMs.max)) return bad(path, text, allowed);
    return ms;
  };
  const number = (path: string, text: string | undefined, lo: number, hi: number, allowed: string, integer = false): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text.trim());
    if (text.trim() === "" || !Number.isFinite(n)) return bad(path, text, allowed);
    if (n < lo || n > hi || (integer && !Number.isInteger(n))) return bad(path, n, allowed);
    return n;
  };

  const [memLo, memHi] = L.memoryRangeMB.value;
  const memoryMB = number("--memory", flags.memory, memLo, memHi, `an integer ${memLo}..${memHi} (MB)`, true);
  if (flags.memory === undefined) bad("--memory", undefined, `an integer ${memLo}..${memHi} (MB)`);
  const arch = flags.arch;
  if (!(ARCHITECTURES as readonly string[]).includes(arch)) bad("--arch", arch, ARCHITECTURES.join(" or "));
  const requests = count("--requests", flags.requests, true);
  const durationMs = duration("--duration", flags.duration, true);
  const [ephLo, ephHi] = L.ephemeralStorage.rangeMB.value;
  const ephemeralStorageMB = number("--ephemeral", flags.ephemeral, ephLo, ephHi, `an integer ${ephLo}..${ephHi} (MB)`, true);
  const frontDoor = flags.frontDoor;
  if (!(FRONT_DOORS as readonly string[]).includes(frontDoor)) bad("--front-door", frontDoor, FRONT_DOORS.join(" | "));
  const spMax = L.savingsPlanMaxDiscount.value;
  const savingsPlan = number("--savings-plan", flags.savingsPlan, 0, spMax, `a fraction 0..${spMax} (the largest Compute Savings Plan discount on Lambda)`);

  const monthHoursDefault = catalog.monthHours.value;
  const [mhLo, mhHi] = MONTH_HOURS_RANGE;
  const monthHours = number("--month-hours", flags.monthHours, mhLo, mhHi, `hours in the billing month, ${mhLo}..${mhHi}`) ?? monthHoursDefault;
  const hoursAllowed =
    flags.monthHours === undefined
      ? `hours 0..${monthHours} (a ${monthHoursDefault}-hour month; pass --month-hours for a longer one)`
      : `hours 0..${monthHours} (--month-hours)`;

  // INIT of on-demand cold starts: a count and the INIT duration of each.
  const coldStarts = count("--cold-starts", flags.coldStarts, false);
  const initMs = duration("--init", flags.init, false);
  if ((flags.coldStarts === undefined) !== (flags.init === undefined)) {
    const missing = flags.coldStarts === undefined ? "--cold-starts" : "--init";
    bad(missing, undefined, "both --cold-starts and --init (the INIT duration of each cold start), or neither");
  }

  // Provisioned concurrency.
  let pc: number | undefined, pcHours: number | undefined, pcRequests: number | undefined, pcDurationMs: number | undefined;
  if (flags.pc === undefined) {
    for (const [flag, text] of [["--pc-hours", flags.pcHours], ["--pc-requests", flags.pcRequests], ["--pc-duration", flags.pcDuration]] as const) {
      if (text !== undefined) bad(flag, text, "only with --pc (provisioned environments)");
    }
  } else {
    pc = count("--pc", flags.pc, true);
    pcHours = number("--pc-hours", flags.pcHours, 0, monthHours, hoursAllowed);
    if (flags.pcHours === undefined) bad("--pc-hours", undefined, hoursAllowed + ", required with --pc");
    pcRequests = count("--pc-requests", flags.pcRequests, false);
    pcDurationMs = duration("--pc-duration", flags.pcDuration, (pcRequests ?? 0) > 0);
  }
  if (requests !== undefined && pcRequests !== undefined && pcRequests > requests) {
    bad("--pc-requests", pcRequests, `a count up to --requests (${requests}): --requests counts all requests`);
  }

  // SnapStart.
  const restores = count("--snapstart-restores", flags.snapstartRestores, false);
  const snapHours = number("--snapstart-hours", flags.snapstartHours, 0, monthHours, hoursAllowed);
  if (flags.snapstartHours !== undefined && flags.snapstartRestores === undefined) {
    bad("--snapstart-restores", undefined, "a count of snapshot restores, required with --snapstart-hours");
  }

  if (issues.length > 0 || memoryMB === undefined || requests === undefined || durationMs === undefined) {
    return { ok: false, issues };
  }
  const onDemandRequests = requests - (pcRequests ?? 0);
  if (coldStarts !== undefined && coldStarts > onDemandRequests) {
    return { ok: false, issues: [{ path: "--cold-starts", value: coldStarts, allowed: `a count up to the on-demand requests (${onDemandRequests})` }] };
  }
  const usage: LambdaUsage = {
    architecture: arch as LambdaUsage["architecture"],
    memoryMB,
    requests: onDemandRequests,
    billedMs: billedMsFromAverage(onDemandRequests, durationMs, catalog),
  };
  if (coldStarts !== undefined && initMs !== undefined) usage.initBilledMs = billedMsFromAverage(coldStarts, initMs, catalog);
  if (ephemeralStorageMB !== undefined) usage.ephemeralStorageMB = ephemeralStorageMB;
  if (pc !== undefined && pcHours !== undefined) {
    const served = pcRequests ?? 0;
    usage.provisioned = {
      allocations: [{ concurrency: pc, seconds: pcHours * 3600 }],
      requests: served,
      billedMs: billedMsFromAverage(served, pcDurationMs ?? 0, catalog),
    };
  }
  if (restores !== undefined) usage.snapStart = { activeSeconds: (snapHours ?? monthHours) * 3600, restores };
  const options: BillOptions = { freeTier: flags.freeTier, frontDoor: frontDoor as FrontDoor };
  if (savingsPlan !== undefined) options.savingsPlan = savingsPlan;
  return { ok: true, value: { usage, options } };
}
