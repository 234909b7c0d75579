import { escapeHtml, inlineScript } from "./html-text.js";

/** One input of the What if panel: the scenario field it sets, as `run --set` names it, and its value as the scenario has it. */
export interface WhatIfKnob {
  /** The `--set` path: `functions.api.memoryMB`, `account.concurrencyLimit`, `horizon`. */
  path: string;
  /** The field path issues name (`functions[0].memoryMB`): the message of a refused value shows beside this input. */
  issuePath: string;
  /** Group heading: the function's name, or "scenario". */
  group: string;
  label: string;
  /** The value as the original run had it, as one would write it after `--set PATH=` (`512`, `10s`, `50/s`); "" for none. */
  value: string;
  /** `select` offers `options`; `number` and `text` are free text, checked by the scenario's validator. */
  kind: "number" | "text" | "select";
  options?: string[];
  /** A word on what the field takes, shown under the input. */
  hint?: string;
}

/** What `htmlPage` needs to add the What if panel to a run's page. */
export interface WhatIfPage {
  knobs: WhatIfKnob[];
  /** The JSON the worker and the panel read (the scenario, the run's flags, the original headline, ...). */
  data: unknown;
  /** A sentence shown at the top of the panel (e.g. why the horizon starts shorter than the run's), or null. */
  note: string | null;
  /** The worker bundle (dist/whatif/whatif-worker.js), kept as text until the panel is opened. */
  workerSource: string;
  /** The panel's script (dist/whatif/whatif-panel.js). */
  panelSource: string;
}

/** CSS of the panel, added to the page's. */
export const WHATIF_STYLE = `
#whatif { border: 1px solid #ccd; border-radius: 6px; padding: 0.4rem 0.9rem; margin: 1rem 0; background: #fbfbfe; }
#whatif > summary { font-weight: 600; font-size: 1.1rem; cursor: pointer; }
#whatif fieldset { border: 0; border-top: 1px solid #e3e3ee; margin: 0.5rem 0; padding: 0.4rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
#whatif legend { font-weight: 600; padding: 0 0.3rem 0 0; }
#whatif label { display: flex; flex-direction: column; font-size: 0.85rem; min-width: 9rem; max-width: 16rem; }
#whatif input, #whatif select { font: inherit; padding: 0.15rem 0.3rem; }
#whatif input.changed, #whatif select.changed { border: 2px solid #3b6fd8; }
#whatif .field-issue { color: #c62828; font-size: 0.8rem; }
#whatif .hint { color: #777; font-size: 0.75rem; }
#whatif progress { width: 14rem; vertical-align: middle; }
#whatif .command { display: block; white-space: pre-wrap; word-break: break-all; padding: 0.3rem; margin: 0.4rem 0; }
#whatif .change.up, #whatif .diff.up .was { color: #b35c00; } #whatif .change.down, #whatif .diff.down .was { color: #1a5fb4; }
#whatif .diff { background: #fff8e6; } #whatif .diff .was { display: block; font-size: 0.8rem; color: #666; font-weight: normal; }
#whatif .diff.flipped { outline: 2px solid #c62828; outline-offset: -2px; }
#whatif .chart-change { font-size: 0.85rem; color: #444; margin: 0.2rem 0 0; }
#whatif .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0.6rem; }
#whatif .pair svg { max-width: 100%; height: auto; }
`;

function knobHtml(k: WhatIfKnob): string {
  const attrs = `data-path="${escapeHtml(k.path)}" data-issue-path="${escapeHtml(k.issuePath)}" data-initial="${escapeHtml(k.value)}" name="${escapeHtml(k.path)}"`;
  const input =
    k.kind === "select"
      ? `<select ${attrs}>${(k.options ?? []).map((o) => `<option${o === k.value ? " selected" : ""}>${escapeHtml(o)}</option>`).join("")}</select>`
      : `<input ${attrs} type="text"${k.kind === "number" ? ` inputmode="numeric"` : ""} value="${escapeHtml(k.value)}" size="10">`;
  return (
    `<label>${escapeHtml(k.label)} ${input}` +
    (k.hint ? `<span class="hint">${escapeHtml(k.hint)}</span>` : "") +
    `<span class="field-issue" data-issue-for="${escapeHtml(k.path)}" role="alert"></span></label>`
  );
}

/**
 * The What if panel (pure: HTML text): a closed `<details>` with one input per knob grouped by function,
 * a Run button, a progress bar, the issues, the equivalent command, and the results area. Its data is a
 * JSON script and its worker a `text/plain` script, neither run until the panel is opened.
 */
export function whatIfPanelHtml(p: WhatIfPage): string {
  const groups = new Map<string, WhatIfKnob[]>();
  for (const k of p.knobs) groups.set(k.group, [...(groups.get(k.group) ?? []), k]);
  const fieldsets = [...groups].map(([g, ks]) => `<fieldset><legend>${escapeHtml(g)}</legend>${ks.map(knobHtml).join("")}</fieldset>`).join("\n");
  const data = JSON.stringify(p.data).replace(/</g, "\\u003c");
  return `<details id="whatif" data-state="idle">
<summary>What if…</summary>
<p class="muted">Change the scenario and simulate it again in this page (a Web Worker runs the same engine, seed and prices as <code>lambdasim run</code>; nothing leaves the page). The link in the address bar keeps the changes.${p.note ? " " + escapeHtml(p.note) : ""}</p>
<form id="whatif-form" autocomplete="off">
${fieldsets}
<p><button type="submit" id="whatif-run">Run</button> <button type="button" id="whatif-reset">Reset</button> <button type="button" id="whatif-download" disabled>Download scenario</button>
<progress id="whatif-progress" max="1" value="0" hidden></progress> <span id="whatif-status" class="muted" role="status"></span></p>
</form>
<div id="whatif-issues" class="fail" role="alert"></div>
<p class="muted">Same run on the command line:</p><code id="whatif-command" class="command"></code>
<div id="whatif-results"></div>
</details>
<script type="application/json" id="whatif-data">${data}</script>
<script type="text/plain" id="whatif-worker">${inlineScript(p.workerSource)}</script>
<script>${inlineScript(p.panelSource)}</script>
`;
}
