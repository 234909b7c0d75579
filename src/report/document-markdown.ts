import type { ReportBlock, ReportDocument } from "./document.js";
import { cellMarkdown, chartsPlacedAlone, placedSections } from "./document.js";
import { markdownTable } from "./format.js";

/**
 * The document as Markdown (`summary.md`), charts embedded as images of the SVG files written beside
 * it (`<chart name>.svg`). Pure. O(size of the document).
 */
export function documentMarkdown(doc: ReportDocument): string {
  const lines: string[] = [`# ${doc.title}`, ""];
  for (const p of doc.intro) lines.push(p.trim(), "");
  for (const s of placedSections(doc)) {
    lines.push(`## ${s.heading}`, "");
    for (const b of s.blocks) lines.push(...blockMarkdown(b, doc));
  }
  return lines.join("\n");
}

function blockMarkdown(block: ReportBlock, doc: ReportDocument): string[] {
  switch (block.kind) {
    case "paragraph":
      return [block.text.trim(), ""];
    case "list":
      return [...block.items.map((i) => `- ${i}`), ""];
    case "table":
      return [markdownTable(block.rows.map((r) => r.map(cellMarkdown)), block.align)];
    case "charts": {
      const alone = chartsPlacedAlone(doc);
      return doc.charts.filter((c) => !alone.has(c.name)).flatMap(chartImage);
    }
    case "chart":
      return doc.charts.filter((c) => c.name === block.name).flatMap(chartImage);
  }
}

/** A chart as a Markdown image of its SVG file, and a blank line. */
function chartImage(c: ReportDocument["charts"][number]): string[] {
  return [`![${c.title}](${encodeURI(`${c.name}.svg`)})`, ""];
}
