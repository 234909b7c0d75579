import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { describeFsError } from "./fs-errors.js";

/** A file opened for reading: its descriptor, or why it was refused (in words for an Issue). */
export type OpenedFile = { ok: true; fd: number } | { ok: false; problem: string };

/**
 * Opens `path` for reading only if it is a regular file. The open does not block (O_NONBLOCK: a
 * FIFO with no writer would hang a plain open for ever), then fstat checks the kind of the file
 * actually opened, so nothing can be swapped in between; a FIFO, device, socket or folder is
 * closed and refused. The caller closes the descriptor. One fstat: O(1).
 * @example
 * const f = openRegularFile("s.yaml");
 * if (!f.ok) issues.push({ path: "", value: f.problem, allowed: ALLOWED.file });
 */
export function openRegularFile(path: string): OpenedFile {
  let fd: number;
  try {
    // O_NONBLOCK is undefined on Windows, where opening a named pipe does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, problem: describeFsError(err) };
  }
  let kind: string | null;
  try {
    kind = notRegular(fstatSync(fd));
  } catch (err) {
    kind = describeFsError(err);
  }
  if (kind === null) return { ok: true, fd };
  closeSync(fd);
  return { ok: false, problem: kind };
}

/** What a file that is not a regular file is, in words; null for a regular file. */
function notRegular(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return "a folder, not a file";
  if (stats.isFIFO()) return "a named pipe (FIFO), not a regular file";
  if (stats.isSocket()) return "a socket, not a regular file";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device, not a regular file";
  return "not a regular file";
}

/** Strict UTF-8: invalid bytes throw instead of becoming U+FFFD. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** A regular file's text, or why it could not be had: `problem` in words, `reason` for the caller's `allowed`. */
export type ReadText = { ok: true; text: string } | { ok: false; problem: string; reason: "unreadable" | "too-large" | "not-utf8" };

/**
 * Reads a regular file (openRegularFile: a FIFO or device is refused, never waited on) of at most
 * `maxBytes` as strict UTF-8 text, without a leading byte-order mark. Binary content is refused, so it
 * never comes back raw inside a parser's message. O(file size).
 */
export function readRegularTextFile(path: string, maxBytes = Number.POSITIVE_INFINITY): ReadText {
  const opened = openRegularFile(path);
  if (!opened.ok) return { ok: false, problem: opened.problem, reason: "unreadable" };
  let bytes: Buffer;
  try {
    const size = fstatSync(opened.fd).size;
    if (size > maxBytes) return { ok: false, problem: `${size} bytes`, reason: "too-large" };
    bytes = readFileSync(opened.fd);
  } catch (err) {
    return { ok: false, problem: describeFsError(err), reason: "unreadable" };
  } finally {
    closeSync(opened.fd);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, problem: "not UTF-8 text (a binary file?)", reason: "not-utf8" };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
