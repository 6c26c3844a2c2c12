/** The viewer page: tabs per environment, the diagram with pan and zoom, details, findings, live reload. */
import type { ViewData } from "../view-types.js";
import { showComparison } from "./compare.js";
import { showDetails } from "./details.js";
import { byId, clear, h, svgDom } from "./dom.js";
import { showFindings } from "./findings.js";
import { PanZoom, type View } from "./pan-zoom.js";

const COMPARE = "\u0000compare";

interface State {
  data: ViewData | undefined;
  tab: string | undefined;
  selected: string | undefined;
  finding: number | undefined;
  /** Zoom and pan per environment, kept across reloads. */
  views: Map<string, View>;
}

const state: State = {
  data: undefined,
  tab: undefined,
  selected: undefined,
  finding: undefined,
  views: new Map(),
};
const canvas = byId("canvas");
const panZoom = new PanZoom(canvas, (target) => {
  const element = target.closest("[data-element]");
  select(element?.getAttribute("data-element") ?? undefined);
});

function environment() {
  return state.data?.environments.find((e) => e.id === state.tab);
}

function mark(): void {
  for (const el of Array.from(canvas.querySelectorAll(".dv-selected, .dv-highlight")))
    el.classList.remove("dv-selected", "dv-highlight");
  const find = (ref: string) =>
    Array.from(canvas.querySelectorAll("[data-element]")).filter(
      (el) => el.getAttribute("data-element") === ref,
    );
  if (state.selected) for (const el of find(state.selected)) el.classList.add("dv-selected");
  const finding = state.finding === undefined ? undefined : state.data?.findings[state.finding];
  for (const ref of (finding && state.tab && finding.elements[state.tab]) || [])
    for (const el of find(ref)) el.classList.add("dv-highlight");
}

function select(ref: string | undefined): void {
  state.selected = ref;
  showDetails(ref ? environment()?.elements[ref] : undefined);
  mark();
}

function renderTabs(): void {
  const nav = byId("tabs");
  clear(nav);
  const tabs = [
    ...(state.data?.environments ?? []).map((e) => ({ id: e.id, name: e.name })),
    { id: COMPARE, name: "Compare" },
  ];
  for (const tab of tabs) {
    const button = h(
      "button",
      {
        type: "button",
        role: "tab",
        "aria-selected": String(tab.id === state.tab),
        "data-tab": tab.id === COMPARE ? "compare" : tab.id,
      },
      [tab.name],
    );
    button.addEventListener("click", () => switchTo(tab.id));
    nav.append(button);
  }
}

function renderStage(keepView: boolean): void {
  const data = state.data;
  const compare = byId("compare");
  if (state.tab && state.views && !keepView) state.views.delete(state.tab);
  if (state.tab === COMPARE) {
    canvas.hidden = true;
    compare.hidden = false;
    byId("zoom-controls").hidden = true;
    showDetails(undefined);
    byId("summary").textContent = "Every environment side by side";
    if (data) showComparison(data);
    return;
  }
  canvas.hidden = false;
  compare.hidden = true;
  byId("zoom-controls").hidden = false;
  const current = environment();
  byId("summary").textContent = current?.summary ?? "";
  clear(canvas);
  if (!current) return;
  canvas.append(svgDom(current.diagram));
  // Elements can be reached with the keyboard too: Tab to them, Enter to open their details.
  for (const element of Array.from(canvas.querySelectorAll("[data-element]"))) {
    if (element.getAttribute("data-element")?.startsWith("external:")) continue;
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
  }
  const saved = state.views.get(current.id);
  if (saved) panZoom.set(saved);
  else panZoom.fit();
  if (state.selected && !current.elements[state.selected]) state.selected = undefined;
  showDetails(state.selected ? current.elements[state.selected] : undefined);
  mark();
}

function switchTo(tab: string): void {
  if (state.tab && state.tab !== COMPARE) state.views.set(state.tab, panZoom.get());
  state.tab = tab;
  state.selected = undefined;
  // The tab goes into the address, so reloading the page or sharing the link keeps it.
  history.replaceState(null, "", `#${encodeURIComponent(tab === COMPARE ? "compare" : tab)}`);
  renderTabs();
  renderStage(true);
}

function pickFinding(index: number): void {
  const finding = state.data?.findings[index];
  state.finding = state.finding === index ? undefined : index;
  // Go to an environment where the finding has elements, if the current one has none.
  if (finding && state.finding !== undefined && state.tab && !finding.elements[state.tab]) {
    const other = Object.keys(finding.elements)[0];
    if (other) switchTo(other);
  }
  showFindings(state.data?.findings ?? [], state.finding, pickFinding);
  mark();
}

function apply(data: ViewData): void {
  if (state.tab && state.tab !== COMPARE && canvas.querySelector("svg"))
    state.views.set(state.tab, panZoom.get());
  const first = !state.data;
  state.data = data;
  document.title = `${data.title} — deployview`;
  byId("title").textContent = data.title;
  byId("file").textContent = data.file;
  if (first) {
    const wanted = decodeURIComponent(location.hash.slice(1));
    state.tab = wanted === "compare" ? COMPARE : data.environments.find((e) => e.id === wanted)?.id;
  }
  if (!state.tab || (state.tab !== COMPARE && !data.environments.some((e) => e.id === state.tab)))
    state.tab = data.environments[0]?.id ?? COMPARE;
  if (state.finding !== undefined && state.finding >= data.findings.length) state.finding = undefined;
  renderTabs();
  renderStage(!first);
  showFindings(data.findings, state.finding, pickFinding);
  const panel = byId("error-panel");
  panel.hidden = !data.error;
  byId("error-text").textContent = data.error?.text ?? "";
  document.body.dataset.version = String(data.version);
  document.body.dataset.state = data.error ? "error" : "ok";
}

canvas.addEventListener("keydown", (event) => {
  const target = event.target instanceof Element ? event.target.closest("[data-element]") : null;
  if (event.key === "Enter" && target) select(target.getAttribute("data-element") ?? undefined);
  if (event.key === "Escape") select(undefined);
});
byId("zoom-in").addEventListener("click", () => panZoom.zoomCentre(1.25));
byId("zoom-out").addEventListener("click", () => panZoom.zoomCentre(1 / 1.25));
byId("zoom-fit").addEventListener("click", () => panZoom.fit());

async function start(): Promise<void> {
  const response = await fetch("/api/view");
  apply((await response.json()) as ViewData);
  const events = new EventSource("/api/events");
  events.addEventListener("view", (event) =>
    apply(JSON.parse((event as MessageEvent<string>).data) as ViewData),
  );
}

void start();
