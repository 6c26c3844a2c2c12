/** The side panel: the selected element's details, as definition lists. */
import type { ElementDetails } from "../view-types.js";
import { byId, clear, h } from "./dom.js";

export function showDetails(details: ElementDetails | undefined): void {
  const panel = byId("details");
  clear(panel);
  if (!details) {
    panel.append(h("p", { class: "hint" }, ["Click an instance or a node for its details."]));
    return;
  }
  panel.append(h("h2", {}, [details.title]), h("p", { class: "subtitle" }, [details.subtitle]));
  for (const section of details.sections) {
    panel.append(h("h3", {}, [section.title]));
    const list = h("dl");
    for (const row of section.rows) list.append(h("dt", {}, [row.label]), h("dd", {}, [row.value]));
    panel.append(list);
  }
}
