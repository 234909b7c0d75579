import { cellMarkdown, inlineText, type ReportCell, type ReportSection } from "./document.js";

/** The original run's tables, by section heading, in order (what the what-if tables are compared with). */
export type BaseTables = Record<string, ReportCell[][][]>;

/** A table cell's place in a document: its section, the table's index there, and its row and column. */
export interface CellAt {
  section: string;
  table: number;
  row: number;
  col: number;
}

/** How a what-if cell differs from the original's: the note after its text and the class of its direction. */
export interface CellMark {
  /** "was $563.58, +41.3 %", "was pass". */
  note: string;
  /** `up`, `down` (a number), `flipped` (a verdict), `changed` (a text). */
  dir: "up" | "down" | "flipped" | "changed";
}

/** The tables of `sections`, by heading (pure), for the page data. */
export function baseTables(sections: readonly ReportSection[]): BaseTables {
  const out: BaseTables = {};
  for (const s of sections) out[s.heading] = s.blocks.flatMap((b) => (b.kind === "table" ? [b.rows] : []));
  return out;
}

/** Milliseconds per unit of formatMs, and 1 for the others (`%`, dollars, counts). */
const UNIT_SCALE: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };

/** A formatted figure ("$1,234.50", "12.5 %", "1.20 s", "**$3.00**") as a number in its base unit and its kind; null for text. */
export function figureOf(text: string): { value: number; kind: string; digits: number } | null {
  const m = /^\$?(-?[\d,]*\.?\d+)\s*(ms|s|min|h|%)?$/.exec(inlineText(text).trim());
  if (m === null) return null;
  const unit = m[2] ?? (text.includes("$") ? "$" : "");
  const scale = UNIT_SCALE[unit];
  const digits = m[1]!.replace(/[^\d]/g, "").replace(/^0+/, "").length;
  return { value: Number(m[1]!.replace(/,/g, "")) * (scale ?? 1), kind: scale === undefined ? unit : "time", digits };
}

/** Fewest significant digits a shown original figure needs for a percent change read from it (`$0.09` → `$0.35` says "up", not "+288.9 %"). */
const PERCENT_DIGITS = 3;

/** The signed change from `base` to `now` as people read it: "+41.3 %", "−3.0 %", "up from 0". */
export function changeWords(base: number | null, now: number | null): string {
  if (base === null || now === null) return "";
  if (base === now) return "same";
  if (base === 0) return now > 0 ? "up from 0" : "down from 0";
  const pct = ((now - base) / Math.abs(base)) * 100;
  return `${pct > 0 ? "+" : "−"}${Math.abs(pct).toFixed(1)} %`;
}

/** How `now` differs from the original `base` cell, or null when they read the same (pure). */
export function cellMark(base: ReportCell, now: ReportCell): CellMark | null {
  if (typeof base !== "string" || typeof now !== "string") {
    const b = typeof base === "string" ? base : base.text;
    const n = typeof now === "string" ? now : now.text;
    return b === n ? null : { note: `was ${b}`, dir: "flipped" };
  }
  if (base === now) return null;
  const was = inlineText(base);
  const b = figureOf(base);
  const n = figureOf(now);
  if (b === null || n === null || b.kind !== n.kind || b.value === n.value) return { note: `was ${was}`, dir: "changed" };
  const dir = n.value > b.value ? "up" : "down";
  // The percent is read from the shown (rounded) figures: with too few digits it would be mostly rounding.
  return { note: `was ${was}, ${b.digits >= PERCENT_DIGITS ? changeWords(b.value, n.value) : dir}`, dir };
}

/**
 * The marks of a what-if document's table cells against the original's tables (pure): a cell is matched
 * by section heading, table index, row (its first cell's text) and column (its header's text); the
 * header row, the key column and cells with no original are not marked.
 */
export function tableMarker(now: readonly ReportSection[], base: BaseTables): (at: CellAt) => CellMark | null {
  const marks = new Map<string, CellMark>();
  const key = (at: CellAt) => `${at.section}\u0000${at.table}\u0000${at.row}\u0000${at.col}`;
  for (const s of now) {
    const tables = s.blocks.flatMap((b) => (b.kind === "table" ? [b.rows] : []));
    tables.forEach((rows, t) => {
      const old = base[s.heading]?.[t];
      if (old === undefined || rows.length === 0 || old.length === 0) return;
      const oldCols = new Map(old[0]!.map((c, i) => [cellMarkdown(c), i]));
      const oldRows = new Map(old.slice(1).map((r) => [r[0] === undefined ? "" : cellMarkdown(r[0]), r]));
      rows.forEach((row, r) => {
        if (r === 0) return;
        const was = row[0] === undefined ? undefined : oldRows.get(cellMarkdown(row[0]));
        if (was === undefined) return;
        row.forEach((cell, c) => {
          if (c === 0) return;
          const oc = oldCols.get(cellMarkdown(rows[0]![c] ?? ""));
          const before = oc === undefined ? undefined : was[oc];
          if (before === undefined) return;
          const mark = cellMark(before, cell);
          if (mark !== null) marks.set(key({ section: s.heading, table: t, row: r, col: c }), mark);
        });
      });
    });
  }
  return (at) => marks.get(key(at)) ?? null;
}
