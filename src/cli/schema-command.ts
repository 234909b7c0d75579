import type { Command } from "commander";
import { scenarioJsonSchemaText } from "../scenario/json-schema.js";
import { ExitCode } from "./exit-codes.js";
import { writeOutFile } from "./output.js";

/** Flags of `lambdasim schema`. */
export interface SchemaFlags {
  out?: string;
}

/** Adds `lambdasim schema` to the command tree; its action reports the exit code through `setExit`. */
export function registerSchemaCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("schema")
    .description("print the JSON Schema (draft-07) of the scenario format, for editors and validators")
    .option("-o, --out <file>", "write it to this file instead of stdout")
    .action((opts: SchemaFlags) => {
      setExit(schemaCommand(opts));
    });
}

/**
 * `lambdasim schema`: the scenario JSON Schema, generated from the validator (the same text as the
 * committed schema/scenario.schema.json), on stdout or in `--out`; exit 2 when the file cannot be written.
 */
export function schemaCommand(flags: SchemaFlags): number {
  const text = scenarioJsonSchemaText();
  if (flags.out === undefined) {
    process.stdout.write(text);
    return ExitCode.Ok;
  }
  const failed = writeOutFile(flags.out, text);
  if (failed !== null) return failed;
  process.stdout.write(`wrote ${flags.out}\n`);
  return ExitCode.Ok;
}
