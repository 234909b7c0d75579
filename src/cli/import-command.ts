import { existsSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { formatIssue, resolveScenarioData, type Issue } from "../scenario/index.js";
import { parseYaml } from "../scenario/parse-document.js";
import { readRegularTextFile } from "../scenario/regular-file.js";
import { SCENARIO_SCHEMA_PATH } from "../scenario/json-schema.js";
import { SCENARIO_NAME } from "../scenario/schema.js";
import { importConfigText, importedScenarioText, mergeConfigs, unresolvedOf, type ImportedConfig } from "../scenario/import/index.js";
import { ExitCode } from "./exit-codes.js";
import { writeOutFile } from "./output.js";
import { registerImportTrafficCommand } from "./import-traffic-command.js";

/** Flags of `lambdasim import config`. */
export interface ImportConfigFlags {
  out?: string;
  name?: string;
  force?: boolean;
}

/**
 * `lambdasim import`: the command group that turns what a user already has into scenarios. Each
 * subcommand is one line here.
 */
export function importCommand(program: Command, setExit: (code: number) => void): Command {
  const group = program.command("import").description("write a scenario from your own configuration or traffic");
  registerImportConfigCommand(group, setExit);
  registerImportTrafficCommand(group, setExit);
  return group;
}

/** Adds `lambdasim import config FILE...` to the `import` group. */
function registerImportConfigCommand(group: Command, setExit: (code: number) => void): void {
  group
    .command("config")
    .description(
      "write a scenario from SAM / CloudFormation templates (YAML or JSON), `terraform show -json` output or a serverless.yml; " +
        "every imported value cites its source, traffic and durations are placeholders",
    )
    .argument("<file...>", "configuration files (the format is told from the content)")
    .option("-o, --out <file>", "write the scenario to this file (.yaml) instead of stdout")
    .option("--name <name>", "the scenario's name (default: --out's base name, else the first file's)")
    .option("--force", "overwrite --out if it exists", false)
    .action((files: string[], opts: ImportConfigFlags) => {
      setExit(importConfigCommand(files, opts));
    });
}

/**
 * `lambdasim import config`: reads each file, imports its functions, writes the scenario (stdout or
 * `--out`) after checking it with the scenario validator, and lists on stderr every placeholder and
 * what was not imported. Exit 2 on a file that cannot be read or imported, or an imported value the
 * scenario format refuses (named with its source).
 */
export function importConfigCommand(files: string[], flags: ImportConfigFlags): number {
  const configs: ImportedConfig[] = [];
  let failed = false;
  for (const file of files) {
    const read = readRegularTextFile(file);
    const imported = read.ok ? importConfigText(read.text, basename(file)) : { ok: false as const, issues: [{ path: "", value: read.problem, allowed: "a readable configuration file (UTF-8 text)" }] };
    if (!imported.ok) {
      printIssues(imported.issues, file);
      failed = true;
    } else configs.push(imported.value);
  }
  if (failed) return ExitCode.BadInput;
  const merged = mergeConfigs(configs);
  if (!merged.ok) {
    printIssues(merged.issues);
    return ExitCode.BadInput;
  }
  if (flags.out !== undefined && existsSync(flags.out) && flags.force !== true) {
    process.stderr.write(`lambdasim: --out: '${flags.out}' exists; expected a new file (or --force to overwrite it)\n`);
    return ExitCode.BadInput;
  }
  const name = scenarioName(flags, files[0]!);
  if (!SCENARIO_NAME.test(name)) {
    process.stderr.write(`lambdasim: --name: ${JSON.stringify(name)} is not allowed; expected letters, digits, '.', '_' or '-' (1..64, not starting with '.')\n`);
    return ExitCode.BadInput;
  }
  const at = flags.out ?? join(process.cwd(), "imported.yaml");
  const text = importedScenarioText(merged.value, { name, schemaRef: schemaRef(dirname(resolve(at))) });
  // The scenario as a user will load it: parsed back from the text and resolved by the validator.
  const parsed = parseYaml(text);
  const checked = parsed.ok ? resolveScenarioData(parsed.data, at) : { ok: false as const, issues: [{ path: "", value: parsed.problem, allowed: "valid YAML" }] };
  if (!checked.ok) {
    for (const issue of checked.issues) process.stderr.write(`lambdasim: ${formatIssue(issue, citedSource(parsed.ok ? parsed.data : undefined, issue.path))}\n`);
    process.stderr.write("lambdasim: the imported values above are not accepted by the scenario format; nothing written\n");
    return ExitCode.BadInput;
  }
  for (const u of unresolvedOf(merged.value)) process.stderr.write(`lambdasim: import: placeholder ${u.field}: ${u.why} (${u.source})\n`);
  for (const f of merged.value.functions) for (const note of f.notes) process.stderr.write(`lambdasim: import: not imported: ${note}\n`);
  for (const note of merged.value.notes) process.stderr.write(`lambdasim: import: ${note}\n`);
  process.stderr.write(
    `lambdasim: import: traffic (arrivals) and durations of the ${merged.value.functions.length} functions are placeholders: ` +
      "replace them with `lambdasim import traffic`\n",
  );
  if (flags.out === undefined) {
    process.stdout.write(text);
    return ExitCode.Ok;
  }
  if (!writeOutFile(flags.out, text)) return ExitCode.BadInput;
  process.stdout.write(`wrote ${flags.out} (${merged.value.functions.map((f) => f.name).join(", ")} from ${merged.value.files.join(", ")})\n`);
  return ExitCode.Ok;
}

function printIssues(issues: Issue[], file?: string): void {
  for (const issue of issues) process.stderr.write(`lambdasim: ${formatIssue(issue, file)}\n`);
}

/** The scenario name: --name, else --out's base name, else the first file's; characters a name may not hold become '-'. */
function scenarioName(flags: ImportConfigFlags, firstFile: string): string {
  if (flags.name !== undefined) return flags.name;
  const from = flags.out ?? firstFile;
  return basename(from, extname(from)).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^\.+/, "").slice(0, 64) || "imported";
}

/** A validator issue's path (`functions[0].memoryMB`) told by the source the scenario's `imported` map gives it, for the message. */
function citedSource(data: unknown, path: string): string | undefined {
  const m = /^functions\[(\d+)\]\.([A-Za-z]+)(?:\.([A-Za-z]+))?/.exec(path);
  if (m === null) return undefined;
  const imported = (data as { functions?: Array<{ imported?: Record<string, string> }> } | undefined)?.functions?.[Number(m[1])]?.imported;
  const source = imported?.[m[3] === undefined ? m[2]! : `${m[2]}.${m[3]}`] ?? imported?.[m[2]!];
  return source === undefined ? undefined : `${source} (scenario field)`;
}

/** The committed JSON Schema as the scenario in `folder` refers to it: a relative path with forward slashes. */
function schemaRef(folder: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  // The package root holds schema/ (dist/src/cli/ when built, src/cli/ under vitest).
  for (let i = 0; i < 5 && !existsSync(join(dir, SCENARIO_SCHEMA_PATH)); i++) dir = dirname(dir);
  return relative(folder, join(dir, SCENARIO_SCHEMA_PATH)).split(sep).join("/");
}
