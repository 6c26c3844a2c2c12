/**
 * The layout for very large environments: each node's children packed in rows, nodes first, in
 * file order. It takes milliseconds where ELK takes seconds at a thousand instances, and at that
 * size a diagram is a map to search, not a flow to follow. Edges are left to be drawn straight.
 */

import type { ElkNode } from "elkjs/lib/elk-api.js";
import { maximum } from "../../../collections.js";
import { NODE } from "./boxes.js";
import type { GraphIndex } from "./elk-graph.js";

const GAP = 24;
const MARGIN = 16;

/** Sizes a node from its children (laid out relative to it), bottom up. */
function size(node: ElkNode, index: GraphIndex): void {
  const children = node.children ?? [];
  for (const child of children) size(child, index);
  if (children.length === 0) return;
  const entry = index.nodes.get(node.id);
  const top = entry ? entry.box.header + 8 : MARGIN;
  const side = entry ? NODE.padding : MARGIN;
  const minimum = entry ? entry.box.width : 0;
  // Rows about as wide as the square root of the children's area, so the result is roughly square.
  const area = children.reduce((sum, c) => sum + (c.width! + GAP) * (c.height! + GAP), 0);
  const widest = maximum(children.map((c) => c.width!));
  const target = Math.max(widest, Math.sqrt(area) * 1.4, minimum - 2 * side);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let right = 0;
  for (const child of children) {
    if (x > 0 && x + child.width! > target) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    child.x = side + x;
    child.y = top + y;
    x += child.width! + GAP;
    rowHeight = Math.max(rowHeight, child.height!);
    right = Math.max(right, child.x + child.width!);
  }
  node.width = Math.max(minimum, right + side);
  node.height = top + y + rowHeight + (entry ? NODE.padding : MARGIN);
}

/** Turns child-relative positions into absolute ones, as ELK's ROOT coordinates are. */
function place(node: ElkNode, dx: number, dy: number): void {
  for (const child of node.children ?? []) {
    child.x = child.x! + dx;
    child.y = child.y! + dy;
    place(child, child.x, child.y);
  }
}

export function gridLayout(graph: ElkNode, index: GraphIndex): ElkNode {
  const copy = structuredClone(graph);
  size(copy, index);
  place(copy, 0, 0);
  // Edges keep no sections: the drawing connects their boxes directly.
  return copy;
}
