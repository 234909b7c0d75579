import { extname, isAbsolute, join } from "node:path";
import type { CatalogOverlay } from "../pricing/catalog/index.js";
import { checkCatalogFile } from "./catalog-file-schema.js";
import type { Checked } from "./issues.js";
import { ALLOWED } from "./messages.js";
import { parseJson, parseYaml } from "./parse-document.js";
import { readRegularTextFile } from "./regular-file.js";

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
  // Only a regular file (a FIFO or a device would block or never end), as strict UTF-8 text.
  const read = readRegularTextFile(path, CATALOG_FILE_MAX_BYTES);
  if (!read.ok) {
    if (read.reason === "too-large") return fail(read.problem, `${ALLOWED_FILE}, at most ${CATALOG_FILE_MAX_BYTES} bytes`);
    return fail(read.problem, read.reason === "not-utf8" ? (ext === ".json" ? ALLOWED.json : ALLOWED.yaml) : ALLOWED_FILE);
  }
  const text = read.text;
  if (text.trim() === "") return fail("empty file");
  const parsed = ext === ".json" ? parseJson(text) : parseYaml(text);
  if (!parsed.ok) return fail(parsed.problem, ext === ".json" ? ALLOWED.json : ALLOWED.yaml);
  return checkCatalogFile(parsed.data, file, where);
}
