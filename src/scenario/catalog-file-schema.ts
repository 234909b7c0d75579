import { z } from "zod";
import { US_EAST_1, isSourced, isTierTable, type CatalogOverlay, type OverlayValues, type PriceCatalog, type Sourced, type TierTable } from "../pricing/catalog/index.js";
import { formatPath, valueAt, type Checked, type Issue } from "./issues.js";
import { UNKNOWN_FIELDS_MARKER, matching, strictObject } from "./leaves.js";
import { unknownFieldText } from "./messages.js";

/*
 * The format of a user's price file (`pricing.catalog: FILE`, `lambdasim price --catalog FILE`),
 * derived from the bundled catalog's own structure, so that every section the catalog has can be
 * overridden and a new catalog entry needs no change here: each sourced number becomes a plain
 * number, each tier table a flat price or a list of tiers, `ec2.instances` a map of instance types.
 * Texts that are not prices (notes, sources, dates of compilation) are not part of the format.
 */

/** Instance type names, as `compare.ec2.instanceType` accepts them. */
const INSTANCE_TYPE = /^[a-z0-9-]+\.[a-z0-9]+$/;
const INSTANCE_FIELDS = ["vcpu", "memoryGiB", "architecture", "onDemandHourly"] as const;

/** `allowed` of a plain number replacing `s` at a key: a price ≥ 0, a fraction 0..1, or a quantity (> 0; ≥ 0 for free allowances). */
function numberLeaf(key: string, path: string, s: Sourced<number>): z.ZodType {
  const bundled = `bundled ${s.value}`;
  if (s.unit.startsWith("USD")) {
    const allowed = `a price ≥ 0 in ${s.unit} (${bundled})`;
    return z.number({ error: allowed }).min(0, { error: allowed });
  }
  if (s.unit.startsWith("fraction")) {
    const allowed = `a fraction 0..1 (${bundled})`;
    return z.number({ error: allowed }).min(0, { error: allowed }).max(1, { error: allowed });
  }
  const free = key.startsWith("free") || path.includes("freeTier");
  const allowed = `a number ${free ? "≥ 0" : "> 0"} (${s.unit}; ${bundled})`;
  const n = z.number({ error: allowed });
  return free ? n.min(0, { error: allowed }) : n.positive({ error: allowed });
}

/** The plain form of one sourced catalog entry, by the type of its value. */
function leaf(key: string, path: string, s: Sourced<unknown>): z.ZodType {
  const v = s.value;
  if (typeof v === "number") return numberLeaf(key, path, s as Sourced<number>);
  if (typeof v === "boolean") {
    const allowed = `true or false (bundled ${v})`;
    return z.boolean({ error: allowed });
  }
  if (Array.isArray(v)) {
    const allowed = `a range [min, max] of numbers > 0 with min ≤ max (${s.unit}; bundled [${v.join(", ")}])`;
    return z
      .tuple([z.number({ error: allowed }).positive({ error: allowed }), z.number({ error: allowed }).positive({ error: allowed })], { error: allowed })
      .refine(([a, b]) => a <= b, { error: allowed });
  }
  if (s.unit === "date") return matching(`a date YYYY-MM-DD (bundled ${String(v)})`, /^\d{4}-\d{2}-\d{2}$/);
  const allowed = `a text (bundled ${JSON.stringify(v)})`;
  return z.string({ error: allowed }).min(1, { error: allowed });
}

/** A tier table: one price for all volumes, or tiers from 0, each `to` the next `from`, the last `to` null. */
function tierLeaf(t: TierTable): z.ZodType {
  const allowed =
    `a price ≥ 0 in ${t.priceUnit} for all volumes, or tiers [{ from: 0, to: N, price }, ..., { from: N, to: null, price }] ` +
    `in ${t.quantityUnit} (bundled ${t.tiers.map((x) => x.price).join(", ")})`;
  const price = z.number({ error: allowed }).min(0, { error: allowed });
  const tier = strictObject({ from: z.number({ error: allowed }).min(0, { error: allowed }), to: z.number({ error: allowed }).nullable(), price }, allowed);
  return z.union([price, z.array(tier, { error: allowed }).min(1, { error: allowed })], { error: allowed }).superRefine((v, ctx) => {
    if (typeof v === "number") return;
    v.forEach((x, i) => {
      const expectedFrom = i === 0 ? 0 : v[i - 1]!.to;
      if (x.from !== expectedFrom) ctx.addIssue({ code: "custom", path: [i, "from"], input: x.from, message: `${expectedFrom} (the ${i === 0 ? "first tier starts at 0" : "previous tier's to"})` });
      const last = i === v.length - 1;
      if (last ? x.to !== null : x.to === null || x.to <= x.from) {
        ctx.addIssue({ code: "custom", path: [i, "to"], input: x.to, message: last ? "null (the last tier is unbounded)" : "a number above from (null only for the last tier)" });
      }
    });
  });
}

/** `ec2.instances`: a map of instance types; a type the bundled catalog lacks needs all four fields. */
function instancesLeaf(bundled: PriceCatalog["ec2"]["instances"]): z.ZodType {
  const sized = (what: string) => `${what} > 0`;
  const [exampleName, example] = Object.entries(bundled)[0]!;
  const instance = strictObject(
    {
      vcpu: z.number({ error: sized("vCPUs, a number") }).positive({ error: sized("vCPUs, a number") }).optional(),
      memoryGiB: z.number({ error: sized("GiB, a number") }).positive({ error: sized("GiB, a number") }).optional(),
      architecture: z.enum(["x86_64", "arm64"], { error: "x86_64 or arm64" }).optional(),
      onDemandHourly: z.number({ error: "a price ≥ 0 in USD per instance-hour" }).min(0, { error: "a price ≥ 0 in USD per instance-hour" }).optional(),
    },
    `{ vcpu, memoryGiB, architecture, onDemandHourly } (${exampleName}: ${example.vcpu}, ${example.memoryGiB}, ${example.architecture}, ${example.onDemandHourly.value})`,
  );
  const allowed = "a map of EC2 instance types to { vcpu, memoryGiB, architecture, onDemandHourly }";
  // Each type is parsed here rather than by z.record's value schema, so that a bad name or a new type's
  // missing fields are reported together with the other types' issues (zod skips refinements after one).
  return z.record(z.string(), z.unknown(), { error: allowed }).transform((types, ctx) => {
    const out: Record<string, z.output<typeof instance>> = {};
    for (const [name, t] of Object.entries(types)) {
      if (!INSTANCE_TYPE.test(name)) {
        ctx.addIssue({ code: "custom", path: [name], input: t, message: "an entry keyed by an EC2 instance type name like m7g.large" });
        continue;
      }
      const r = instance.safeParse(t);
      if (!r.success) {
        for (const iss of r.error.issues) ctx.addIssue({ ...iss, path: [name, ...iss.path] } as Parameters<typeof ctx.addIssue>[0]);
      } else out[name] = r.data;
      if (Object.prototype.hasOwnProperty.call(bundled, name) || t === null || typeof t !== "object") continue;
      for (const field of INSTANCE_FIELDS) {
        if ((t as Record<string, unknown>)[field] === undefined) {
          ctx.addIssue({ code: "custom", path: [name, field], input: undefined, message: `${field}, which a type the bundled catalog lacks must give (vcpu, memoryGiB, architecture, onDemandHourly)` });
        }
      }
    }
    return out;
  });
}

/** The schema of the part of the format under catalog node `node` at `path`; null for what is not a price. */
function sectionSchema(node: unknown, path: string, key: string): z.ZodType | null {
  if (path === "ec2.instances") return instancesLeaf(node as PriceCatalog["ec2"]["instances"]);
  if (isSourced(node)) return leaf(key, path, node);
  if (isTierTable(node)) return tierLeaf(node);
  if (node === null || typeof node !== "object" || Array.isArray(node) || path === "sources" || path === "origin") return null;
  const shape: Record<string, z.ZodType> = {};
  for (const [k, child] of Object.entries(node)) {
    const schema = sectionSchema(child, path === "" ? k : `${path}.${k}`, k);
    if (schema !== null) shape[k] = schema.optional();
  }
  if (path === "") shape.source = z.string({ error: "a text saying where the file's prices come from" }).optional();
  return Object.keys(shape).length === 0 ? null : strictObject(shape, `a mapping of ${Object.keys(shape).join(", ")}`);
}

/** The price-file format, derived once from the bundled catalog's structure. */
export const catalogFileSchema = sectionSchema(US_EAST_1, "", "")!;

/**
 * Checks a parsed price file and returns it as an overlay, or every issue with its path in the file.
 * `label` prefixes each issue's path (`pricing.catalog (eu.yaml)`, `--catalog (eu.yaml)`); `file` is
 * the name the overlay keeps for reports.
 * @example
 * checkCatalogFile({ lambda: { requestsPricePerMillion: 0.1 } }, "cheap.yaml", "pricing.catalog (cheap.yaml)")
 */
export function checkCatalogFile(data: unknown, file: string, label: string): Checked<CatalogOverlay> {
  const parsed = catalogFileSchema.safeParse(data);
  if (parsed.success) {
    const { source, ...values } = parsed.data as OverlayValues & { source?: string };
    return { ok: true, value: { file, source: source ?? null, values } };
  }
  const issues: Issue[] = [];
  const at = (path: ReadonlyArray<PropertyKey>) => (path.length === 0 ? label : `${label}: ${formatPath(path)}`);
  for (const iss of parsed.error.issues) {
    if (iss.code === "unrecognized_keys") {
      const fields = iss.message.startsWith(UNKNOWN_FIELDS_MARKER) ? iss.message.slice(UNKNOWN_FIELDS_MARKER.length).split(",") : [];
      for (const key of iss.keys) issues.push({ path: at([...iss.path, key]), value: valueAt(data, [...iss.path, key]), allowed: unknownFieldText(key, fields) });
      continue;
    }
    issues.push({ path: at(iss.path), value: valueAt(data, iss.path), allowed: iss.message });
  }
  const seen = new Set<string>();
  return { ok: false, issues: issues.filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true))) };
}
