/*
 * Generates src/pricing/catalog/us-east-1.ts, the dated and sourced price catalog, from
 * data/reference/aws-pricing.json. Run `npm run catalog:prices` after the reference changes;
 * test/pricing/catalog.test.ts regenerates the module and fails when the committed one differs.
 * Every entry keeps the dotted key it was copied from (`ref`) and the reference's source text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Ec2InstancePrice, PriceCatalog, Sourced, TierTable } from "../src/pricing/catalog/types.js";

type Json = Record<string, unknown>;

/** The node at a dotted key such as `lambda.requests.pricePerMillion`; throws when the reference lacks it. */
function at(root: Json, ref: string): Json {
  let node: unknown = root;
  for (const key of ref.split(".")) {
    if (node === null || typeof node !== "object" || !(key in node)) throw new Error(`aws-pricing.json has no ${ref}`);
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

/** The reference's EC2 instance list: size, architecture and the On-Demand price of each type. */
function ec2Instances(root: Json): Record<string, Ec2InstancePrice> {
  const list = at(root, "ec2.instances") as Record<string, Json>;
  return Object.fromEntries(
    Object.entries(list).map(([name, i]) => [
      name,
      {
        architecture: i.architecture as "x86_64" | "arm64",
        vcpu: i.vcpu as number,
        memoryGiB: i.memoryGiB as number,
        onDemandHourly: { value: i.onDemandHourly as number, unit: String(i.unit), ref: `ec2.instances["${name}"].onDemandHourly`, source: String(i.source) },
        note: i.note === undefined ? "" : String(i.note),
      },
    ]),
  );
}

/** The catalog for the reference's region, from the repository's data folder (`dataDir` = `data/`). */
export function computePriceCatalog(dataDir: string): PriceCatalog {
  const r = JSON.parse(readFileSync(join(dataDir, "reference/aws-pricing.json"), "utf8")) as Json;
  const sources = at(r, "sources") as Record<string, Json>;
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
    sources: Object.fromEntries(
      Object.entries(sources).map(([k, s]) => [k, { title: String(s.title), url: String(s.url), ...(s.date === undefined ? {} : { date: String(s.date) }) }]),
    ),
    monthHours: { value: at(r, "conventions").monthHours as number, unit: "hours per month", ref: "conventions.monthHours", source: String(at(r, "conventions").source) },
    lambda: {
      requestsPricePerMillion: sourced(r, "lambda.requests.pricePerMillion"),
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
    },
    frontDoor: {
      httpApi: apiTiers("httpApi"),
      restApi: apiTiers("restApi"),
      functionUrl: sourced(r, "functionUrls.extraCharge"),
    },
    ec2: { instances: ec2Instances(r), billing: sourced(r, "ec2.billing") },
    fargate: {
      x86_64: { perVcpuHour: sourced(r, "fargate.linux_x86_64.perVcpuHour", "USD per vCPU-hour"), perGbHour: sourced(r, "fargate.linux_x86_64.perGbHour", "USD per GB-hour") },
      arm64: { perVcpuHour: sourced(r, "fargate.linux_arm64.perVcpuHour", "USD per vCPU-hour"), perGbHour: sourced(r, "fargate.linux_arm64.perGbHour", "USD per GB-hour") },
      billing: sourced(r, "fargate.billing"),
    },
    discounts: {
      ec2SavingsPlan: sourced(r, "commitmentDiscounts.computeSavingsPlanMax.ec2"),
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
    "// Generated by bench/price-catalog.ts (`npm run catalog:prices`) from data/reference/aws-pricing.json.\n" +
    "// Do not edit: test/pricing/catalog.test.ts regenerates it and fails when the two differ.\n" +
    'import type { PriceCatalog } from "./types.js";\n\n' +
    `/** AWS prices for ${catalog.region} (${catalog.currency}), each with its aws-pricing.json key and source. */\n` +
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
