/*
 * Generates src/pricing/catalog/us-east-1.ts, the dated and sourced price catalog, from
 * data/reference/aws-pricing.json, network-costs.json (load balancer, NAT gateway) and
 * ec2-instances-us-east-1.json (98 EC2 instance types). Run `npm run catalog:prices` after the reference changes;
 * test/pricing/catalog.test.ts regenerates the module and fails when the committed one differs.
 * Every entry keeps the dotted key it was copied from (`ref`) and the reference's source text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CatalogSource, Ec2InstancePrice, NetworkPrices, PriceCatalog, Sourced, TierTable } from "../src/pricing/catalog/types.js";

type Json = Record<string, unknown>;

/** The node at a dotted key such as `lambda.requests.pricePerMillion`; throws when the reference (`file`) lacks it. */
function at(root: Json, ref: string, file = "aws-pricing.json"): Json {
  let node: unknown = root;
  for (const key of ref.split(".")) {
    if (node === null || typeof node !== "object" || !(key in node)) throw new Error(`${file} has no ${ref}`);
    node = (node as Json)[key];
  }
  return node as Json;
}

/** A `{ value, unit, source }` reference entry as a catalog entry that remembers its key. */
function sourced<T>(root: Json, ref: string, unit?: string): Sourced<T> {
  const node = at(root, ref);
  if (!("value" in node)) throw new Error(`aws-pricing.json ${ref} has no value`);
  return { value: node.value as T, unit: unit ?? String(node.unit), ref, source: String(node.source) };
}

/** `lambda.requests.asyncEventRequestAccounting` as three sourced numbers (the catalog-file format takes numbers, not objects). */
function asyncPayload(r: Json): PriceCatalog["lambda"]["asyncPayload"] {
  const ref = "lambda.requests.asyncEventRequestAccounting";
  const node = at(r, ref);
  const part = (key: string, unit: string): Sourced => {
    const v = (node.value as Json)[key];
    if (typeof v !== "number") throw new Error(`aws-pricing.json ${ref}.value.${key} is not a number`);
    return { value: v, unit, ref: `${ref}.value.${key}`, source: String(node.source) };
  };
  return {
    includedKB: part("firstKB", "KB of an async event billed as one request"),
    extraChunkKB: part("extraRequestPerKB", "KB per extra request beyond includedKB"),
    maxKB: part("maxKB", "KB, the largest async event"),
  };
}

/** A reference file's source list as catalog sources; a source kept in a repository gets its GitHub address at the commit. */
function catalogSources(list: Record<string, Json>): Record<string, CatalogSource> {
  return Object.fromEntries(
    Object.entries(list)
      .filter(([, s]) => s !== null && typeof s === "object")
      .map(([k, s]) => {
        if (s.url === undefined && (s.repo === undefined || s.commit === undefined || s.path === undefined)) throw new Error(`source ${k} has neither url nor repo, commit and path`);
        const url = s.url !== undefined ? String(s.url) : `https://github.com/${String(s.repo)}/blob/${String(s.commit)}/${String(s.path)}`;
        return [k, { title: String(s.title), url, ...(s.date === undefined ? {} : { date: String(s.date) }), ...(s.reads === undefined ? {} : { reads: String(s.reads) }) }];
      }),
  );
}

/** The network-costs.json reference: ALB and NAT gateway rates, each keyed `network-costs.json:<key>`. */
function networkPrices(n: Json): NetworkPrices {
  const file = "network-costs.json";
  const entry = (ref: string): Sourced => {
    const node = at(n, ref, file);
    if (typeof node.value !== "number") throw new Error(`${file} ${ref} has no numeric value`);
    return { value: node.value, unit: String(node.unit), ref: `${file}:${ref}`, source: String(node.source) };
  };
  const dims = at(n, "applicationLoadBalancer.lcuDimensions", file);
  const dim = (key: string, unit: string): Sourced => {
    const value = (dims.value as Json)[key];
    if (typeof value !== "number") throw new Error(`${file} applicationLoadBalancer.lcuDimensions.value.${key} is not a number`);
    return { value, unit, ref: `${file}:applicationLoadBalancer.lcuDimensions.value.${key}`, source: String(dims.source) };
  };
  return {
    compiled: String(n.compiled),
    generatedFrom: `data/reference/${file}`,
    applicationLoadBalancer: {
      hourly: entry("applicationLoadBalancer.hourly"),
      lcuHourly: entry("applicationLoadBalancer.lcuHourly"),
      lcuDimensions: {
        newConnectionsPerSecond: dim("newConnectionsPerSecond", "new connections per second per LCU"),
        activeConnectionsPerMinute: dim("activeConnectionsPerMinute", "active connections per minute per LCU"),
        processedGBPerHourEc2Targets: dim("processedGBPerHourEc2Targets", "GB processed per hour per LCU (EC2, IP and container targets)"),
        ruleEvaluationsPerSecond: dim("ruleEvaluationsPerSecond", "rule evaluations per second per LCU"),
        freeRuleEvaluationsPerRequest: dim("freeRuleEvaluationsPerRequest", "rule evaluations per request not counted"),
      },
      note: String(dims.note),
    },
    natGateway: {
      hourly: entry("natGateway.hourly"),
      perGbProcessed: entry("natGateway.perGbProcessed"),
      note: String(at(n, "natGateway", file).note),
    },
  };
}

/** A reference tier list as a catalog tier table. */
function tiers(root: Json, ref: string, fromKey: string, toKey: string, priceKey: string, quantityUnit: string, priceUnit: string): TierTable {
  const list = at(root, ref) as unknown as Json[];
  return {
    quantityUnit,
    priceUnit,
    ref,
    tiers: list.map((t) => ({
      from: t[fromKey] as number,
      to: (t[toKey] as number | null) ?? null,
      price: t[priceKey] as number,
      source: String(t.source),
    })),
  };
}

/** Decimal places a reference number was written with (0.0893 → 4). */
function decimals(x: number): number {
  const m = /\.(\d+)$/.exec(String(x));
  return m === null ? 0 : m[1]!.length;
}

/**
 * The EC2 instance types: every type of ec2-instances-us-east-1.json (prices E1, shapes E2), then the
 * types only aws-pricing.json lists (P7), so no scenario loses a type it could use. Where both files
 * list a type they must agree: same architecture, vCPU and memory, and prices equal to the precision
 * aws-pricing.json was transcribed at (its P7 is "as transcribed", e.g. c7i.large 0.0893 for E1's
 * Price List 0.08925); the Price List value is kept. Throws on any other disagreement.
 */
function ec2Instances(r: Json, e: Json): Record<string, Ec2InstancePrice> {
  const file = "ec2-instances-us-east-1.json";
  const listed = at(r, "ec2.instances") as Record<string, Json>;
  const types = at(e, "instances", file) as Record<string, Json>;
  const out: Record<string, Ec2InstancePrice> = {};
  for (const [name, i] of Object.entries(types)) {
    const architecture = i.architecture;
    if (architecture !== "x86_64" && architecture !== "arm64") throw new Error(`${file} ${name}: architecture ${String(architecture)}`);
    for (const k of ["vcpu", "memoryGiB", "onDemandHourly"]) {
      if (typeof i[k] !== "number" || !((i[k] as number) > 0)) throw new Error(`${file} ${name}: ${k} ${String(i[k])} is not a positive number`);
    }
    const price = i.onDemandHourly as number;
    const other = listed[name];
    let note = String(e.source);
    if (other !== undefined) {
      const tolerance = 0.5 * 10 ** -decimals(other.onDemandHourly as number) + 1e-12;
      const differs: string[] = [];
      if (other.architecture !== architecture) differs.push(`architecture ${String(other.architecture)} vs ${architecture}`);
      if (other.vcpu !== i.vcpu) differs.push(`vcpu ${String(other.vcpu)} vs ${String(i.vcpu)}`);
      if (other.memoryGiB !== i.memoryGiB) differs.push(`memoryGiB ${String(other.memoryGiB)} vs ${String(i.memoryGiB)}`);
      if (!(Math.abs((other.onDemandHourly as number) - price) <= tolerance)) differs.push(`onDemandHourly ${String(other.onDemandHourly)} vs ${price}`);
      if (differs.length > 0) throw new Error(`EC2 ${name}: aws-pricing.json and ${file} disagree: ${differs.join("; ")}`);
      note = `${note}; agrees with aws-pricing.json ec2.instances["${name}"] (${String(other.source)}${other.onDemandHourly === price ? "" : ` ${String(other.onDemandHourly)} as transcribed`})${other.note === undefined ? "" : `; ${String(other.note)}`}`;
    }
    out[name] = {
      architecture,
      vcpu: i.vcpu as number,
      memoryGiB: i.memoryGiB as number,
      onDemandHourly: { value: price, unit: "USD per instance-hour, Linux, On-Demand", ref: `${file}:instances["${name}"].onDemandHourly`, source: "E1" },
      note,
    };
  }
  for (const [name, i] of Object.entries(listed)) {
    if (name in out) continue;
    out[name] = {
      architecture: i.architecture as "x86_64" | "arm64",
      vcpu: i.vcpu as number,
      memoryGiB: i.memoryGiB as number,
      onDemandHourly: { value: i.onDemandHourly as number, unit: String(i.unit), ref: `ec2.instances["${name}"].onDemandHourly`, source: String(i.source) },
      note: i.note === undefined ? "" : String(i.note),
    };
  }
  return out;
}

/** The catalog for the reference's region, from the repository's data folder (`dataDir` = `data/`). */
export function computePriceCatalog(dataDir: string): PriceCatalog {
  const read = (file: string) => JSON.parse(readFileSync(join(dataDir, "reference", file), "utf8")) as Json;
  const r = read("aws-pricing.json");
  const network = read("network-costs.json");
  const ec2 = read("ec2-instances-us-east-1.json");
  for (const [file, ref] of [["network-costs.json", network], ["ec2-instances-us-east-1.json", ec2]] as const) {
    if (ref.region !== r.region) throw new Error(`${file} is for ${String(ref.region)}, aws-pricing.json for ${String(r.region)}`);
  }
  const lists = [at(r, "sources"), at(network, "sources", "network-costs.json"), at(ec2, "sources", "ec2-instances-us-east-1.json")] as Record<string, Json>[];
  const sources: Record<string, Json> = {};
  for (const list of lists) {
    for (const [k, s] of Object.entries(list)) {
      if (k in sources) throw new Error(`two reference files name a source ${k}`);
      sources[k] = s;
    }
  }
  const pc = (arch: string) => ({
    concurrencyPricePerGbSecond: sourced<number>(r, `lambda.provisionedConcurrency.${arch}.concurrencyPricePerGbSecond`),
    durationPricePerGbSecond: sourced<number>(r, `lambda.provisionedConcurrency.${arch}.durationPricePerGbSecond`),
  });
  const gbsTiers = (arch: string) =>
    tiers(r, `lambda.duration.${arch}.tiers`, "fromGbSeconds", "toGbSeconds", "pricePerGbSecond", "GB-s per month", "USD per GB-s");
  const apiTiers = (api: string) =>
    tiers(r, `apiGateway.${api}.tiers`, "fromRequests", "toRequests", "pricePerMillion", "API calls per month", "USD per 1,000,000 calls");
  const appliesToPc = sourced<boolean>(r, "lambda.freeTier.appliesToProvisionedConcurrency");
  return {
    region: String(r.region),
    currency: String(r.currency),
    compiled: String(r.compiled),
    generatedFrom: "data/reference/aws-pricing.json",
    sources: catalogSources(sources),
    monthHours: { value: at(r, "conventions").monthHours as number, unit: "hours per month", ref: "conventions.monthHours", source: String(at(r, "conventions").source) },
    lambda: {
      requestsPricePerMillion: sourced(r, "lambda.requests.pricePerMillion"),
      asyncPayload: asyncPayload(r),
      duration: { x86_64: gbsTiers("x86_64"), arm64: gbsTiers("arm64") },
      mbPerGb: sourced(r, "lambda.duration.gbDefinition"),
      memoryRangeMB: sourced(r, "lambda.duration.memoryRangeMB"),
      billingGranularityMs: sourced(r, "lambda.duration.billingGranularityMs"),
      freeTier: {
        requestsPerMonth: sourced(r, "lambda.freeTier.requestsPerMonth"),
        gbSecondsPerMonth: sourced(r, "lambda.freeTier.gbSecondsPerMonth"),
        responseStreamingGbPerMonth: sourced(r, "lambda.freeTier.responseStreamingGBPerMonth"),
        appliesToProvisionedConcurrency: { ...appliesToPc, note: String(at(r, "lambda.freeTier.appliesToProvisionedConcurrency").note) },
      },
      initBilledSince: sourced(r, "lambda.initPhaseBilling.onDemandZipManagedRuntimeBilledSince"),
      provisioned: {
        x86_64: pc("x86_64"),
        arm64: pc("arm64"),
        meteringRoundingMinutes: sourced(r, "lambda.provisionedConcurrency.meteringRoundingMinutes"),
      },
      ephemeralStorage: {
        pricePerGbSecond: sourced(r, "lambda.ephemeralStorage.pricePerGbSecond"),
        freeMB: sourced(r, "lambda.ephemeralStorage.freeMB"),
        rangeMB: sourced(r, "lambda.ephemeralStorage.rangeMB"),
      },
      snapStart: {
        cachePricePerGbSecond: sourced(r, "lambda.snapStart.cachePricePerGbSecond"),
        cacheMinimumHours: sourced(r, "lambda.snapStart.cacheMinimumHours"),
        restorePricePerGb: sourced(r, "lambda.snapStart.restorePricePerGb"),
      },
      responseStreaming: {
        pricePerGb: sourced(r, "lambda.responseStreaming.pricePerGb"),
        freeMBPerRequest: sourced(r, "lambda.responseStreaming.freeBytesPerRequestMB"),
      },
      edge: {
        requestsPricePerMillion: sourced(r, "lambda.lambdaAtEdge.requestsPerMillion", "USD per 1,000,000 requests"),
        pricePerGbSecond: sourced(r, "lambda.lambdaAtEdge.pricePerGbSecond"),
      },
      tenantIsolation: { pricePerEnvironmentPerGb: sourced(r, "lambda.tenantIsolation.pricePerEnvironmentPerGb") },
      eventPollers: {
        kafkaEpuHour: sourced(r, "lambda.provisionedModeEsm.kafkaEpuHour"),
        sqsEpuHour: sourced(r, "lambda.provisionedModeEsm.sqsEpuHour"),
      },
      durable: {
        operationsPricePerMillion: sourced(r, "lambda.durableFunctions.operationsPerMillion", "USD per 1,000,000 operations"),
        dataWrittenPerGb: sourced(r, "lambda.durableFunctions.dataWrittenPerGb", "USD per GB written"),
        dataRetainedPerGbMonth: sourced(r, "lambda.durableFunctions.dataRetainedPerGbMonth", "USD per GB-month retained"),
      },
      savingsPlanMaxDiscount: sourced(r, "lambda.computeSavingsPlan.maxDiscount"),
      managedInstances: {
        requestsPricePerMillion: sourced(r, "lambda.managedInstances.requestsPerMillion", "USD per 1,000,000 requests"),
        managementFeeFraction: sourced(r, "lambda.managedInstances.managementFeeFraction"),
      },
    },
    frontDoor: {
      httpApi: apiTiers("httpApi"),
      restApi: apiTiers("restApi"),
      functionUrl: sourced(r, "functionUrls.extraCharge"),
    },
    ec2: { compiled: String(ec2.compiled), instances: ec2Instances(r, ec2), billing: sourced(r, "ec2.billing") },
    fargate: {
      x86_64: { perVcpuHour: sourced(r, "fargate.linux_x86_64.perVcpuHour", "USD per vCPU-hour"), perGbHour: sourced(r, "fargate.linux_x86_64.perGbHour", "USD per GB-hour") },
      arm64: { perVcpuHour: sourced(r, "fargate.linux_arm64.perVcpuHour", "USD per vCPU-hour"), perGbHour: sourced(r, "fargate.linux_arm64.perGbHour", "USD per GB-hour") },
      billing: sourced(r, "fargate.billing"),
    },
    network: networkPrices(network),
    discounts: {
      ec2SavingsPlan: sourced(r, "commitmentDiscounts.computeSavingsPlanMax.ec2"),
      ec2CommitmentMax: sourced(r, "commitmentDiscounts.ec2InstanceSavingsPlanMax"),
      fargateSavingsPlan: sourced(r, "commitmentDiscounts.computeSavingsPlanMax.fargate"),
      ec2Spot: sourced(r, "commitmentDiscounts.spotMax"),
      fargateSpot: sourced(r, "fargate.spotMaxDiscount"),
    },
  };
}

/** The catalog module's text: a header, then the catalog as a typed constant. */
export function renderPriceCatalog(catalog: PriceCatalog): string {
  const name = catalog.region.toUpperCase().replace(/-/g, "_");
  return (
    "// Generated by bench/price-catalog.ts (`npm run catalog:prices`) from data/reference/aws-pricing.json\n" +
    "// network-costs.json and ec2-instances-us-east-1.json.\n" +
    "// Do not edit: test/pricing/catalog.test.ts regenerates it and fails when the two differ.\n" +
    'import type { PriceCatalog } from "./types.js";\n\n' +
    `/** AWS prices for ${catalog.region} (${catalog.currency}), each with its reference key and source. */\n` +
    `export const ${name}: PriceCatalog = ${JSON.stringify(catalog, null, 2)};\n`
  );
}

// `node dist/bench/price-catalog.js` writes the catalog module (paths from the compiled file's place).
if (process.argv[1] !== undefined && resolve(process.argv[1]).endsWith(join("bench", "price-catalog.js"))) {
  const root = resolve(import.meta.dirname, "../..");
  const catalog = computePriceCatalog(resolve(root, "data"));
  const out = join(root, `src/pricing/catalog/${catalog.region}.ts`);
  writeFileSync(out, renderPriceCatalog(catalog));
  process.stdout.write(`wrote ${out}\n`);
}
