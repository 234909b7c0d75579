import type { Checked, Issue } from "../issues.js";
import { parseJson } from "../parse-document.js";
import { importCloudFormation, isCloudFormationTemplate } from "./cloudformation.js";
import { parseCloudFormationYaml } from "./cloudformation-yaml.js";
import type { ImportChecked, ImportedConfig } from "./imported-config.js";
import { importServerlessFramework, isServerlessFramework } from "./serverless-framework.js";
import { importTerraformPlan, isTerraformPlan } from "./terraform-plan.js";

/*
 * `lambdasim import config`'s parsing: one file's text to its functions, whichever of the formats it is
 * (told by content, not by name), and several files merged into one configuration. Pure: the CLI reads
 * the files.
 */

/** What an import accepts, for issues. */
export const CONFIG_FORMATS_ALLOWED =
  "a SAM or CloudFormation template (YAML or JSON, with Resources), the JSON of `terraform show -json PLAN` " +
  "(format_version, planned_values) or a Serverless Framework serverless.yml (service, provider, functions)";

/** The formats an import reads. */
export type ConfigFormat = "cloudformation" | "terraform-plan" | "serverless";

/**
 * Imports one configuration file's `text`; `name` (its base name) is cited in every source. JSON is tried
 * first when the text starts with `{`, else YAML with CloudFormation's short tags. O(size of the file).
 */
export function importConfigText(text: string, name: string): ImportChecked & { format?: ConfigFormat } {
  if (/\.tf$/i.test(name)) return fileIssue("a Terraform HCL file", `${CONFIG_FORMATS_ALLOWED}; for Terraform, run terraform plan -out PLAN and terraform show -json PLAN > plan.json`);
  if (text.trim() === "") return fileIssue("an empty file", CONFIG_FORMATS_ALLOWED);
  const json = text.trimStart().startsWith("{");
  let parsed = json ? parseJson(text) : parseCloudFormationYaml(text);
  // A YAML flow mapping also starts with "{": the JSON error stands only if YAML fails too.
  if (!parsed.ok && json && parseCloudFormationYaml(text).ok) parsed = parseCloudFormationYaml(text);
  if (!parsed.ok) return fileIssue(parsed.problem, CONFIG_FORMATS_ALLOWED);
  const data = parsed.data;
  if (isTerraformPlan(data)) return { ...importTerraformPlan(data, name), format: "terraform-plan" };
  if (isCloudFormationTemplate(data)) return { ...importCloudFormation(data, name), format: "cloudformation" };
  if (isServerlessFramework(data)) return { ...importServerlessFramework(data, name), format: "serverless" };
  return fileIssue(`${json ? "JSON" : "YAML"} that is none of these (${describeTop(data)})`, CONFIG_FORMATS_ALLOWED);
}

/** Merges the configurations of several files; two functions of one name are an issue naming both sources. */
export function mergeConfigs(configs: ImportedConfig[]): Checked<ImportedConfig> {
  const merged: ImportedConfig = { files: [], functions: [], scenario: new Map(), notes: [] };
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  for (const c of configs) {
    merged.files.push(...c.files);
    merged.notes.push(...c.notes);
    for (const f of c.functions) {
      const before = seen.get(f.name);
      if (before !== undefined) {
        issues.push({ path: `functions.${f.name}`, value: f.origin, allowed: `a function name no other file defines (${before} is also ${f.name}): import one of them` });
        continue;
      }
      seen.set(f.name, f.origin);
      merged.functions.push(f);
    }
    for (const [key, s] of c.scenario) {
      const before = merged.scenario.get(key);
      if (before === undefined) merged.scenario.set(key, s);
      else if (JSON.stringify(before.value) !== JSON.stringify(s.value)) merged.notes.push(`${s.source}: ${key} ${String(s.value)} not imported; ${String(before.value)} from ${before.source} came first`);
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: merged };
}

/** The top-level keys of a parsed document, in words. */
function describeTop(data: unknown): string {
  if (data === null || typeof data !== "object") return `a ${data === null ? "null" : typeof data} at the top`;
  if (Array.isArray(data)) return "a list at the top";
  const keys = Object.keys(data);
  return keys.length === 0 ? "an empty mapping" : `top-level keys ${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ", ..." : ""}`;
}

function fileIssue(found: string, allowed: string): { ok: false; issues: Issue[] } {
  return { ok: false, issues: [{ path: "", value: found, allowed }] };
}
