import { Command, CommanderError, Option } from "commander";
import { VERSION } from "../version.js";
import { runCommand } from "./run-command.js";
import { repeatableOption } from "./repeatable-option.js";
import { explainCommand, type ExplainFlags } from "./explain-command.js";
import { registerPriceCommand } from "./price-command.js";
import { registerSweepCommand } from "./sweep-command.js";
import { registerCompareCommand } from "./compare-command.js";
import { registerTuneCommand } from "./tune-command.js";
import { registerWorkerCommand } from "./worker-command.js";
import { registerSchemaCommand } from "./schema-command.js";
import { importCommand } from "./import-command.js";
import { registerBacktestCommand } from "./backtest-command.js";
import { ExitCode } from "./exit-codes.js";
import { quietOnClosedPipes } from "./closed-pipe.js";
import { DEFAULTS_HELP } from "./defaults-help.js";
import { DEFAULT_OUT, OPEN_HELP } from "./output.js";
import { FORCE_HELP } from "./work-guard.js";

/** Builds the `lambdasim` command tree (commander); actions resolve to an exit code. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name("lambdasim")
    .description("Discrete-event performance simulator and capacity planner for AWS Lambda.")
    .version(VERSION, "-V, --version", "print the lambdasim version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
    });

  program
    .command("run")
    .description("simulate a scenario and write result.json, summary.md, index.html and the charts")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .option("-o, --out <dir>", "output folder (<name>: the scenario's name)", DEFAULT_OUT)
    .option("-s, --seed <n>", "random seed, an integer 0..4294967295 (overrides the scenario's `seed`)")
    .option("-H, --horizon <duration>", "simulated time with a unit, e.g. 30m, 1h30m, 24h, 7d (overrides the scenario's `horizon`)")
    .addOption(
      repeatableOption(
        "--set <path=value>",
        "change one field for this run, checked as the scenario file is: path=value, e.g. functions.api.memoryMB=2048 or arrivals.rate=100/s (sweep's syntax, one value; a path not under functions. or another top-level field applies to every function); repeatable",
        "none",
      ),
    )
    .option("--json", "print result.json to stdout instead of the table", false)
    .option("--open", OPEN_HELP, false)
    .option("--force", FORCE_HELP, false)
    .option("--no-slo-exit", "exit 0 even when an objective of the scenario's slo is missed (default: exit 4)")
    .addOption(new Option("-q, --quiet", "print nothing but errors").default(false))
    .addHelpText("after", DEFAULTS_HELP)
    .action(async (scenario: string, opts: RunFlags) => {
      setExit(await runCommand(scenario, opts));
    });

  program
    .command("explain")
    .description("print the resolved scenario: every default with its source, and each function's cold-start model")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .option("--json", "print the explanation as JSON", false)
    .action((scenario: string, opts: ExplainFlags) => {
      setExit(explainCommand(scenario, opts));
    });

  registerPriceCommand(program, setExit);
  registerSweepCommand(program, setExit);
  registerCompareCommand(program, setExit);
  registerTuneCommand(program, setExit);
  registerWorkerCommand(program, setExit);
  registerSchemaCommand(program, setExit);
  importCommand(program, setExit);
  registerBacktestCommand(program, setExit);

  return program;
}

/** Flags of `lambdasim run`. */
export interface RunFlags {
  out: string;
  seed?: string;
  horizon?: string;
  /** `--set PATH=VALUE` flags as written, in order (absent: none). */
  set?: string[];
  json: boolean;
  quiet: boolean;
  /** Open index.html when done. */
  open?: boolean;
  /** Run work past a soft limit (README "Limits"). */
  force?: boolean;
  /** false with --no-slo-exit: a missed objective keeps exit 0. */
  sloExit: boolean;
}

/**
 * Entry point of the CLI: parses `argv` (as in process.argv) and returns the exit code:
 * 0 ok, 1 internal error, 2 bad input, 3 some sweep points (or a tuner's or compare's simulation) failed, 4 an SLO was
 * missed (a run) or no option meets it (a planner), 130 interrupted by Ctrl-C (SIGINT) and 143 stopped by SIGTERM,
 * on the worker pool (the finished points written).
 */
export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipes(); // `lambdasim run --json | head` ends quietly
  let code: number = ExitCode.Ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through exitOverride with exit code 0; usage errors become 2.
      return err.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`lambdasim: internal error: ${message}\n`);
    if (process.env.LAMBDASIM_DEBUG && err instanceof Error && err.stack) process.stderr.write(err.stack + "\n");
    return ExitCode.Internal;
  }
  return code;
}
