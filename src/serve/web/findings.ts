/** The findings list: each entry says what and where, and clicking it highlights its elements. */
import type { Finding } from "../view-types.js";
import { byId, clear, h } from "./dom.js";

export function showFindings(
  findings: Finding[],
  active: number | undefined,
  onPick: (index: number) => void,
): void {
  const list = byId("finding-list");
  clear(list);
  if (findings.length === 0) {
    list.append(h("li", { class: "hint" }, ["No findings."]));
    return;
  }
  findings.forEach((finding, index) => {
    const where = finding.range
      ? `${finding.file ?? ""}:${finding.range.start.line}:${finding.range.start.column}`
      : (finding.file ?? "");
    const button = h(
      "button",
      { type: "button", class: index === active ? "active" : "", "data-finding": String(index) },
      [
        h("span", { class: `severity ${finding.severity}` }, [finding.severity]),
        finding.message,
        h("br"),
        h("span", { class: "code" }, [`${finding.code} · ${where}`]),
      ],
    );
    button.addEventListener("click", () => onPick(index));
    list.append(h("li", {}, [button]));
  });
}
