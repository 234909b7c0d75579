import { closeSync, constants, fstatSync, openSync, type Stats } from "node:fs";
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
