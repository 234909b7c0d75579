import { chartsPlacedAlone, placedSections, type ReportBlock, type ReportCell, type ReportDocument } from "./document.js";
import type { VegaLibraries } from "./vega-libraries.js";
import { WHATIF_STYLE, whatIfPanelHtml, type WhatIfPage } from "./what-if-panel.js";
import { escapeHtml, inlineScript } from "./html-text.js";
import type { CellAt, CellMark } from "./what-if-diff.js";

export { escapeHtml, inlineScript };

/** Inline Markdown of a report document as HTML: escaped, `**bold**` and `code` kept. */
export function inlineHtml(md: string): string {
  return escapeHtml(md)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/`(.+?)`/g, "<code>$1</code>");
}

/** Marks a table cell (the what-if panel: how it differs from the original run's), or null for none. */
export type CellMarker = (at: CellAt) => CellMark | null;

function cellHtml(cell: ReportCell, tag: "td" | "th", numeric: boolean, mark: CellMark | null = null): string {
  const classes = [...(numeric ? ["num"] : []), ...(typeof cell === "string" ? [] : [cell.tone]), ...(mark === null ? [] : ["diff", mark.dir])];
  const text = typeof cell === "string" ? inlineHtml(cell) : escapeHtml(cell.text);
  const note = mark === null ? "" : ` <span class="was">(${escapeHtml(mark.note)})</span>`;
  return `<${tag}${classes.length > 0 ? ` class="${classes.join(" ")}"` : ""}>${text}${note}</${tag}>`;
}

function tableHtml(rows: ReportCell[][], align: Array<"l" | "r"> | undefined, mark: (row: number, col: number) => CellMark | null): string {
  const [head, ...body] = rows;
  if (!head) return "";
  const num = (i: number) => align?.[i] === "r";
  return (
    "<table>\n<thead><tr>" +
    head.map((c, i) => cellHtml(c, "th", num(i))).join("") +
    "</tr></thead>\n<tbody>\n" +
    body.map((r, j) => "<tr>" + r.map((c, i) => cellHtml(c, "td", num(i), mark(j + 1, i))).join("") + "</tr>").join("\n") +
    "\n</tbody>\n</table>\n"
  );
}

/** One block as HTML; chart blocks become one placeholder per chart (`${chartId}${i}`), filled by vega-embed. */
function blockHtml(block: ReportBlock, doc: ReportDocument, chartId: string, mark: (row: number, col: number) => CellMark | null): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${inlineHtml(block.text.trim())}</p>\n`;
    case "list":
      return `<ul>\n${block.items.map((i) => `<li>${inlineHtml(i)}</li>`).join("\n")}\n</ul>\n`;
    case "table":
      return tableHtml(block.rows, block.align, mark);
    case "charts": {
      const alone = chartsPlacedAlone(doc);
      return (
        "<noscript><p>The charts need JavaScript; the same charts are saved beside this page as SVG and PNG files.</p></noscript>\n" +
        doc.charts
          .flatMap((c, i) => (alone.has(c.name) ? [] : [chartFigure(c.title, chartId, i)]))
          .join("\n") +
        "\n"
      );
    }
    case "chart": {
      const i = doc.charts.findIndex((c) => c.name === block.name);
      return i < 0 ? "" : chartFigure(doc.charts[i]!.title, chartId, i) + "\n";
    }
  }
}

/** The placeholder of chart `i` (`${chartId}${i}`), which vega-embed fills. */
function chartFigure(title: string, chartId: string, i: number): string {
  return `<figure><div class="chart" id="${chartId}${i}" role="img" aria-label="${escapeHtml(title)}"></div></figure>`;
}

const STYLE = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222; margin: 0 auto; max-width: 960px; padding: 1.5rem; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 0.6rem 0; } th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e5e5e5; text-align: left; }
th { background: #f6f6f6; } .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pass { color: #1a7f37; font-weight: 600; } .fail { color: #c62828; font-weight: 700; } .nodata { color: #777; }
figure { margin: 1.2rem 0; } .muted { color: #666; }
code { font-size: 0.92em; background: #f3f3f3; padding: 0 0.2em; border-radius: 3px; }
`;

/**
 * A document's sections as HTML, each under an `<hN>` heading (`level`), chart blocks as placeholders
 * with the ids `${chartId}0`, `${chartId}1`, ... (pure). The page uses it, and the what-if panel for its results,
 * whose `marker` marks each changed table cell with the original's value.
 */
export function sectionsHtml(doc: ReportDocument, level = 2, chartId = "chart-", marker: CellMarker = () => null): string {
  return placedSections(doc)
    .map((s) => {
      let table = -1;
      const blocks = s.blocks.map((b) => {
        const t = b.kind === "table" ? ++table : -1;
        return blockHtml(b, doc, chartId, (row, col) => (t < 0 ? null : marker({ section: s.heading, table: t, row, col })));
      });
      return `<h${level}>${inlineHtml(s.heading)}</h${level}>\n` + blocks.join("");
    })
    .join("");
}

/**
 * The self-contained report page of a document (pure: returns HTML text). The libraries and the
 * chart specs are inlined and a Content-Security-Policy forbids every network request, so it works
 * offline from file://. Charts appear where the document has a `charts` block (at the end when none).
 * With `whatIf` (a run's page), the What if panel follows the introduction; its worker starts from a
 * blob: URL (`worker-src blob:`, the one source the policy adds), only when the panel is opened.
 */
export function htmlPage(doc: ReportDocument, libraries: VegaLibraries, whatIf?: WhatIfPage): string {
  const specsJson = JSON.stringify(doc.charts.map((c) => c.spec)).replace(/</g, "\\u003c");
  const body = sectionsHtml(doc);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:${whatIf ? "; worker-src blob:" : ""}">
<title>${escapeHtml(doc.title)} · lambdasim</title>
<style>${STYLE}${whatIf ? WHATIF_STYLE : ""}</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
${doc.intro.map((p) => `<p>${inlineHtml(p.trim())}</p>\n`).join("")}${whatIf ? whatIfPanelHtml(whatIf) : ""}${body}<script>${inlineScript(libraries.vega)}</script>
<script>${inlineScript(libraries.vegaLite)}</script>
<script>${inlineScript(libraries.vegaEmbed)}</script>
<script>
(function () {
  var specs = ${specsJson};
  // The what-if panel draws its charts beside these, matched by name.
  window.lambdasimCharts = { specs: specs, names: ${JSON.stringify(doc.charts.map((c) => c.name)).replace(/</g, "\\u003c")} };
  var options = { renderer: "svg", actions: { export: true, source: false, compiled: false, editor: false } };
  specs.forEach(function (spec, i) {
    var el = document.getElementById("chart-" + i);
    vegaEmbed(el, spec, options).catch(function (err) {
      el.textContent = "This chart failed to render: " + err.message;
      console.error(err);
    });
  });
})();
</script>
</body>
</html>
`;
}
