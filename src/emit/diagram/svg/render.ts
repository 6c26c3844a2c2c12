/** Draws a laid-out environment as an SVG element tree: nodes, then edges, instances, labels and the legend. */
import type {
  LaidEdge,
  LaidExternal,
  LaidInstance,
  LaidNode,
  Layout,
  LegendEntry,
  Rect,
  TextLine,
} from "../layout/types.js";
import { kindIcon } from "./icons.js";
import {
  EXTERNAL_PAINT,
  edgeStroke,
  INFRASTRUCTURE_PAINT,
  MUTED_TEXT,
  NESTED_NODE_PAINT,
  NODE_PAINT,
  type Paint,
  servicePaint,
  TEXT,
} from "./palette.js";
import { el, num, type SvgElement } from "./tree.js";

export const FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, sans-serif";

function text(line: TextLine, fill = line.role === "name" ? TEXT : MUTED_TEXT): SvgElement {
  return el(
    "text",
    {
      x: num(line.x),
      y: num(line.y),
      "font-size": line.size,
      "font-weight": line.weight === "bold" ? "bold" : undefined,
      fill,
    },
    [line.text],
  );
}

function rect(r: Rect, paint: Paint, extra: Record<string, string | number | undefined> = {}): SvgElement {
  return el("rect", {
    x: num(r.x),
    y: num(r.y),
    width: num(r.width),
    height: num(r.height),
    rx: 6,
    fill: paint.fill,
    stroke: paint.stroke,
    ...extra,
  });
}

/** Infrastructure nodes have cut corners, so they read as different from anything that runs software. */
function cutCorners(
  r: Rect,
  paint: Paint,
  extra: Record<string, string | number | undefined> = {},
): SvgElement {
  const c = Math.min(10, r.width / 4, r.height / 4);
  const [x0, y0, x1, y1] = [num(r.x), num(r.y), num(r.x + r.width), num(r.y + r.height)];
  return el("path", {
    d: `M${num(x0 + c)} ${y0}H${num(x1 - c)}L${x1} ${num(y0 + c)}V${num(y1 - c)}L${num(x1 - c)} ${y1}H${num(x0 + c)}L${x0} ${num(y1 - c)}V${num(y0 + c)}Z`,
    fill: paint.fill,
    stroke: paint.stroke,
    ...extra,
  });
}

function tooltip(lines: TextLine[], extra: string[] = []): SvgElement {
  return el("title", {}, [[...lines.map((l) => l.full ?? l.text), ...extra].join("\n")]);
}

function drawNode(node: LaidNode): SvgElement {
  const paint = node.infrastructure
    ? INFRASTRUCTURE_PAINT
    : node.depth === 0
      ? NODE_PAINT
      : NESTED_NODE_PAINT;
  // Namespaces and networks are logical boundaries, drawn dashed.
  const dash = node.kind === "namespace" || node.kind === "network" ? "5 3" : undefined;
  const frame = {
    "stroke-width": node.infrastructure ? 1.6 : 1.2,
    "stroke-dasharray": dash,
    class: "dv-frame",
  };
  return el("g", { class: "dv-node", "data-element": `node:${node.id}`, "data-kind": node.kind }, [
    tooltip(node.lines),
    node.infrastructure ? cutCorners(node, paint, frame) : rect(node, paint, frame),
    ...node.lines.map((l) =>
      text(l, l.role === "name" ? (node.infrastructure ? INFRASTRUCTURE_PAINT.stroke : TEXT) : MUTED_TEXT),
    ),
  ]);
}

function drawInstance(instance: LaidInstance): SvgElement {
  const paint = servicePaint(instance.kind);
  const shadows: SvgElement[] = [];
  for (let i = instance.stack; i >= 1; i--) {
    shadows.push(
      rect({ ...instance.face, x: instance.face.x + i * 5, y: instance.face.y - i * 5 }, paint, {
        "stroke-width": 1,
        class: "dv-replica",
      }),
    );
  }
  return el(
    "g",
    { class: "dv-instance", "data-element": `instance:${instance.id}`, "data-kind": instance.kind },
    [
      tooltip(instance.lines, [`kind: ${instance.kind}`]),
      ...shadows,
      rect(instance.face, paint, { "stroke-width": 1.4, class: "dv-frame" }),
      kindIcon(instance.kind, instance.face.x + 10, instance.face.y + 10, paint.stroke),
      ...instance.lines.map((l) => text(l)),
    ],
  );
}

function drawExternal(external: LaidExternal): SvgElement {
  return el("g", { class: "dv-external", "data-element": `external:${external.id}` }, [
    tooltip(external.lines),
    rect(external, EXTERNAL_PAINT, { "stroke-dasharray": "4 3", class: "dv-frame" }),
    ...external.lines.map((l) => text(l)),
  ]);
}

function markerId(edge: Pick<LaidEdge, "kind">): string {
  return `dv-arrow-${edge.kind}`;
}

function drawEdge(edge: LaidEdge): SvgElement | undefined {
  if (edge.points.length < 2) return undefined;
  const style = edgeStroke(edge.kind, edge.optional);
  const d = edge.points.map((p, i) => `${i === 0 ? "M" : "L"}${num(p.x)} ${num(p.y)}`).join("");
  return el("path", {
    class: "dv-edge",
    "data-from": edge.from,
    "data-to": edge.to,
    "data-kind": edge.kind,
    d,
    fill: "none",
    stroke: style.stroke,
    "stroke-width": style.width,
    "stroke-dasharray": style.dash,
    "marker-end": `url(#${markerId(edge)})`,
  });
}

function drawEdgeLabel(edge: LaidEdge): SvgElement | undefined {
  if (!edge.label) return undefined;
  const { box } = edge.label;
  return el("g", { class: "dv-edge-label" }, [
    ...(edge.label.full ? [el("title", {}, [edge.label.full])] : []),
    el("rect", {
      x: num(box.x),
      y: num(box.y),
      width: num(box.width),
      height: num(box.height),
      rx: 3,
      fill: "#ffffff",
      "fill-opacity": 0.92,
    }),
    text(edge.label, edgeStroke(edge.kind, false).stroke),
  ]);
}

function markers(layout: Layout): SvgElement {
  const kinds = [...new Set(layout.edgeKinds)];
  return el(
    "defs",
    {},
    kinds.map((kind) =>
      el(
        "marker",
        {
          id: markerId({ kind }),
          viewBox: "0 0 10 10",
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: "auto-start-reverse",
        },
        [el("path", { d: "M0 0L10 5L0 10Z", fill: edgeStroke(kind, false).stroke })],
      ),
    ),
  );
}

function drawSample(entry: LegendEntry): SvgElement[] {
  const box = { x: entry.x, y: entry.y, width: 26, height: 16 };
  const sample = entry.sample;
  switch (sample.type) {
    case "service": {
      const paint = servicePaint(sample.kind);
      return [rect(box, paint, { rx: 3 }), kindIcon(sample.kind, box.x + 6, box.y + 1, paint.stroke)];
    }
    case "node":
      return sample.infrastructure
        ? [cutCorners(box, INFRASTRUCTURE_PAINT, { "stroke-width": 1.4 })]
        : [rect(box, NODE_PAINT, { rx: 3 })];
    case "stack":
      return [
        rect({ ...box, x: box.x + 6, y: box.y - 3, width: 20 }, servicePaint("web"), { rx: 3 }),
        rect({ ...box, x: box.x + 3, y: box.y, width: 20 }, servicePaint("web"), { rx: 3 }),
        rect({ ...box, y: box.y + 3, width: 20, height: 13 }, servicePaint("web"), { rx: 3 }),
      ];
    case "edge": {
      const style = edgeStroke(sample.kind, sample.optional);
      return [
        el("path", {
          d: `M${num(box.x)} ${num(box.y + 8)}H${num(box.x + 24)}`,
          stroke: style.stroke,
          "stroke-width": style.width,
          "stroke-dasharray": style.dash,
          "marker-end": `url(#${markerId(sample)})`,
        }),
      ];
    }
    default: {
      const unreachable: never = sample;
      throw new Error(`unknown legend sample ${JSON.stringify(unreachable)}`);
    }
  }
}

function drawLegend(layout: Layout): SvgElement {
  const { legend } = layout;
  return el("g", { class: "dv-legend" }, [
    el(
      "text",
      { x: num(legend.x + 8), y: num(legend.y + 14), "font-size": 12, "font-weight": "bold", fill: TEXT },
      ["Legend"],
    ),
    ...legend.entries.flatMap((entry) => [...drawSample(entry), text(entry.label, MUTED_TEXT)]),
  ]);
}

/** The diagram as an element tree, for the viewer to build DOM from. */
export function renderSvgTree(layout: Layout): SvgElement {
  const defined = <T>(items: (T | undefined)[]): T[] => items.filter((i): i is T => i !== undefined);
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      "font-family": FONT_FAMILY,
      role: "img",
      "aria-label": `Deployment diagram: ${layout.environment.name}`,
      class: "dv-diagram",
      "data-environment": layout.environment.id,
    },
    [
      el("title", {}, [`Deployment diagram: ${layout.environment.name}`]),
      markers(layout),
      el("rect", { x: 0, y: 0, width: layout.width, height: layout.height, fill: "#ffffff" }),
      el("g", { class: "dv-nodes" }, layout.nodes.map(drawNode)),
      el("g", { class: "dv-edges" }, defined(layout.edges.map(drawEdge))),
      el("g", { class: "dv-instances" }, layout.instances.map(drawInstance)),
      el("g", { class: "dv-externals" }, layout.externals.map(drawExternal)),
      el("g", { class: "dv-edge-labels" }, defined(layout.edges.map(drawEdgeLabel))),
      drawLegend(layout),
    ],
  );
}
