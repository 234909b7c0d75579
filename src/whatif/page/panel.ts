/**
 * The What if panel of a run's page (bundled by bench/whatif-bundle.ts into dist/whatif/whatif-panel.js,
 * inlined by report/what-if-panel.ts). Reads the inputs, starts the worker from its `text/plain` script
 * through a blob: URL when the panel is opened, sends the changes as `run --set` texts, and shows the
 * results, the issues beside their fields, the equivalent command and the URL hash. Typechecked with
 * the DOM library (tsconfig.browser.json), apart from the Node code.
 */
import type { FromWorker, ToWorker, WhatIfPageData } from "../page-data.js";
import { originalLayered, withOriginalLayer } from "../../report/charts/original-layer.js";
import { formatSetsHash, parseSetsHash } from "../sets-hash.js";

declare const vegaEmbed: ((el: HTMLElement, spec: unknown, options: unknown) => Promise<unknown>) | undefined;
declare global {
  interface Window {
    /** The original charts' specs and names (the page's chart script). */
    lambdasimCharts?: { specs: unknown[]; names: string[] };
  }
}

/** Quiet time after the last keystroke before the changes are checked, ms. */
const CHECK_DELAY_MS = 400;

const EMBED_OPTIONS = { renderer: "svg", actions: { export: true, source: false, compiled: false, editor: false } };

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no #${id}`);
  return el as T;
}

const panel = byId<HTMLDetailsElement>("whatif");
const data = JSON.parse(byId("whatif-data").textContent ?? "null") as WhatIfPageData;
const form = byId<HTMLFormElement>("whatif-form");
const progress = byId<HTMLProgressElement>("whatif-progress");
const status = byId("whatif-status");
const issuesBox = byId("whatif-issues");
const commandBox = byId("whatif-command");
const results = byId("whatif-results");
const download = byId<HTMLButtonElement>("whatif-download");
const inputs = [...panel.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-path]")];

let worker: Worker | null = null;
let workerUrl: string | null = null;
let nextId = 1;
/** The request whose answer the panel waits for (a run or a check); answers to others are stale. */
let awaited = 0;
let running = false;
/** Sets from the URL hash that no input shows (`arrivals.rate=100/s` for every function): kept and sent. */
let extraSets: string[] = [];
let lastYaml: string | null = null;

/** Starts the worker from the page's embedded bundle (parsed only now, when the panel is opened). */
function ensureWorker(): Worker {
  if (worker !== null) return worker;
  if (workerUrl === null) {
    const source = byId("whatif-worker").textContent ?? "";
    workerUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  }
  const w = new Worker(workerUrl);
  w.onmessage = (e: MessageEvent<FromWorker>) => onAnswer(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    fail(`the simulation stopped: ${e.message}`);
  };
  post(w, { kind: "init", data });
  worker = w;
  return w;
}

function post(w: Worker, msg: ToWorker): void {
  w.postMessage(msg);
}

/** The changes as `run --set` texts: each input that differs from the run's value, then the hash's other sets. */
function currentSets(): { sets: string[]; refused: Array<{ path: string; message: string }> } {
  const sets: string[] = [];
  const refused: Array<{ path: string; message: string }> = [];
  for (const el of inputs) {
    const value = el.value.trim();
    const initial = el.dataset.initial ?? "";
    el.classList.toggle("changed", value !== initial);
    if (value === initial) continue;
    const path = el.dataset.path!;
    if (value === "") refused.push({ path, message: `${el.dataset.issuePath}: empty; expected a value (the page cannot remove a field: put back ${initial})` });
    else sets.push(`${path}=${value}`);
  }
  return { sets: [...sets, ...extraSets], refused };
}

function clearIssues(): void {
  issuesBox.textContent = "";
  for (const el of panel.querySelectorAll<HTMLElement>("[data-issue-for]")) el.textContent = "";
}

/** Shows an issue beside the input it names (by field path, or by the set's path), else above the results. */
function showIssue(issue: { path: string; set: string | null; message: string }): void {
  const setPath = issue.set === null ? null : issue.set.split("=")[0];
  const input = inputs.find((el) => el.dataset.issuePath === issue.path || (setPath !== null && el.dataset.path === setPath));
  const box = input === undefined ? null : panel.querySelector<HTMLElement>(`[data-issue-for="${CSS.escape(input.dataset.path!)}"]`);
  if (box) box.textContent = box.textContent ? `${box.textContent} ${issue.message}` : issue.message;
  else {
    const p = document.createElement("p");
    p.textContent = issue.message;
    issuesBox.append(p);
  }
}

function setState(state: "idle" | "running" | "done" | "invalid" | "error"): void {
  panel.dataset.state = state;
}

function fail(message: string): void {
  running = false;
  progress.hidden = true;
  status.textContent = "";
  const p = document.createElement("p");
  p.textContent = message;
  issuesBox.append(p);
  setState("error");
  worker?.terminate();
  worker = null;
}

/** Runs the panel's changes; a run still going is cancelled (its worker terminated) first. */
function run(): void {
  clearTimeout(checkTimer);
  clearIssues();
  const { sets, refused } = currentSets();
  writeHash(sets);
  if (refused.length > 0) {
    for (const r of refused) showIssue({ path: "", set: r.path, message: r.message });
    setState("invalid");
    return;
  }
  if (running && worker !== null) {
    worker.terminate();
    worker = null;
  }
  const id = nextId++;
  awaited = id;
  running = true;
  setState("running");
  progress.hidden = false;
  progress.value = 0;
  status.textContent = "checking…";
  post(ensureWorker(), { kind: "run", id, sets });
}

/** Checks the changes as they are typed (no simulation): issues beside the fields, and the command. */
function check(): void {
  if (running) return;
  clearIssues();
  const { sets, refused } = currentSets();
  for (const r of refused) showIssue({ path: "", set: r.path, message: r.message });
  if (refused.length > 0) return;
  const id = nextId++;
  awaited = id;
  post(ensureWorker(), { kind: "check", id, sets });
}

function onAnswer(msg: FromWorker): void {
  if (msg.id !== awaited) return;
  switch (msg.kind) {
    case "progress":
      progress.value = msg.fraction;
      status.textContent = `simulating… ${Math.round(msg.fraction * 100)} %`;
      return;
    case "checked":
      commandBox.textContent = msg.command;
      return;
    case "issues":
      for (const issue of msg.issues) showIssue(issue);
      if (running) {
        running = false;
        progress.hidden = true;
        status.textContent = "not run: see the messages beside the fields";
        setState("invalid");
      }
      return;
    case "error":
      fail(`the simulation failed: ${msg.message}`);
      return;
    case "done":
      running = false;
      progress.hidden = true;
      status.textContent = `${msg.events.toLocaleString("en-US")} events in ${msg.wallSeconds.toFixed(2)} s`;
      commandBox.textContent = msg.command;
      lastYaml = msg.yaml;
      download.disabled = false;
      showResults(msg.html, msg.charts);
      setState("done"); // the figures are in; the charts follow
      return;
  }
}

/** Each chart's pair of places, by chart name: the original (drawn once) and the what-if (redrawn each run). */
const chartPairs = new Map<string, { figure: HTMLElement; right: HTMLElement; change: HTMLElement; original: unknown }>();
const chartsBox = document.createElement("div");

/**
 * The results' HTML (made by the worker with the report's own code: every text escaped), then, a frame
 * later so that the figures show first, each chart beside the original of the same name.
 */
function showResults(html: string, charts: Array<{ name: string; title: string; spec: unknown; change: string | null }>): void {
  results.innerHTML = html;
  if (charts.length === 0) return;
  const heading = document.createElement("h3");
  heading.textContent = "Charts: original (left) and what if (right)";
  results.append(heading, chartsBox);
  setTimeout(() => drawCharts(charts), 0);
}

function drawCharts(charts: Array<{ name: string; title: string; spec: unknown; change: string | null }>): void {
  if (typeof vegaEmbed !== "function") return;
  const original = window.lambdasimCharts;
  const shown = new Set<string>();
  for (const c of charts) {
    shown.add(c.name);
    let pair = chartPairs.get(c.name);
    if (pair === undefined) {
      const figure = document.createElement("figure");
      const caption = document.createElement("figcaption");
      caption.textContent = c.title;
      const grid = document.createElement("div");
      grid.className = "pair";
      const left = document.createElement("div");
      const right = document.createElement("div");
      grid.append(left, right);
      const change = document.createElement("p");
      change.className = "chart-change";
      figure.append(caption, grid, change);
      const index = original?.names.indexOf(c.name) ?? -1;
      if (index >= 0) void vegaEmbed(left, original!.specs[index], EMBED_OPTIONS).catch((err: Error) => (left.textContent = err.message));
      else left.textContent = "(not in the original run)";
      pair = { figure, right, change, original: index >= 0 ? original!.specs[index] : null };
      chartPairs.set(c.name, pair);
    }
    chartsBox.append(pair.figure); // in this run's order
    // The time series gain the original's lines, faded and dashed, under the what-if ones.
    const layered = originalLayered(c.name) && pair.original !== null ? withOriginalLayer(c.spec, pair.original) : null;
    const words = [...(c.change === null ? [] : [`What if: ${c.change}.`]), ...(layered === null ? [] : ["Faded dashed lines on the right: the original run."])];
    pair.change.textContent = words.join(" ");
    pair.change.hidden = words.length === 0;
    const right = document.createElement("div");
    if (layered !== null) right.dataset.originalLayer = "";
    pair.right.replaceWith(right);
    pair.right = right;
    void vegaEmbed(right, layered ?? c.spec, EMBED_OPTIONS).catch((err: Error) => (right.textContent = err.message));
  }
  for (const [name, pair] of chartPairs) if (!shown.has(name)) pair.figure.remove();
}

/** Puts the changes into the URL hash (`#set=PATH=VALUE&set=...`), so the link reproduces them. */
function writeHash(sets: string[]): void {
  const hash = formatSetsHash(sets);
  if (location.hash === hash || (hash === "" && location.hash === "")) return;
  try {
    history.replaceState(null, "", hash === "" ? location.pathname + location.search : hash);
  } catch {
    location.hash = hash;
  }
}

/** Applies the URL hash's sets to the inputs (the others kept as extra sets); true when it had any. */
function applyHash(): boolean {
  const sets = parseSetsHash(location.hash);
  if (sets.length === 0) return false;
  for (const el of inputs) el.value = el.dataset.initial ?? "";
  extraSets = [];
  for (const text of sets) {
    const eq = text.indexOf("=");
    const path = eq < 0 ? text : text.slice(0, eq);
    const input = inputs.find((el) => el.dataset.path === path);
    if (input !== undefined && eq >= 0) input.value = text.slice(eq + 1);
    else extraSets.push(text);
  }
  return true;
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  run();
});
// Checked as typed, a moment after the last key (not on blur: a message appearing as the Run button is
// pressed would move the button from under the pointer).
let checkTimer: ReturnType<typeof setTimeout> | undefined;
form.addEventListener("input", () => {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, CHECK_DELAY_MS);
});
byId("whatif-reset").addEventListener("click", () => {
  for (const el of inputs) el.value = el.dataset.initial ?? "";
  extraSets = [];
  check();
  writeHash([]);
});
download.addEventListener("click", () => {
  if (lastYaml === null) return;
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([lastYaml], { type: "application/yaml" }));
  a.download = `${data.scenario.baseName}-what-if.yaml`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});
panel.addEventListener("toggle", () => {
  if (panel.open && worker === null) check();
});
window.addEventListener("hashchange", () => {
  if (applyHash()) {
    panel.open = true;
    run();
  }
});
// A link with changes opens the panel and runs them.
if (applyHash()) {
  panel.open = true;
  run();
}
