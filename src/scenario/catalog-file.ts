import { closeSync, fstatSync, readFileSync } from "node:fs";
import { extname, isAbsolute, join } from "node:path";
import type { CatalogOverlay } from "../pricing/catalog/index.js";
import { checkCatalogFile } from "./catalog-file-schema.js";
import { describeFsError } from "./fs-errors.js";
import type { Checked } from "./issues.js";
import { parseJson, parseYaml } from "./parse-document.js";
import { openRegularFile } from "./regular-file.js";

/** The largest price file read, bytes: a catalog with every EC2 type is about 20 kB. */
export const CATALOG_FILE_MAX_BYTES = 1_000_000;

const ALLOWED_FILE = "a readable regular .yaml, .yml or .json price file (see README, pricing.catalog)";

/**
 * Reads, parses and checks a user's price file. `file` is as the user wrote it; a relative one is
 * resolved against `baseDir` (the scenario's folder, or the working directory for `--catalog`). Only a
 * regular file is opened (a FIFO or a folder is refused, never waited on). Issues are reported at
 * `label` (`pricing.catalog`, `--catalog`) followed by the file name and the path inside it.
 */
export function readCatalogFile(file: string, baseDir: string, label: string): Checked<CatalogOverlay> {
  const where = `${label} (${file})`;
  const fail = (found: string, allowed = ALLOWED_FILE): Checked<CatalogOverlay> => ({ ok: false, issues: [{ path: label, value: file, allowed: `${allowed} (found ${found})` }] });
  const ext = extname(file).toLowerCase();
  if (ext !== ".yaml" && ext !== ".yml" && ext !== ".json") return fail(ext === "" ? "no file extension" : `a ${ext} file`);
  const path = isAbsolute(file) ? file : join(baseDir, file);
  // Only a regular file: a FIFO or a device would block or never end.
  const opened = openRegularFile(path);
  if (!opened.ok) return fail(opened.problem);
  let text: string;
  try {
    const size = fstatSync(opened.fd).size;
    if (size > CATALOG_FILE_MAX_BYTES) return fail(`${size} bytes`, `${ALLOWED_FILE}, at most ${CATALOG_FILE_MAX_BYTES} bytes`);
    text = readFileSync(opened.fd, "utf8");
  } catch (err) {
    return fail(describeFsError(err));
  } finally {
    closeSync(opened.fd);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return fail("empty file");
  const parsed = ext === ".json" ? parseJson(text) : parseYaml(text);
  if (!parsed.ok) return fail(parsed.problem, ext === ".json" ? "valid JSON" : "valid YAML");
  return checkCatalogFile(parsed.data, file, where);
}
