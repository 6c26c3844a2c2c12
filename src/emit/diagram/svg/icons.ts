/** A small glyph per service kind, drawn in a 14-pixel square with the kind's stroke colour. */
import type { ServiceKind } from "../../../model/types.js";
import { el, num, type SvgElement } from "./tree.js";

const S = 14;

function shapes(kind: ServiceKind): SvgElement[] {
  switch (kind) {
    case "web":
      return [
        el("circle", { cx: 7, cy: 7, r: 6 }),
        el("ellipse", { cx: 7, cy: 7, rx: 2.6, ry: 6 }),
        el("path", { d: "M1 7H13" }),
      ];
    case "api":
      return [
        el("path", {
          d: "M5 1.5C3 1.5 3.5 6 1.5 7C3.5 8 3 12.5 5 12.5M9 1.5C11 1.5 10.5 6 12.5 7C10.5 8 11 12.5 9 12.5",
        }),
      ];
    case "worker":
      return [
        el("circle", { cx: 7, cy: 7, r: 3 }),
        el("path", {
          d: "M7 1V3.5M7 10.5V13M1 7H3.5M10.5 7H13M2.8 2.8L4.6 4.6M9.4 9.4L11.2 11.2M2.8 11.2L4.6 9.4M9.4 4.6L11.2 2.8",
        }),
      ];
    case "scheduler":
      return [el("circle", { cx: 7, cy: 7, r: 6 }), el("path", { d: "M7 3.5V7L9.5 8.5" })];
    case "job":
      return [el("path", { d: "M3.5 2L11.5 7L3.5 12Z" })];
    case "database":
      return [
        el("ellipse", { cx: 7, cy: 3, rx: 5.5, ry: 2 }),
        el("path", {
          d: "M1.5 3V11C1.5 12.1 4 13 7 13C10 13 12.5 12.1 12.5 11V3M1.5 7C1.5 8.1 4 9 7 9C10 9 12.5 8.1 12.5 7",
        }),
      ];
    case "cache":
      return [el("path", { d: "M8 1L3 8H7L6 13L11 6H7Z" })];
    case "queue":
      return [el("path", { d: "M1 3H13M1 7H13M1 11H13M10 1L13 3L10 5" })];
    case "broker":
      return [
        el("circle", { cx: 7, cy: 7, r: 2 }),
        el("circle", { cx: 2, cy: 2.5, r: 1.3 }),
        el("circle", { cx: 12, cy: 2.5, r: 1.3 }),
        el("circle", { cx: 7, cy: 12.5, r: 1.3 }),
        el("path", { d: "M3 3.4L5.5 5.8M11 3.4L8.5 5.8M7 9V11.2" }),
      ];
    case "storage":
      return [el("path", { d: "M1.5 3.5H5.5L7 5H12.5V12H1.5Z" })];
    case "search":
      return [el("circle", { cx: 6, cy: 6, r: 4 }), el("path", { d: "M9 9L13 13" })];
    case "proxy":
      return [el("path", { d: "M1 4.5H12M9.5 2L12 4.5L9.5 7M13 9.5H2M4.5 7L2 9.5L4.5 12" })];
    case "gateway":
      return [el("path", { d: "M2 13V6C2 3.2 4.2 1 7 1C9.8 1 12 3.2 12 6V13M2 13H12M5 13V8H9V13" })];
    case "auth":
      return [
        el("rect", { x: 2.5, y: 6, width: 9, height: 7, rx: 1 }),
        el("path", { d: "M4.5 6V4C4.5 2.6 5.6 1.5 7 1.5C8.4 1.5 9.5 2.6 9.5 4V6" }),
      ];
    case "ai":
      return [el("path", { d: "M7 1L8.4 5.6L13 7L8.4 8.4L7 13L5.6 8.4L1 7L5.6 5.6Z" })];
    case "observability":
      return [el("path", { d: "M1 13H13M1.5 10L5 6L8 8.5L12.5 2.5" })];
    case "tool":
      return [
        el("path", {
          d: "M2 12L7.5 6.5M9.5 1.5C11.4 1.5 12.5 2.6 12.5 4.5C12.5 6.4 11.1 7.5 9.5 7.5C7.6 7.5 6.5 6.1 6.5 4.5L9 4.5L9.5 1.5",
        }),
      ];
    case "other":
      return [
        el("rect", { x: 2, y: 2, width: 10, height: 10, rx: 2 }),
        el("circle", { cx: 7, cy: 7, r: 1.2 }),
      ];
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown service kind ${String(unreachable)}`);
    }
  }
}

export function kindIcon(kind: ServiceKind, x: number, y: number, stroke: string): SvgElement {
  return el(
    "g",
    {
      class: "dv-icon",
      transform: `translate(${num(x)} ${num(y)})`,
      fill: "none",
      stroke,
      "stroke-width": 1.3,
      "stroke-linecap": "round",
      "stroke-linejoin": "round",
    },
    shapes(kind),
  );
}

export const ICON_SIZE = S;
