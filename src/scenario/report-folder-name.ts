/**
 * A scenario name made into one safe folder name for `--out reports/<name>/`: characters other than
 * letters, digits, '.', '_' and '-' become '-', leading dots go (so never "." or ".."), at most 64
 * characters; "scenario" when nothing is left. A valid scenario name (schema SCENARIO_NAME) comes back unchanged.
 * @example
 * reportFolderName("..") // "scenario"
 * reportFolderName("../etc/x") // "-etc-x"
 */
export function reportFolderName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, "-").replace(/^\.+/, "").slice(0, 64);
  return cleaned === "" ? "scenario" : cleaned;
}
