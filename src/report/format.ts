/** Where simulations ran: "1 worker thread", "4 worker threads", or (null) "the workers of a Redis queue". */
export function executionWords(workers: number | null): string {
  return workers === null ? "the workers of a Redis queue" : `${formatCount(workers)} worker thread${workers === 1 ? "" : "s"}`;
}

/** Formats a count with thousands separators ("1,234,567"). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Formats a fraction as a percentage with up to 3 significant decimals ("1.25 %"); "n/a" for null. */
export function formatPercent(x: number | null): string {
  if (x === null) return "n/a";
  const p = x * 100;
  if (p === 0) return "0 %";
  if (p >= 10) return `${p.toFixed(1)} %`;
  if (p >= 0.01) return `${p.toFixed(2)} %`;
  return `${Number(p.toPrecision(2))} %`;
}

/** Formats milliseconds for people ("12.3 ms", "1.52 s", "4.0 min"); "n/a" for null. */
export function formatMs(ms: number | null): string {
  if (ms === null) return "n/a";
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(2)} h`;
}

/** Formats a duration given in seconds ("24 h", "10 min", "90 s"). */
export function formatSeconds(s: number): string {
  if (s % 86400 === 0 && s >= 2 * 86400) return `${s / 86400} d`;
  if (s % 3600 === 0 && s >= 3600) return `${s / 3600} h`;
  if (s % 60 === 0 && s >= 60) return `${s / 60} min`;
  return `${s} s`;
}

/** Formats dollars to the cent with thousands separators ("$1,234.50"). */
export function formatUsd(x: number): string {
  return `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Formats a plain number with up to `digits` decimals (2 significant digits below 1), dropping trailing zeros. */
export function formatNumber(x: number, digits = 2): string {
  if (x !== 0 && Math.abs(x) < 1) return String(Number(x.toPrecision(2)));
  return Number(x.toFixed(digits)).toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** Renders rows as a Markdown table; the first row is the header. Cells are escaped for pipes. */
export function markdownTable(rows: string[][], align?: Array<"l" | "r">): string {
  const esc = (c: string) => c.replace(/\|/g, "\\|");
  const [head, ...body] = rows;
  if (!head) return "";
  const sep = head.map((_, i) => ((align?.[i] ?? "l") === "r" ? "---:" : "---"));
  return [head, sep, ...body].map((r) => `| ${r.map(esc).join(" | ")} |`).join("\n") + "\n";
}

/** Renders rows as a fixed-width text table for terminals; the first row is the header. */
export function textTable(rows: string[][], align?: Array<"l" | "r">): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return (
    rows
      .map((r) =>
        r.map((c, i) => ((align?.[i] ?? "l") === "r" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd(),
      )
      .join("\n") + "\n"
  );
}
