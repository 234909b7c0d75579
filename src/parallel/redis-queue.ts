import { Redis } from "ioredis";

/**
 * The one BullMQ queue every `lambdasim worker` consumes and every planning command run with
 * --redis fills. One well-known name means workers need no discovery; a run's jobs are told apart
 * by their ids (`<run>-<task>`), and each client removes its own jobs, never the queue.
 */
export const TASK_QUEUE = "lambdasim-tasks";

/** How long a first connection to Redis may take before the command gives up, ms. */
export const REDIS_CONNECT_TIMEOUT_MS = 3000;

/** How long a run waits for Redis to answer again, once it stops answering, before failing its unfinished tasks, ms. */
export const REDIS_LOST_AFTER_MS = 30_000;

/** Resolves to `promise`'s value, or to `fallback` if it has not settled within `ms` (a command stuck on a lost connection). */
export function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/** BullMQ connection options for `url` (redis:// or rediss://), with a bounded connect time. */
export function redisConnection(url: string): { url: string; connectTimeout: number } {
  return { url, connectTimeout: REDIS_CONNECT_TIMEOUT_MS };
}

/**
 * Connects to `url` once and pings it, within REDIS_CONNECT_TIMEOUT_MS: null when Redis answers,
 * else why not (one line, e.g. "connect ECONNREFUSED 127.0.0.1:6390"). Never retries, never throws.
 */
export async function reachRedis(url: string): Promise<string | null> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The socket's error (e.g. ECONNREFUSED) says more than the rejection ("Connection is closed.").
  let socketError: Error | null = null;
  client.on("error", (err: Error) => (socketError ??= err));
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (err) {
    const reason = socketError ?? err;
    return reason instanceof Error ? reason.message : String(reason);
  } finally {
    client.disconnect();
  }
}
