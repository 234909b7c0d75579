import type { Command } from "commander";
import { Worker } from "bullmq";
import { Piscina } from "piscina";
import { JOB_WORKER_URL, redisConnection, TASK_QUEUE } from "../parallel/index.js";
import type { Issue } from "../scenario/index.js";
import { ExitCode } from "./exit-codes.js";
import { reportIssues } from "./output.js";
import { checkRedisFlag, threadCount } from "./sweep-runner.js";

/** Flags of `lambdasim worker`. */
export interface WorkerFlags {
  redis: string;
  concurrency?: string;
  verbose: boolean;
}

/** Adds `lambdasim worker` to the command tree; its action reports the exit code through `setExit`. */
export function registerWorkerCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("worker")
    .description("run the simulations that planning commands started with --redis put on that Redis server, until Ctrl-C")
    .requiredOption("--redis <url>", "the Redis server, e.g. redis://host:6379")
    .option("-c, --concurrency <n>", "simulations at once, each on its own thread (default: the machine's available parallelism)")
    .option("--verbose", "print a line per finished simulation", false)
    .action(async (opts: WorkerFlags) => {
      setExit(await workerCommand(opts));
    });
}

/**
 * `lambdasim worker`: takes jobs of every kind off TASK_QUEUE and runs each on a Piscina thread (the
 * event loop stays free to renew the jobs' locks). The first Ctrl-C or SIGTERM lets active jobs finish;
 * a second abandons them (Redis hands them to another worker once their lock expires).
 */
export async function workerCommand(flags: WorkerFlags): Promise<number> {
  const issues: Issue[] = [];
  const threads = threadCount("--concurrency", flags.concurrency);
  const concurrency = typeof threads === "number" ? threads : 1;
  if (typeof threads !== "number") issues.push(threads);
  // Connecting is tried only once the other flags are good.
  const redisIssue = issues.length > 0 ? null : await checkRedisFlag(flags.redis);
  if (redisIssue !== null) issues.push(redisIssue);
  if (issues.length > 0) return reportIssues(issues);

  const pool = new Piscina({ filename: JOB_WORKER_URL.href, minThreads: concurrency, maxThreads: concurrency, idleTimeout: 60_000 });
  // Job name = the worker module's kind = the export of JOB_WORKER that runs it.
  const worker = new Worker(TASK_QUEUE, (job) => pool.run(job.data, { name: job.name }), { connection: redisConnection(flags.redis), concurrency });
  worker.on("error", (err) => process.stderr.write(`lambdasim worker: ${err.message}\n`));
  if (flags.verbose) {
    worker.on("completed", (job) => process.stdout.write(`${job.name} ${job.id} done\n`));
    worker.on("failed", (job, err) => process.stdout.write(`${job?.name} ${job?.id} failed: ${err.message}\n`));
  }
  await worker.waitUntilReady();
  process.stdout.write(`lambdasim worker: connected to ${flags.redis}, running up to ${concurrency} simulation${concurrency === 1 ? "" : "s"} at once from queue ${TASK_QUEUE}\n`);

  await new Promise<void>((resolve) => {
    let stops = 0;
    const stop = () => {
      stops++;
      if (stops === 1) {
        process.stderr.write("lambdasim worker: stopping after the active simulations (Ctrl-C again to abandon them)\n");
        void worker.close().then(resolve);
      } else void worker.close(true).then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await pool.destroy();
  return ExitCode.Ok;
}
