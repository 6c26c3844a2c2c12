/** Environments side by side: where each service runs in each, and the diagrams next to each other. */
import type { ViewData } from "../view-types.js";
import { byId, clear, h, svgDom } from "./dom.js";

export function showComparison(data: ViewData): void {
  const panel = byId("compare");
  clear(panel);
  const head = h("tr", {}, [
    h("th", {}, ["Service"]),
    ...data.environments.map((e) => h("th", {}, [e.name])),
  ]);
  const rows = data.placement.map((row) =>
    h("tr", {}, [
      h("th", {}, [row.name]),
      ...data.environments.map((e) => {
        const text = row.cells[e.id] ?? "";
        return h("td", text ? {} : { class: "absent" }, [text || "—"]);
      }),
    ]),
  );
  panel.append(h("table", {}, [h("thead", {}, [head]), h("tbody", {}, rows)]));
  const figures = data.environments.map((e) =>
    h("figure", {}, [h("figcaption", {}, [e.name]), svgDom(e.diagram)]),
  );
  panel.append(h("div", { class: "side-by-side" }, figures));
}
