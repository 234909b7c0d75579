import type { ChartSpec } from "./charts/chart-spec.js";
import { formatCount, formatMs, formatPercent, formatSeconds, formatUsd } from "./format.js";
import { sloVerdicts } from "./slo-verdicts.js";
import { resultRows, type SummaryInput } from "./summary-markdown.js";
import type { VegaLibraries } from "./vega-libraries.js";
import { describeArrivals } from "../workload/describe-arrivals.js";

/** What the report page shows: the summary's input, the charts and the library sources to inline. */
export interface HtmlPageInput extends Omit<SummaryInput, "charts"> {
  charts: ChartSpec[];
  libraries: VegaLibraries;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A table cell of the Markdown summary as HTML: escaped, `**bold**` and `code` kept. */
function cellHtml(md: string): string {
  return escapeHtml(md)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/`(.+?)`/g, "<code>$1</code>");
}

function tableHtml(rows: string[][], numericFrom = 1): string {
  const [head, ...body] = rows;
  if (!head) return "";
  const cls = (i: number) => (i >= numericFrom ? ' class="num"' : "");
  return (
    "<table>\n<thead><tr>" +
    head.map((c, i) => `<th${cls(i)}>${cellHtml(c)}</th>`).join("") +
    "</tr></thead>\n<tbody>\n" +
    body.map((r) => "<tr>" + r.map((c, i) => `<td${cls(i)}>${cellHtml(c)}</td>`).join("") + "</tr>").join("\n") +
    "\n</tbody>\n</table>"
  );
}

/**
 * JavaScript source made safe inside an inline `<script>`: `</script` and `<!--` cannot end or
 * confuse the element. Both only occur inside strings or regular expressions, where `<\/` and `<\!` read the same.
 */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** The setting and key facts of the run, one line. */
function introHtml(input: HtmlPageInput): string {
  const { result, config } = input;
  const fns = config.functions
    .map(
      (f) =>
        `<code>${escapeHtml(f.name)}</code> (${escapeHtml(
          `${f.runtime}, ${f.architecture}, ${f.memoryMB} MB, ${f.invocation}, ${describeArrivals(f.arrivals)}`,
        )})`,
    )
    .join(", ");
  return (
    `Simulated ${formatSeconds(result.horizonSeconds)}` +
    (result.warmupSeconds > 0 ? ` (the first ${formatSeconds(result.warmupSeconds)} excluded as warm-up)` : "") +
    ` against ${config.functions.length === 1 ? "one function" : `${config.functions.length} functions`}: ${fns}; ` +
    `account concurrency limit ${formatCount(config.account.concurrencyLimit)}. ` +
    `Seed ${result.seed}, lambdasim ${escapeHtml(result.version)}.`
  );
}

function sloHtml(input: HtmlPageInput): string {
  const verdicts = sloVerdicts(input.slo, input.result.total);
  if (verdicts.length === 0) return "";
  const rows = verdicts.map((v) => {
    const fmt = (x: number | null) => (v.objective === "p99LatencyMs" ? formatMs(x) : formatPercent(x));
    const [cls, word] = v.pass === null ? ["nodata", "no data"] : v.pass ? ["pass", "pass"] : ["fail", "FAIL"];
    return (
      `<tr><td><code>${escapeHtml(v.objective)}</code></td><td class="num">${fmt(v.target)}</td>` +
      `<td class="num">${fmt(v.actual)}</td><td class="${cls}">${word}</td></tr>`
    );
  });
  return (
    "<h2>Service-level objectives</h2>\n<table>\n<thead><tr><th>objective</th><th class=\"num\">target</th>" +
    `<th class="num">actual</th><th>verdict</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>\n`
  );
}

function costHtml(input: HtmlPageInput): string {
  const cost = input.result.total.cost;
  if (!cost) return "";
  return `<p>Cost: <strong>${formatUsd(cost.monthly.total)} per month</strong> (projected), ${formatUsd(cost.window.total)} for the simulated window.</p>\n`;
}

const STYLE = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222; margin: 0 auto; max-width: 960px; padding: 1.5rem; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 0.6rem 0; } th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e5e5e5; text-align: left; }
th { background: #f6f6f6; } .num { text-align: right; font-variant-numeric: tabular-nums; }
.pass { color: #1a7f37; font-weight: 600; } .fail { color: #c62828; font-weight: 700; } .nodata { color: #777; }
figure { margin: 1.2rem 0; } .chart { min-height: 260px; } .muted { color: #666; }
code { font-size: 0.92em; background: #f3f3f3; padding: 0 0.2em; border-radius: 3px; }
`;

/**
 * The self-contained report page (pure: returns HTML text). The libraries and the chart specs are
 * inlined and a Content-Security-Policy forbids every network request, so it works offline from file://.
 */
export function htmlPage(input: HtmlPageInput): string {
  const { result, description, charts, libraries } = input;
  const specsJson = JSON.stringify(charts.map((c) => c.spec)).replace(/</g, "\\u003c");
  const figures = charts
    .map((c, i) => `<figure><div class="chart" id="chart-${i}" role="img" aria-label="${escapeHtml(c.title)}"></div></figure>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:">
<title>${escapeHtml(result.name)} · lambdasim</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(result.name)}</h1>
${description ? `<p>${escapeHtml(description.trim())}</p>\n` : ""}<p class="muted">${introHtml(input)}</p>
<h2>Results</h2>
${tableHtml(resultRows(result))}
${costHtml(input)}${sloHtml(input)}<h2>Charts</h2>
<noscript><p>The charts need JavaScript; the same charts are saved beside this page as SVG and PNG files.</p></noscript>
${figures}
<script>${inlineScript(libraries.vega)}</script>
<script>${inlineScript(libraries.vegaLite)}</script>
<script>${inlineScript(libraries.vegaEmbed)}</script>
<script>
(function () {
  var specs = ${specsJson};
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
