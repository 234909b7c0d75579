import type { ChartSpec } from "./charts/chart-spec.js";

/**
 * A report as content, before it is Markdown or HTML: the same document renders as `summary.md`
 * (document-markdown.ts) and as `index.html` (html-page.ts), so the two never disagree. Text is
 * inline Markdown limited to `code` and **bold**, which both renderers understand.
 */
export interface ReportDocument {
  /** Page title and first heading (the scenario's name). */
  title: string;
  /** Opening paragraphs: the scenario in a few sentences. */
  intro: string[];
  sections: ReportSection[];
  /** Every chart of the report, in page order; a `charts` block places them. */
  charts: ChartSpec[];
}

/** A titled section of blocks. */
export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
}

/** A verdict shown coloured in the page and bold when it fails. */
export interface VerdictCell {
  text: string;
  tone: "pass" | "fail" | "nodata";
}

/** A table cell: inline Markdown text, or a verdict. */
export type ReportCell = string | VerdictCell;

/**
 * One block of a section: a paragraph, a bulleted list, a table (first row the header), the charts, or
 * one chart by name placed in its section (a `charts` block then places the others).
 */
export type ReportBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; rows: ReportCell[][]; align?: Array<"l" | "r"> }
  | { kind: "charts" }
  | { kind: "chart"; name: string };

/** A paragraph block. */
export function paragraph(text: string): ReportBlock {
  return { kind: "paragraph", text };
}

/** A table block; `align` per column, left by default. */
export function table(rows: ReportCell[][], align?: Array<"l" | "r">): ReportBlock {
  return align === undefined ? { kind: "table", rows } : { kind: "table", rows, align };
}

/** A verdict cell from a pass flag: "pass", "**FAIL**", or "no data" for null. */
export function verdict(pass: boolean | null): VerdictCell {
  return pass === null ? { text: "no data", tone: "nodata" } : pass ? { text: "pass", tone: "pass" } : { text: "FAIL", tone: "fail" };
}

/** Inline markdown of a report document as plain terminal text: `**bold**` and `code` marks dropped. */
export function inlineText(md: string): string {
  return md.replace(/\*\*(.+?)\*\*/g, "$1").replace(/`(.+?)`/g, "$1");
}

/** A cell's text as inline Markdown (failed verdicts in bold). */
export function cellMarkdown(cell: ReportCell): string {
  if (typeof cell === "string") return cell;
  return cell.tone === "fail" ? `**${cell.text}**` : cell.text;
}

/** The document's sections, with a "Charts" section appended when it has charts that no block places. */
export function placedSections(doc: ReportDocument): ReportSection[] {
  const placed = doc.sections.some((s) => s.blocks.some((b) => b.kind === "charts"));
  const alone = chartsPlacedAlone(doc);
  const left = doc.charts.some((c) => !alone.has(c.name));
  return placed || !left ? doc.sections : [...doc.sections, { heading: "Charts", blocks: [{ kind: "charts" }] }];
}

/** Names of the charts that a `chart` block places in its own section (the `charts` block leaves them out). */
export function chartsPlacedAlone(doc: ReportDocument): Set<string> {
  const out = new Set<string>();
  for (const s of doc.sections) for (const b of s.blocks) if (b.kind === "chart") out.add(b.name);
  return out;
}
