/**
 * The What if page's URL hash: `#set=functions.api.memoryMB=2048&set=arrivals.rate=100/s`, one `set=`
 * per `run --set` text, in order. Characters that would break the hash (`&`, `#`, `%`, spaces, ...) are
 * percent-encoded; `=`, `/`, `[`, `]`, `:` and `,` are kept readable. Pure.
 */
export function formatSetsHash(sets: readonly string[]): string {
  if (sets.length === 0) return "";
  const enc = (s: string) => encodeURIComponent(s).replace(/%(3D|2F|5B|5D|3A|2C)/g, (m) => decodeURIComponent(m));
  return "#" + sets.map((s) => `set=${enc(s)}`).join("&");
}

/**
 * The `run --set` texts of a URL hash written by `formatSetsHash` (or by hand: `%3D` or `=` alike);
 * parts that are not `set=...`, and undecodable ones, are ignored. Pure.
 * @example parseSetsHash("#set=functions.api.memoryMB=2048") // ["functions.api.memoryMB=2048"]
 */
export function parseSetsHash(hash: string): string[] {
  const out: string[] = [];
  for (const part of hash.replace(/^#/, "").split("&")) {
    if (!part.startsWith("set=")) continue;
    try {
      const text = decodeURIComponent(part.slice(4).replace(/\+/g, " ")).trim();
      if (text !== "") out.push(text);
    } catch {
      // a malformed %-escape: not a change this page wrote
    }
  }
  return out;
}
